/**
 * The drawings that made (or would make) lint quadratic, each about `bytes` long: one
 * very long line among short ones, a column of boxes sharing one right edge (a column
 * of corners on one edge), a long label crossed by many vertical lines, and a row of
 * boxes side by side (many edges traced along one long line).
 */

const BOX = ["┌───┐", "│ A │", "└───┘"];

export function longLine(bytes: number): string {
  const short = Array.from({ length: 2000 }, (_, i) => BOX[i % 3] as string);
  const long = "word ".repeat(Math.ceil(bytes / 5));
  return [...short.slice(0, 1000), long, ...short.slice(1000)].join("\n");
}

export function cornerColumn(bytes: number): string {
  // Each box's top-right and bottom-right corners are junctions on one long edge.
  const unit = ["┌──┤", "│ a│", "└──┤"];
  const rows = Math.ceil(bytes / 12);
  return Array.from({ length: rows }, (_, i) => unit[i % 3] as string).join("\n");
}

export function crossedLabel(bytes: number): string {
  const lines = Math.ceil(bytes / 10);
  const strokes = "│ ".repeat(lines);
  return [strokes, "x".repeat(lines * 2), strokes].join("\n");
}

export function boxRow(bytes: number): string {
  // A box is 25 bytes: eight box-drawing characters of three bytes, and an `a`.
  const boxes = Math.ceil(bytes / 25);
  return ["┌─┐", "│a│", "└─┘"].map((line) => line.repeat(boxes)).join("\n");
}
