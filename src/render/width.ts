import { CONTINUATION, displayWidth as gridWidth, layOut } from "../diagram/grid.js";

/**
 * Widths as a terminal counts them, measured exactly as the diagram grid lays a line
 * out (wide characters two columns, marks none, tabs to the next stop of 8), so that
 * the frame, the clipping and lint agree. ANSI colour codes take no columns.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are what is stripped
const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a line takes in a terminal. */
export function displayWidth(line: string): number {
  return gridWidth(line.includes("\u001b") ? line.replace(ANSI, "") : line);
}

/** Columns the widest line of `text` takes. */
export function widestLine(text: string): number {
  let widest = 0;
  for (const line of text.split("\n")) widest = Math.max(widest, displayWidth(line));
  return widest;
}

/**
 * The longest start of `line` (plain text) that fits in `columns`: a wide character
 * that would straddle the edge is left out whole, never cut in half.
 */
export function cutToWidth(line: string, columns: number): { text: string; width: number } {
  const cells = layOut(line).slice(0, columns);
  if (cells.at(-1) !== CONTINUATION && cells.length === columns) {
    // The last cell may be the first half of a wide character whose second half fell off.
    const next = layOut(line)[columns];
    if (next === CONTINUATION) cells.pop();
  }
  return { text: cells.join(""), width: cells.length };
}

/** Pads plain text with spaces to `width` display columns. */
export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** The largest of many numbers (a spread into Math.max overflows the stack past ~100,000). */
export function largest(values: Iterable<number>, start = 0): number {
  let max = start;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** A fence for `text`: longer than any run of backticks in it, so nothing inside can close it. */
export function fenceFor(text: string): string {
  return "`".repeat(Math.max(3, largest([...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1));
}
