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
  readonly h: number;
  /**
   * Where each row's cells begin in the arrays below (`start[h]` is the number of cells).
   * A row holds only the cells its line has, not the grid's width: the arrays grow with
   * the text, where width × height would make a long line over many short ones gigabytes.
   */
  readonly start: Int32Array;
  /** The row of each cell. */
  readonly rowOf: Int32Array;
  /** BLANK, STROKE, HEAD or LABEL: the grid's kind(). */
  readonly kind: Uint8Array;
  /** The grid's arms(). */
  readonly arms: Uint8Array;
  /** The way an arrow head points (0: none): the grid's head(). */
  readonly head: Uint8Array;
  /** The ways a cell reaches out: its arms, and an arrow's shaft side (the grid's reaches()). */
  readonly reach: Uint8Array;
}

// Functions over plain arrays. Not for speed: V8 compiles a class's method, as any
// function, only when it is first called.
export function cellsOf(grid: Grid): Cells {
  const h = grid.height;
  const start = new Int32Array(h + 1);
  for (let row = 0; row < h; row++) start[row + 1] = (start[row] as number) + grid.columns(row);
  const size = start[h] as number;
  const rowOf = new Int32Array(size);
  for (let row = 0; row < h; row++) rowOf.fill(row, start[row], start[row + 1]);
  const cells: Cells = {
    grid,
    h,
    start,
    rowOf,
    kind: new Uint8Array(size),
    arms: new Uint8Array(size),
    head: new Uint8Array(size),
    reach: new Uint8Array(size),
  };
  for (let row = 0; row < h; row++) {
    const line = grid.rows[row] as string[];
    const first = start[row] as number;
    for (let col = 0; col < line.length; col++) {
      if (line[col] === " ") continue;
      const i = first + col;
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

/** The cells a row has (past them, to the grid's width, it is blank). */
export function columnsOf(cells: Cells, row: number): number {
  return (cells.start[row + 1] as number) - (cells.start[row] as number);
}

/** Where a cell is in the arrays, or -1 where the drawing has no cell (all blank there). */
export function cellIndex(cells: Cells, row: number, col: number): number {
  if (row < 0 || row >= cells.h || col < 0) return -1;
  const at = (cells.start[row] as number) + col;
  return at < (cells.start[row + 1] as number) ? at : -1;
}

/** The kind of a cell, BLANK off the drawing. */
export function kindAt(cells: Cells, row: number, col: number): number {
  const i = cellIndex(cells, row, col);
  return i < 0 ? BLANK : (cells.kind[i] as number);
}

/** Whether a cell reaches out towards `dir` (off the drawing nothing does). */
export function reachesAt(cells: Cells, row: number, col: number, dir: number): boolean {
  const i = cellIndex(cells, row, col);
  return i >= 0 && ((cells.reach[i] as number) & dir) !== 0;
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
