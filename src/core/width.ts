import { eastAsianWidth } from "get-east-asian-width";

/** The second column of a wide character: part of its label, with no text of its own. */
export const CONTINUATION = "";

/**
 * Characters one column wide for certain: printable ASCII, Latin, and the box-drawing,
 * block, shape and arrow ranges diagrams are drawn with (less the two wide squares
 * `◽◾`). A line made only of them (every shipped diagram) is laid out by counting.
 */
const NARROW_CHARS = String.raw`[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2190-\u21ff\u2500-\u25fc]`;
const NARROW = new RegExp(`^${NARROW_CHARS}*$`);
/** NARROW's characters from `lastIndex` on: how far a line is NARROW, without cutting it out. */
let narrowChars: RegExp | undefined;
export const narrowRun = () => {
  narrowChars ??= new RegExp(`${NARROW_CHARS}*`, "y");
  return narrowChars;
};
const TAB = 8;
/**
 * The expressions with Unicode properties are made on first use: making one costs V8
 * 0.1 to 0.3 ms at start-up (`\p{RGI_Emoji}` about 14 ms), and a line needs them only
 * when it is not all NARROW.
 */
let zeroWidth: RegExp | undefined;
let emoji: RegExp | undefined;
let graphemes: Intl.Segmenter | undefined;

/** Columns one grapheme takes: 0 for a mark or a control, 2 for East Asian wide and emoji. */
function graphemeWidth(grapheme: string): number {
  zeroWidth ??= /^[\p{Mark}\p{Default_Ignorable_Code_Point}\p{Control}\p{Surrogate}]/u;
  if (zeroWidth.test(grapheme)) return 0;
  // biome-ignore lint/complexity/useRegexLiterals: the `v` flag is newer than the ES2022 target the types are checked against.
  emoji ??= new RegExp("^\\p{RGI_Emoji}$", "v");
  if (emoji.test(grapheme)) return 2;
  return eastAsianWidth(grapheme.codePointAt(0) ?? 0);
}

/** The width of each one-unit grapheme asked so far, plus one (0: not yet). */
let unitWidths: Uint8Array | undefined;

/** graphemeWidth of a one-unit grapheme, remembered: its emoji test is a microsecond a call. */
function unitWidth(grapheme: string): number {
  unitWidths ??= new Uint8Array(0x10000);
  const code = grapheme.charCodeAt(0);
  let known = unitWidths[code] as number;
  if (known === 0) {
    known = graphemeWidth(grapheme) + 1;
    unitWidths[code] = known;
  }
  return known - 1;
}

/**
 * The cells of one line as a terminal lays it out: a wide character fills its cell and
 * a CONTINUATION, a zero-width one joins the cell before it, a tab runs to the next
 * multiple of 8.
 */
export function layOut(line: string): string[] {
  if (NARROW.test(line)) return [...line];
  const cells: string[] = [];
  let pending = "";
  for (const segment of isLoose(line) ? line : graphemesOf(line)) {
    if (segment === "\t") {
      do cells.push(" ");
      while (cells.length % TAB !== 0);
      continue;
    }
    const width = segment.length === 1 ? unitWidth(segment) : graphemeWidth(segment);
    if (width === 0) {
      let last = cells.length - 1;
      if (cells[last] === CONTINUATION) last--;
      if (last >= 0) cells[last] += segment;
      else pending += segment;
      continue;
    }
    cells.push(pending + segment);
    pending = "";
    if (width === 2) cells.push(CONTINUATION);
  }
  return cells;
}

/**
 * What can join the character before it into one grapheme, or the next one to it, or
 * makes a pair: marks and other extenders (the voiced sound marks of half-width kana
 * are letters), Thai and Lao AM, prepended marks, Hangul jamo, joiners and the other
 * ignorables, everything beyond the BMP (emoji, flags) and lone surrogates. A line with
 * none of them is a grapheme a UTF-16 unit. Controls are graphemes of their own (a CR
 * joins only an LF, and a line holds none), and a tab is laid out as one.
 */
let joiner: RegExp | undefined;

/**
 * Whether each UTF-16 unit of a line is a grapheme of its own, so that it is laid out
 * without Intl.Segmenter, which costs microseconds a line however short (a drawing of
 * 200,000 lines of one CJK character each spent 2 s in it).
 */
export function isLoose(line: string): boolean {
  joiner ??=
    /[\p{M}\p{Grapheme_Extend}\p{Default_Ignorable_Code_Point}\p{Cs}\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u0e33\u0eb3\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u{10000}-\u{10ffff}]/u;
  return !joiner.test(line);
}

/** Longest piece of a line handed to Intl.Segmenter at once: on Node 20 it slows down far
 * faster than the text grows (a 100,000-character line took 28 s), and in pieces it is linear. */
const PIECE = 256;
/** What may not start a piece: a low surrogate, a mark, a joiner, a variation selector. */
let joins: RegExp | undefined;
/**
 * What a joiner joins to the grapheme before it: a pictograph (an emoji sequence) or an
 * Indic consonant (a conjunct). Anything else starts a grapheme of its own, so a piece may
 * end before it: `a` and a joiner, over and over, made one piece of a whole line.
 */
let joinedAfterZwj: RegExp | undefined;

/** The graphemes of a line, segmented piece by piece, never cutting one in two. */
function* graphemesOf(line: string): Generator<string> {
  graphemes ??= new Intl.Segmenter();
  joins ??= /^(?:[\udc00-\udfff]|\p{M}|\u200d)/u;
  joinedAfterZwj ??= /^(?:\p{Extended_Pictographic}|[\u0900-\u0dff])/u;
  for (let start = 0; start < line.length; ) {
    let end = Math.min(line.length, start + PIECE);
    while (
      end < line.length &&
      (joins.test(line.slice(end, end + 2)) ||
        (line[end - 1] === "\u200d" && joinedAfterZwj.test(line.slice(end, end + 2))))
    ) {
      end++;
    }
    for (const { segment } of graphemes.segment(line.slice(start, end))) yield segment;
    start = end;
  }
}

/** Columns a plain line takes (ANSI codes counted as the characters they are). */
export function plainWidth(line: string): number {
  // NARROW holds no surrogate: its lines are one column a UTF-16 unit.
  return NARROW.test(line) ? line.length : layOut(line).length;
}

/**
 * Widths as a terminal counts them, measured exactly as the diagram grid lays a line
 * out (wide characters two columns, marks none, tabs to the next stop of 8), so that
 * the frame, the clipping and lint agree. ANSI colour codes take no columns.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are what is stripped
const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a line takes in a terminal. */
export function displayWidth(line: string): number {
  return plainWidth(line.includes("\u001b") ? line.replace(ANSI, "") : line);
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
