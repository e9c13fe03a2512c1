import { CONTINUATION } from "../core/width.js";
import { ARROWS } from "../diagram/charset.js";
import { Grid } from "../diagram/grid.js";
import type { Style } from "./style.js";

type Kind = "stroke" | "arrow" | "label" | "space";

/**
 * Colours strokes, arrow heads and labels apart, cell by cell as the grid reads
 * them, so that what is coloured as a line is what lint, the SVG and the graph take
 * for one (ASCII `+--+` included); arrows written inside labels count as arrows.
 * Spaces are left bare.
 */
export function highlightDiagram(text: string, style: Style): string {
  if (!style.color) return text;
  const grid = new Grid(text);
  return grid.rows
    .map((cells, row) => {
      let out = "";
      let run = "";
      let runKind: Kind = "space";
      const flush = () => {
        if (run === "") return;
        out += runKind === "space" ? run : style[runKind](run);
        run = "";
      };
      cells.forEach((cell, col) => {
        if (cell === CONTINUATION) return;
        const kind = kindOf(grid, row, col, cell);
        if (kind !== runKind) flush();
        runKind = kind;
        run += cell;
      });
      flush();
      return out;
    })
    .join("\n");
}

function kindOf(grid: Grid, row: number, col: number, cell: string): Kind {
  if (cell === " ") return "space";
  const kind = grid.kind(row, col);
  if (kind === "stroke") return "stroke";
  if (kind === "head" || ARROWS.has(cell)) return "arrow";
  return "label";
}
