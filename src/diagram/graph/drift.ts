import { CONTINUATION } from "../../core/width.js";
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
/** How far right a side may slip on a row of wide characters (see slack). */
export const MOST_SLIP = 3;

/**
 * The boxes among outlines that do not close but do once each row may slip a column;
 * and, in an ASCII drawing, those whose top and bottom rows sit a column off both sides
 * (`+-----+` over `  |  x  |`), whose corner `+` has no side under it and so no outline.
 */
export function driftedBoxes(grid: Grid, traced: Outline[]): DriftedBox[] {
  const found: DriftedBox[] = [];
  for (const o of traced) {
    if (closes(o) || !o.topCloses || o.right - o.left < 2) continue;
    const box = followSides(grid, o.top, o.left, o.right);
    if (box) found.push(box);
  }
  if (grid.ascii) {
    const corners = grid.strokesWith(E);
    for (let i = 0; i < corners.length; i += 2) {
      const box = shiftedTop(grid, corners[i] as number, corners[i + 1] as number);
      if (box) found.push(box);
    }
  }
  return found;
}

/** A box whose top-left `+` at (top, left) has its side a column off, if its edges meet so. */
function shiftedTop(grid: Grid, top: number, left: number): DriftedBox | undefined {
  if (grid.at(top, left) !== "+") return undefined;
  let right = left + 1;
  while (horizontalEdge(grid, top, right)) right++;
  if (right - left < 3 || grid.at(top, right) !== "+") return undefined;
  return followSides(grid, top, left, right);
}

/**
 * How far right a side may slip on a row: one column, and more past wide characters.
 * A side set by eye after CJK text, in a font that draws a wide character narrower than
 * two columns, lands a column right for every few of them (a column for four, seen in
 * Chinese READMEs), never left.
 */
function slack(grid: Grid, row: number, col: number): number {
  const cells = grid.rows[row] as string[];
  let wide = 0;
  for (let c = 0; c < col && c < cells.length; c++) if (cells[c] === CONTINUATION) wide++;
  return wide === 0 ? 1 : Math.min(MOST_SLIP, 1 + Math.ceil(wide / 4));
}

/** A column within reach of `col` that passes `test`: `col`, one either side, then further right. */
function near(col: number, right: number, test: (c: number) => boolean): number {
  if (test(col)) return col;
  if (test(col + 1)) return col + 1;
  if (col > 0 && test(col - 1)) return col - 1;
  for (let k = 2; k <= right; k++) if (test(col + k)) return col + k;
  return -1;
}

/** Walks both sides down from a closed top edge, a column of slip allowed on each row. */
function followSides(grid: Grid, top: number, left: number, right: number): DriftedBox | undefined {
  const drift: number[] = [];
  const last = Math.min(grid.height - 1, top + MOST_ROWS);
  for (let row = top + 1; row <= last; row++) {
    const l = near(left, 1, (c) => turns(grid, row, c, N | E));
    const r = near(right, 1, (c) => turns(grid, row, c, N | W));
    if (l >= 0 && r > l + 1 && row > top + 1 && bottomEdge(grid, row, l, r)) {
      if (l !== left) drift.push(row, l);
      if (r !== right) drift.push(row, r);
      // A box with no slip at all closes already, or is broken in another way.
      return drift.length > 0 ? { top, left, bottom: row, right, drift } : undefined;
    }
    const ls = near(left, slack(grid, row, left), (c) => verticalEdge(grid, row, c));
    const rs = near(right, slack(grid, row, right), (c) => verticalEdge(grid, row, c));
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
