import { type Box, closes, horizontalEdge, type Outline, turns, verticalEdge } from "../boxes.js";
import { E, N, W } from "../charset.js";
import type { Grid } from "../grid.js";

/**
 * A box drawn with a slip: a side, or a row of it, one column off its corners (the
 * commonest slip in real drawings, nearly every one where wide characters were aligned by
 * eye). The graph reads it as the box; the box tracer does not close it, so lint still
 * reports it. `drift` holds the cells of its outline off the rectangle (row, col pairs).
 */
export interface DriftedBox extends Box {
  drift: number[];
}

/** How many rows a drifted box may have: past it, the check is not worth its cost. */
const MOST_ROWS = 60;

/** The boxes among outlines that do not close but do once each row may slip a column. */
export function driftedBoxes(grid: Grid, traced: Outline[]): DriftedBox[] {
  const found: DriftedBox[] = [];
  for (const o of traced) {
    if (closes(o) || !o.topCloses || o.right - o.left < 2) continue;
    const box = followSides(grid, o.top, o.left, o.right);
    if (box) found.push(box);
  }
  return found;
}

/** Whether a column within one of `col` on `row` passes `test`: that column, or -1. */
function near(col: number, test: (c: number) => boolean): number {
  if (test(col)) return col;
  if (test(col + 1)) return col + 1;
  if (col > 0 && test(col - 1)) return col - 1;
  return -1;
}

/** Walks both sides down from a closed top edge, a column of slip allowed on each row. */
function followSides(grid: Grid, top: number, left: number, right: number): DriftedBox | undefined {
  const drift: number[] = [];
  const last = Math.min(grid.height - 1, top + MOST_ROWS);
  for (let row = top + 1; row <= last; row++) {
    const l = near(left, (c) => turns(grid, row, c, N | E));
    const r = near(right, (c) => turns(grid, row, c, N | W));
    if (l >= 0 && r > l + 1 && row > top + 1 && bottomEdge(grid, row, l, r)) {
      if (l !== left) drift.push(row, l);
      if (r !== right) drift.push(row, r);
      // A box with no slip at all closes already, or is broken in another way.
      return drift.length > 0 ? { top, left, bottom: row, right, drift } : undefined;
    }
    const ls = near(left, (c) => verticalEdge(grid, row, c));
    const rs = near(right, (c) => verticalEdge(grid, row, c));
    if (ls < 0 || rs < 0) return undefined;
    if (ls !== left) drift.push(row, ls);
    if (rs !== right) drift.push(row, rs);
  }
  return undefined;
}

function bottomEdge(grid: Grid, row: number, from: number, to: number): boolean {
  for (let c = from + 1; c < to; c++) if (!horizontalEdge(grid, row, c)) return false;
  return true;
}
