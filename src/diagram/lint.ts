import { outlines, verticalEdge } from "./boxes.js";
import { ARMS, BY_ARMS, DIR_NAME, DIRS, type Dir, E, HEADS, N, OPPOSITE, S, W } from "./charset.js";
import { Grid, step } from "./grid.js";

export type Rule =
  | "gap"
  | "junction"
  | "into-label"
  | "arrow-shaft"
  | "arrow-target"
  | "box-top"
  | "box-left"
  | "box-right"
  | "box-bottom";

/** A defect at a 1-based line and column of the diagram. */
export interface Defect {
  line: number;
  column: number;
  rule: Rule;
  message: string;
}

/** An arrow head set into a line that runs across it (`┌──▼──┐`, `│ ►`… as part of an edge). */
function inEdge(grid: Grid, row: number, col: number, dir: Dir): boolean {
  const across = dir === N || dir === S ? [E, W] : [N, S];
  return across.every((d) => {
    const [r, c] = step(row, col, d as Dir);
    return grid.reaches(r, c, OPPOSITE[d as Dir]);
  });
}

/** How many vertical lines run straight through the word at (row, col). */
function crossings(grid: Grid, row: number, col: number): number {
  let start = col;
  while (grid.kind(row, start - 1) === "label") start--;
  let count = 0;
  for (let c = start; grid.kind(row, c) === "label"; c++) {
    if (grid.reaches(row - 1, c, S) && grid.reaches(row + 1, c, N)) count++;
  }
  return count;
}

function checkCells(
  grid: Grid,
  add: (row: number, col: number, rule: Rule, message: string) => void,
) {
  for (let row = 0; row < grid.height; row++) {
    for (let col = 0; col < grid.width; col++) {
      const char = grid.at(row, col);
      const arms = ARMS.get(char);
      if (arms !== undefined) {
        for (const dir of DIRS) {
          if (!(arms & dir)) continue;
          const [r, c] = step(row, col, dir);
          const next = grid.kind(r, c);
          if (grid.reaches(r, c, OPPOSITE[dir])) continue;
          if (next === "head") continue; // an arrow set in an edge beside it
          if (next === "blank") {
            const [r2, c2] = step(r, c, dir);
            // Facing a line across one blank: it meets it (at a junction) or it is a slip.
            if (grid.kind(r2, c2) === "stroke") {
              add(
                row,
                col,
                "gap",
                `'${char}' stops one column short of the '${grid.at(r2, c2)}' ${DIR_NAME[dir]} of it`,
              );
            }
            continue;
          }
          if (next === "stroke") {
            const wanted = BY_ARMS.get(grid.arms(r, c) | OPPOSITE[dir]);
            add(
              r,
              c,
              "junction",
              `'${char}' meets '${grid.at(r, c)}' without a junction${wanted ? ` (expected '${wanted}')` : ""}`,
            );
            continue;
          }
          // A line may lead to a label, or pass through a word set on it as a node
          // (`CAP` over `Consistency`); lines running across a word are a defect.
          const [r2, c2] = step(r, c, dir);
          if (
            (dir === N || dir === S) &&
            grid.reaches(r2, c2, OPPOSITE[dir]) &&
            crossings(grid, r, c) > 1
          ) {
            add(r, c, "into-label", `a line runs through the label at '${grid.at(r, c)}'`);
          }
        }
        continue;
      }
      const head = HEADS.get(char);
      if (head === undefined || inEdge(grid, row, col, head)) continue;
      const [br, bc] = step(row, col, OPPOSITE[head]);
      if (!grid.reaches(br, bc, head)) {
        add(row, col, "arrow-shaft", `arrow '${char}' has no line leading into it`);
      }
      const [fr, fc] = step(row, col, head);
      const [fr2, fc2] = step(fr, fc, head);
      const vertical = head === N || head === S;
      // Aimed between two words of a label row ("Load Balancer") still hits the label.
      const labelRow = grid.kind(fr, fc - 1) === "label" || grid.kind(fr, fc + 1) === "label";
      const blankAhead = vertical ? !labelRow : grid.kind(fr2, fc2) === "blank";
      if (grid.kind(fr, fc) === "blank" && blankAhead) {
        add(row, col, "arrow-target", `arrow '${char}' points at nothing`);
      }
    }
  }
}

function checkBoxes(
  grid: Grid,
  add: (row: number, col: number, rule: Rule, message: string) => void,
) {
  for (const o of outlines(grid)) {
    const { top, left, right, bottom } = o;
    if (!o.topCloses) {
      add(
        top,
        right,
        "box-top",
        `top edge of the box at column ${left + 1} ends at '${grid.at(top, right)}', not a corner`,
      );
      continue;
    }
    // Neither side closes: a bracket fanning out to arrows, not a box.
    if (!o.leftCloses && !o.rightCloses) continue;
    if (!o.leftCloses) {
      add(
        bottom,
        left,
        "box-left",
        `left edge of the box from line ${top + 1} ends at '${grid.at(bottom, left)}', not a corner`,
      );
      continue;
    }
    // A bracket whose left leg bends away (`└───► Complete`) is no box either:
    // a box's bottom edge runs (nearly) to its right edge.
    if (!o.rightCloses && o.bottomEnd < right - 2) continue;
    for (let row = top + 1; row < bottom; row++) {
      if (verticalEdge(grid, row, right)) continue;
      const near = [right - 1, right + 1, right - 2, right + 2].find((c) =>
        verticalEdge(grid, row, c),
      );
      const found = grid.at(row, right);
      const message =
        near !== undefined
          ? `right edge of the box is at column ${near + 1}, its corner at column ${right + 1}`
          : found === " "
            ? "right edge of the box is missing"
            : `the label crosses the right edge of the box at '${found}'`;
      add(row, right, "box-right", message);
    }
    if (o.bottomEnd !== right || (grid.arms(bottom, right) & (N | W)) !== (N | W)) {
      add(
        bottom,
        o.bottomEnd,
        "box-bottom",
        `bottom edge of the box ends at column ${o.bottomEnd + 1}, its right edge is at column ${right + 1}`,
      );
    }
  }
}

/** Every defect of a diagram, in reading order, one per place and rule. */
export function lintDiagram(text: string): Defect[] {
  const grid = new Grid(text);
  const seen = new Set<string>();
  const defects: Defect[] = [];
  const add = (row: number, col: number, rule: Rule, message: string) => {
    const key = `${row}:${col}:${rule}`;
    if (seen.has(key)) return;
    seen.add(key);
    defects.push({ line: row + 1, column: col + 1, rule, message });
  };
  checkCells(grid, add);
  checkBoxes(grid, add);
  return defects.sort((a, b) => a.line - b.line || a.column - b.column);
}
