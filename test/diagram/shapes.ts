/**
 * The drawings that made (or would make) lint, the graph or the SVG quadratic, each
 * about `bytes` long (UTF-8). For lint: one very long line among short ones, a column of
 * boxes sharing one right edge (a column of corners on one edge), a long label crossed
 * by many vertical lines, and a row of boxes side by side (many edges traced along one
 * long line). For the graph and the SVG, the ones below them. `npm run bench` times
 * each at two sizes.
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

/** Labels beside one long line between two boxes: each label's branch is the whole line. */
export function labelsBesideLine(bytes: number): string {
  // ` │ a` and its line break are 7 bytes.
  return `┌─┐\n└┬┘\n${" │ a\n".repeat(Math.ceil(bytes / 7))}┌┴┐\n└─┘`;
}

/** Blocks of 200 short lines, each with a word under it: 200 text nodes a block. */
export function textUnderLines(bytes: number): string {
  const block = `${"│  ".repeat(200)}\n${"a  ".repeat(200)}\n\n`;
  return block.repeat(Math.ceil(bytes / Buffer.byteLength(block)));
}

/** Arrows from above and below into one long run of text. */
export function headsIntoText(bytes: number): string {
  const n = Math.ceil(bytes / 10);
  return ["▼ ".repeat(n), "ab".repeat(n), "▲ ".repeat(n)].join("\n");
}

/** A box's top drawn out long over a column of short lines: wide and tall, with few cells. */
export function longTopLine(bytes: number): string {
  const n = Math.ceil(bytes / 7);
  return `┌${"─".repeat(n)}┐\n${"│\n".repeat(n)}`;
}

/** A box, then a line of one East Asian wide character after another. */
export function wideLines(bytes: number): string {
  return `┌─┐\n└─┘\n${"中\n".repeat(Math.ceil(bytes / 4))}`;
}

/** A label beside each of a column of `┼` with one line through them. */
export function labelsBesideCrossings(bytes: number): string {
  // `┼ x` and its line break are 6 bytes.
  return "┼ x\n".repeat(Math.ceil(bytes / 6));
}

/** Text nodes under arrows, over one long run of text over a line. */
export function textOverLongRun(bytes: number): string {
  const k = Math.ceil(bytes / 30);
  return [
    "│  ".repeat(k),
    "▼  ".repeat(k),
    "a  ".repeat(k),
    "x".repeat(3 * k),
    "─".repeat(3 * k),
  ].join("\n");
}

/** A box beside a column of arrow heads, over and over: heads and boxes both many. */
export function headsBesideBoxes(bytes: number): string {
  // `┌─┐ ►` and `└─┘ ►` and their line breaks are 28 bytes.
  return "┌─┐ ►\n└─┘ ►\n".repeat(Math.ceil(bytes / 28));
}

/** A letter and a zero-width joiner, over and over, in a box. */
export function joinedLetters(bytes: number): string {
  return `┌─┐\n│${"a\u200d".repeat(Math.ceil(bytes / 4))}│\n└─┘`;
}
