import { E, N, S, W } from "../charset.js";
import { type Extraction, idx, inside } from "./extraction.js";

/** How many rows a lifeline runs at least, and how many messages make a sequence drawing. */
const LIFELINE_ROWS = 5;
const MESSAGES = 2;

/**
 * Whether a drawing is a sequence drawing: lifelines (long vertical lines side by side,
 * off any box) and messages (horizontal arrows across from one lifeline to another, on
 * two rows or more). Read as a flowchart, its lifelines join every participant to every
 * other, or to nothing; the graph gives no edges for it, and an export says why.
 */
export function isSequence(x: Extraction): boolean {
  const lifelines = lifelineColumns(x);
  if (lifelines.length < 2) return false;
  let messages = 0;
  for (let row = 0; row < x.h && messages < MESSAGES; row++) {
    if (crossesBetween(x, row, lifelines)) messages++;
  }
  return messages >= MESSAGES;
}

const verticalAt = (x: Extraction, row: number, col: number) =>
  inside(x, row, col) &&
  x.path[idx(x, row, col)] === 1 &&
  ((x.cells.arms[idx(x, row, col)] as number) & (N | S)) === (N | S);

/** Columns with a vertical line of LIFELINE_ROWS rows or more, left to right. */
function lifelineColumns(x: Extraction): number[] {
  const longest = new Map<number, number>();
  const run = new Map<number, number>();
  for (let row = 0; row < x.h; row++) {
    const width = (x.cells.start[row + 1] as number) - (x.cells.start[row] as number);
    for (const col of [...run.keys()]) if (!verticalAt(x, row, col)) run.delete(col);
    for (let col = 0; col < width; col++) {
      if (!verticalAt(x, row, col)) continue;
      const length = (run.get(col) ?? 0) + 1;
      run.set(col, length);
      if (length > (longest.get(col) ?? 0)) longest.set(col, length);
    }
  }
  return [...longest]
    .filter(([, length]) => length >= LIFELINE_ROWS)
    .map(([col]) => col)
    .sort((a, b) => a - b);
}

/**
 * Whether a row holds a message: a horizontal run of strokes with a head at an end,
 * between two lifelines that run past it, with no other stroke between it and either.
 */
function crossesBetween(x: Extraction, row: number, lifelines: number[]): boolean {
  const width = (x.cells.start[row + 1] as number) - (x.cells.start[row] as number);
  const across = (col: number) => {
    const cell = idx(x, row, col);
    const head = x.cells.head[cell] as number;
    return (
      x.path[cell] === 1 &&
      (((x.cells.arms[cell] as number) & (E | W)) !== 0 || head === E || head === W)
    );
  };
  for (let col = 0; col < width; col++) {
    if (!across(col) || verticalAt(x, row, col)) continue;
    let end = col;
    while (end + 1 < width && across(end + 1) && !verticalAt(x, row, end + 1)) end++;
    const headed = [col, end].some((c) => {
      const head = x.cells.head[idx(x, row, c)] as number;
      return head === E || head === W;
    });
    const left = lifelines.filter((c) => c < col).at(-1);
    const right = lifelines.find((c) => c > end);
    if (headed && end - col >= 3 && left !== undefined && right !== undefined) {
      const clear = (from: number, to: number) => {
        for (let c = from; c < to; c++)
          if (x.path[idx(x, row, c)] && !verticalAt(x, row, c)) return false;
        return true;
      };
      const passes = (c: number) => verticalAt(x, row - 1, c) && verticalAt(x, row + 1, c);
      if (clear(left + 1, col) && clear(end + 1, right) && passes(left) && passes(right))
        return true;
    }
    col = end;
  }
  return false;
}
