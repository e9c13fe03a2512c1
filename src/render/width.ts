import { eastAsianWidth } from "get-east-asian-width";

/**
 * Display width as a terminal counts it: East Asian wide and fullwidth characters
 * take two columns, combining marks, zero-width and default-ignorable characters
 * none. Lines made only of characters one column wide for certain (printable ASCII,
 * Latin, and the box-drawing, shape and arrow ranges diagrams are drawn with) are
 * measured by counting: every shipped diagram is.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are what is stripped
const ANSI = /\u001b\[[0-9;]*m/g;
const NARROW = /^[\u0020-\u007e\u00a0-\u02ff\u2010-\u2027\u2190-\u21ff\u2500-\u25ff]*$/u;
// Marks (combining, variation selectors), controls and format characters (zero-width space
// and joiners, the byte-order mark).
const ZERO = /^[\p{M}\p{Cc}\p{Cf}]$/u;

/** Columns one character (a code point) takes. */
export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x20 && code < 0x7f) return 1;
  if (ZERO.test(char)) return 0;
  return eastAsianWidth(code);
}

/** Columns a line takes in a terminal; ANSI colour codes take none. */
export function displayWidth(line: string): number {
  const plain = line.includes("\u001b") ? line.replace(ANSI, "") : line;
  if (NARROW.test(plain)) return plain.length;
  let width = 0;
  for (const char of plain) width += charWidth(char);
  return width;
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
  if (NARROW.test(line)) {
    const text = line.slice(0, columns);
    return { text, width: text.length };
  }
  let width = 0;
  let text = "";
  for (const char of line) {
    const w = charWidth(char);
    if (width + w > columns) break;
    width += w;
    text += char;
  }
  return { text, width };
}

/** Pads plain text with spaces to `width` display columns. */
export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}
