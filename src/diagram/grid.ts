import { eastAsianWidth } from "get-east-asian-width";
import {
  ARMS,
  ASCII_CORNER,
  ASCII_HEADS,
  ASCII_HORIZONTAL,
  ASCII_VERTICAL,
  DIRS,
  type Dir,
  E,
  HEADS,
  isAsciiDrawing,
  N,
  OPPOSITE,
  S,
  STEP,
  W,
} from "./charset.js";

/**
 * A diagram as a grid of cells, one per column a terminal gives it. Each box-drawing
 * character is a set of arms (the directions its strokes leave the cell in); arrow
 * heads point one way and take their shaft from the other; everything else but a
 * blank is label text.
 */

export type Kind = "blank" | "stroke" | "head" | "label";

/** The second column of a wide character: part of its label, with no text of its own. */
export const CONTINUATION = "";

/**
 * Characters one column wide for certain: printable ASCII, Latin, and the box-drawing,
 * block, shape and arrow ranges diagrams are drawn with (less the two wide squares
 * `◽◾`). A line made only of them (every shipped diagram) is laid out by counting.
 */
const NARROW =
  /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2190-\u21ff\u2500-\u25fc]*$/;
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

/**
 * The cells of one line as a terminal lays it out: a wide character fills its cell and
 * a CONTINUATION, a zero-width one joins the cell before it, a tab runs to the next
 * multiple of 8.
 */
export function layOut(line: string): string[] {
  if (NARROW.test(line)) return [...line];
  const cells: string[] = [];
  let pending = "";
  for (const segment of graphemesOf(line)) {
    if (segment === "\t") {
      do cells.push(" ");
      while (cells.length % TAB !== 0);
      continue;
    }
    const width = graphemeWidth(segment);
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

/** Longest piece of a line handed to Intl.Segmenter at once: on Node 20 it slows down far
 * faster than the text grows (a 100,000-character line took 28 s), and in pieces it is linear. */
const PIECE = 256;
/** What may not start a piece: a low surrogate, a mark, a joiner, a variation selector. */
let joins: RegExp | undefined;

/** The graphemes of a line, segmented piece by piece, never cutting one in two. */
function* graphemesOf(line: string): Generator<string> {
  graphemes ??= new Intl.Segmenter();
  joins ??= /^(?:[\udc00-\udfff]|\p{M}|\u200d)/u;
  for (let start = 0; start < line.length; ) {
    let end = Math.min(line.length, start + PIECE);
    while (
      end < line.length &&
      (joins.test(line.slice(end, end + 2)) || line[end - 1] === "\u200d")
    ) {
      end++;
    }
    for (const { segment } of graphemes.segment(line.slice(start, end))) yield segment;
    start = end;
  }
}

/** Columns a line takes in a terminal. */
export function displayWidth(line: string): number {
  // NARROW holds no surrogate: its lines are one column a UTF-16 unit.
  return NARROW.test(line) ? line.length : layOut(line).length;
}

const isAsciiStroke = (char: string, dir: Dir) =>
  char === ASCII_CORNER ||
  (dir === E || dir === W ? char === ASCII_HORIZONTAL : char === ASCII_VERTICAL);
let word: RegExp | undefined;

export class Grid {
  readonly rows: string[][];
  readonly width: number;
  /** Whether `+ - |` and `v ^ < >` are strokes and heads (an ASCII drawing). */
  readonly ascii: boolean;
  /** Cells read so far: the work lint does, counted so a test can bound it. */
  probes = 0;

  constructor(text: string, options: { ascii?: boolean } = {}) {
    this.rows = text.split("\n").map((line) => layOut(line.replace(/\r$/, "")));
    let width = 0;
    for (const row of this.rows) width = Math.max(width, row.length);
    this.width = width;
    this.ascii = options.ascii ?? isAsciiDrawing(text);
  }

  get height(): number {
    return this.rows.length;
  }

  /** The text of a cell: " " off the drawing, CONTINUATION beside a wide character. */
  at(row: number, col: number): string {
    this.probes++;
    return this.rows[row]?.[col] ?? " ";
  }

  /** The text of columns [from, to) of a row, a wide character once. */
  text(row: number, from: number, to: number): string {
    return this.rows[row]?.slice(Math.max(0, from), Math.max(0, to)).join("") ?? "";
  }

  /** Columns the row has cells in (the rest of the grid's width is blank). */
  columns(row: number): number {
    return this.rows[row]?.length ?? 0;
  }

  kind(row: number, col: number): Kind {
    const char = this.at(row, col);
    if (char === " ") return "blank";
    if (this.armsOf(char, row, col)) return "stroke";
    if (this.headOf(char, row, col) !== undefined) return "head";
    return "label";
  }

  arms(row: number, col: number): number {
    return this.armsOf(this.at(row, col), row, col);
  }

  /** The way the arrow head in a cell points, if it holds one. */
  head(row: number, col: number): Dir | undefined {
    return this.headOf(this.at(row, col), row, col);
  }

  /** Whether the cell reaches out towards `dir`: an arm, or an arrow's shaft side. */
  reaches(row: number, col: number, dir: Dir): boolean {
    const char = this.at(row, col);
    if (this.armsOf(char, row, col) & dir) return true;
    const head = this.headOf(char, row, col);
    return head !== undefined && OPPOSITE[head] === dir;
  }

  private armsOf(char: string, row: number, col: number): number {
    const drawn = ARMS.get(char);
    if (drawn !== undefined || !this.ascii) return drawn ?? 0;
    if (char === ASCII_VERTICAL) return N | S;
    if (char === ASCII_HORIZONTAL) {
      // A hyphen in a word is no line: only a run of them, or one against a corner or head.
      const west = this.at(row, col - 1);
      const east = this.at(row, col + 1);
      return isAsciiStroke(west, W) || west === "<" || isAsciiStroke(east, E) || east === ">"
        ? E | W
        : 0;
    }
    if (char !== ASCII_CORNER) return 0;
    let arms = 0;
    for (const dir of DIRS) {
      const [r, c] = step(row, col, dir);
      const next = this.at(r, c);
      if (isAsciiStroke(next, dir) || this.headOf(next, r, c) === dir) arms |= dir;
    }
    return arms;
  }

  private headOf(char: string, row: number, col: number): Dir | undefined {
    const head = HEADS.get(char);
    if (head !== undefined || !this.ascii) return head;
    const dir = ASCII_HEADS.get(char);
    if (dir === undefined) return undefined;
    const vertical = dir === N || dir === S;
    const [br, bc] = step(row, col, OPPOSITE[dir]);
    const shaft = isAsciiStroke(this.at(br, bc), OPPOSITE[dir]);
    const across = (vertical ? [E, W] : [N, S]) as Dir[];
    const inEdge = across.every((d) => {
      const [r, c] = step(row, col, d);
      return isAsciiStroke(this.at(r, c), d);
    });
    if (!shaft && !inEdge) return undefined;
    // `v` and `^` beside letters are a word ("via"), not a head.
    word ??= /^[\p{L}\p{N}]/u;
    if (vertical && (word.test(this.at(row, col - 1)) || word.test(this.at(row, col + 1)))) {
      return undefined;
    }
    return dir;
  }
}

export function step(row: number, col: number, dir: Dir): [number, number] {
  const [dr, dc] = STEP[dir];
  return [row + dr, col + dc];
}
