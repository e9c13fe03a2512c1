import { type Outline, outlines } from "./boxes.js";
import { OPPOSITE } from "./charset.js";
import { Grid } from "./grid.js";

/**
 * A grid's answers, asked once per cell and kept in flat arrays: the graph and the SVG
 * read each cell many times (its kind, its arms, where it reaches), and through the
 * grid's methods every read was a call, a lookup and, on the first run of a process,
 * an interpreter's worth of work. The grid stays the one that decides.
 */

export const BLANK = 0;
export const STROKE = 1;
export const HEAD = 2;
export const LABEL = 3;

export interface Cells {
  readonly grid: Grid;
  /** Columns a row of the arrays holds: the grid's width (at least 1, so an index is unique). */
  readonly w: number;
  readonly h: number;
  /** BLANK, STROKE, HEAD or LABEL: the grid's kind(). */
  readonly kind: Uint8Array;
  /** The grid's arms(). */
  readonly arms: Uint8Array;
  /** The way an arrow head points (0: none): the grid's head(). */
  readonly head: Uint8Array;
  /** The ways a cell reaches out: its arms, and an arrow's shaft side (the grid's reaches()). */
  readonly reach: Uint8Array;
}

// Functions, not a class: a class in a module imported on demand is compiled whole on
// its first import in every process.
export function cellsOf(grid: Grid): Cells {
  const w = Math.max(1, grid.width);
  const h = grid.height;
  const size = w * h;
  const cells: Cells = {
    grid,
    w,
    h,
    kind: new Uint8Array(size),
    arms: new Uint8Array(size),
    head: new Uint8Array(size),
    reach: new Uint8Array(size),
  };
  for (let row = 0; row < h; row++) {
    const line = grid.rows[row] as string[];
    for (let col = 0; col < line.length; col++) {
      if (line[col] === " ") continue;
      const i = row * w + col;
      const arms = grid.arms(row, col);
      // A stroke is never a head too (no character is both), so only the rest are asked.
      const head = arms ? 0 : (grid.head(row, col) ?? 0);
      cells.arms[i] = arms;
      cells.head[i] = head;
      cells.reach[i] = arms | (head && OPPOSITE[head]);
      cells.kind[i] = arms ? STROKE : head ? HEAD : LABEL;
    }
  }
  return cells;
}

/** The kind of a cell, BLANK off the drawing. */
export function kindAt(cells: Cells, row: number, col: number): number {
  return row >= 0 && col >= 0 && row < cells.h && col < cells.w
    ? (cells.kind[row * cells.w + col] as number)
    : BLANK;
}

/** Whether a cell reaches out towards `dir` (off the drawing nothing does). */
export function reachesAt(cells: Cells, row: number, col: number, dir: number): boolean {
  return (
    row >= 0 &&
    col >= 0 &&
    row < cells.h &&
    col < cells.w &&
    ((cells.reach[row * cells.w + col] as number) & dir) !== 0
  );
}

/** What both the graph and the SVG of a drawing start from. */
export interface Analysis {
  cells: Cells;
  outlines: Outline[];
}

let last: { text: string; analysis: Analysis } | undefined;

/**
 * The cells and the box outlines of a drawing. `--format svg` draws a drawing and
 * describes its graph: the one before is kept, so that is done once.
 */
export function analyse(text: string): Analysis {
  if (last?.text === text) return last.analysis;
  const grid = new Grid(text);
  const analysis = { cells: cellsOf(grid), outlines: outlines(grid) };
  last = { text, analysis };
  return analysis;
}
