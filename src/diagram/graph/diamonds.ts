import { horizontalEdge } from "../boxes.js";
import type { Grid } from "../grid.js";
import type { DriftedBox } from "./drift.js";

/** How many rows of text a decision may have between its top and bottom. */
const MOST_ROWS = 3;
const RISE = /[\u2571/]/;

/**
 * Decisions drawn as flattened diamonds, as Mermaid's text renderers draw them:
 *
 *      ╱────────────╲
 *     < Let me think >
 *      ╲─────┬──────╱
 *
 * A box whose corners are the diagonals and whose sides are the `<` and `>` a column
 * outside them (its `drift`, as a side that slipped outwards: drift.ts). The `/` and `\`
 * of an ASCII drawing alike.
 */
export function diamonds(grid: Grid, text: string): DriftedBox[] {
  const found: DriftedBox[] = [];
  if (!RISE.test(text)) return found;
  for (let top = 0; top + 2 < grid.height; top++) {
    const columns = grid.columns(top);
    for (let left = 1; left < columns; left++) {
      if (!rises(grid.at(top, left))) continue;
      let right = left + 1;
      while (horizontalEdge(grid, top, right)) right++;
      if (right - left < 3 || !falls(grid.at(top, right))) continue;
      const box = sides(grid, top, left, right);
      if (box) found.push(box);
    }
  }
  return found;
}

const rises = (char: string) => char === "╱" || char === "/";
const falls = (char: string) => char === "╲" || char === "\\";

/** The rows of `<` and `>` under a diamond's top, and its bottom edge. */
function sides(grid: Grid, top: number, left: number, right: number): DriftedBox | undefined {
  const drift: number[] = [];
  for (let row = top + 1; row <= top + MOST_ROWS + 1 && row < grid.height; row++) {
    if (falls(grid.at(row, left)) && rises(grid.at(row, right)) && row > top + 1) {
      for (let c = left + 1; c < right; c++) if (!horizontalEdge(grid, row, c)) return undefined;
      return { top, left, bottom: row, right, drift };
    }
    if (grid.at(row, left - 1) !== "<" || grid.at(row, right + 1) !== ">") return undefined;
    drift.push(row, left - 1, row, right + 1);
  }
  return undefined;
}
