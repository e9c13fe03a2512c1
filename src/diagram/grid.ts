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

/**
 * A cell's class, one byte: its kind in the high nibble and, in the low one, the
 * directions it reaches (a stroke's arms, or the shaft side of an arrow head). A blank
 * and a label are both TEXT, told apart by the character when asked: nothing that
 * walks the drawing needs to. Classed once per grid, so that asking about a cell is
 * reading a byte, not a map and its neighbours.
 */
const TEXT = 0;
const STROKE = 0x20;
const HEAD = 0x30;
const KIND = 0xf0;
const REACH = 0x0f;
/** The other end of a one-direction reach: N <-> S, E <-> W. */
const opposite = (dir: number) => ((dir << 2) | (dir >> 2)) & REACH;

/**
 * For each cell class (the bytes of Grid.classRows), whether a cell of it passes `test`:
 * a question about a cell's arms and head asked once per class, not once per cell.
 */
export function classTable(test: (arms: number, head: Dir | undefined) => boolean): Uint8Array {
  const table = new Uint8Array(0x100);
  for (let cell = 0; cell < 0x100; cell++) {
    const kind = cell & KIND;
    const arms = kind === STROKE ? cell & REACH : 0;
    const head = kind === HEAD ? (opposite(cell & REACH) as Dir) : undefined;
    table[cell] = test(arms, head) ? 1 : 0;
  }
  return table;
}

/** Classes of the one-unit characters, by code (TEXT for all but strokes and heads). */
let byCode: Uint8Array | undefined;
function codeClasses(): Uint8Array {
  if (byCode !== undefined) return byCode;
  const table = new Uint8Array(0x10000);
  for (const [char, arms] of ARMS) table[char.charCodeAt(0)] = STROKE | arms;
  for (const [char, dir] of HEADS) table[char.charCodeAt(0)] = HEAD | OPPOSITE[dir];
  byCode = table;
  return table;
}

/**
 * A regular-expression class of the strokes and heads whose class passes `test`: with
 * it a line is searched natively, at once, rather than cell by cell.
 */
function charClass(test: (cell: number) => boolean): string {
  const table = codeClasses();
  let chars = "";
  for (const char of [...ARMS.keys(), ...HEADS.keys()]) {
    const code = char.charCodeAt(0);
    if (test(table[code] as number)) chars += `\\u${code.toString(16).padStart(4, "0")}`;
  }
  return chars === "" ? "[]" : `[${chars}]`;
}

/**
 * The start of a stroke or head, and the rest of a run of them (searched for with
 * `test`, which makes no match to throw away).
 */
let drawn: { first: RegExp; rest: RegExp } | undefined;
function drawnSearch() {
  if (drawn !== undefined) return drawn;
  const chars = charClass((cell) => cell !== TEXT);
  drawn = { first: new RegExp(chars, "g"), rest: new RegExp(`${chars}*`, "y") };
  return drawn;
}

/** Searches for runs of the strokes and heads a classTable passes, by table. */
const runSearches = new WeakMap<Uint8Array, RegExp>();
function runSearch(carries: Uint8Array): RegExp {
  let search = runSearches.get(carries);
  if (search === undefined) {
    // A run of text would need its cells: only strokes and heads are searched for.
    if (carries[TEXT]) throw new Error("runsAcross: a table passing text is not searched for");
    search = new RegExp(`${charClass((cell) => carries[cell] === 1)}+`, "g");
    runSearches.set(carries, search);
  }
  return search;
}

/** Searches for the strokes of one class, by class. */
const strokeSearches = new Map<number, RegExp>();
function strokeSearch(cell: number): RegExp {
  let search = strokeSearches.get(cell);
  if (search === undefined) {
    search = new RegExp(
      charClass((c) => c === cell),
      "g",
    );
    strokeSearches.set(cell, search);
  }
  return search;
}

/** ASCII characters whose class in an ASCII drawing depends on their neighbours. */
const ASCII_SHAPED = new Set([
  ASCII_CORNER,
  ASCII_HORIZONTAL,
  ASCII_VERTICAL,
  ...ASCII_HEADS.keys(),
]);

/** Past either end of a row: TEXT, which reaches nowhere. */
const NONE = new Uint8Array(0);
const NO_SPANS: readonly number[] = [];

export class Grid {
  readonly width: number;
  /** Whether `+ - |` and `v ^ < >` are strokes and heads (an ASCII drawing). */
  readonly ascii: boolean;
  /** Cells read so far: the work lint does, counted so a test can bound it. */
  probes = 0;
  private readonly source: string;
  /** Each line, carriage return dropped. */
  private readonly lines: string[];
  /**
   * Each line's cells, for a line that is not all NARROW; a NARROW line is its own
   * cells (a column a UTF-16 unit), and is split only when `rows` is asked for.
   */
  private readonly laidOut: (string[] | undefined)[];
  private cellRows: string[][] | undefined;
  /** Each row's cell classes, made on the first question about a cell. */
  private classes: Uint8Array[] | undefined;
  /** For each row, [from, to) column pairs outside which it holds no stroke and no head. */
  private readonly drawnSpans: number[][] = [];

  constructor(text: string, options: { ascii?: boolean } = {}) {
    this.source = text;
    this.lines = text.split("\n");
    this.laidOut = [];
    let width = 0;
    for (let row = 0; row < this.lines.length; row++) {
      let line = this.lines[row] as string;
      if (line.endsWith("\r")) {
        line = line.slice(0, -1);
        this.lines[row] = line;
      }
      const cells = NARROW.test(line) ? undefined : layOut(line);
      this.laidOut.push(cells);
      width = Math.max(width, cells === undefined ? line.length : cells.length);
    }
    this.width = width;
    this.ascii = options.ascii ?? isAsciiDrawing(text);
  }

  /** The cells of each row, as layOut gives them. */
  get rows(): string[][] {
    this.cellRows ??= this.lines.map((line, row) => this.laidOut[row] ?? [...line]);
    return this.cellRows;
  }

  get height(): number {
    return this.lines.length;
  }

  /** The text of a cell: " " off the drawing, CONTINUATION beside a wide character. */
  at(row: number, col: number): string {
    this.probes++;
    // Bounds are checked before reading, not left to `?.` and `??`: a read past an
    // array's end makes V8 throw away the optimised code of the function that made it.
    if (row < 0 || row >= this.lines.length || col < 0) return " ";
    const cells = this.laidOut[row];
    if (cells !== undefined) return col < cells.length ? (cells[col] as string) : " ";
    const line = this.lines[row] as string;
    return col < line.length ? (line[col] as string) : " ";
  }

  /** The text of columns [from, to) of a row, a wide character once. */
  text(row: number, from: number, to: number): string {
    const cells = this.laidOut[row];
    const start = Math.max(0, from);
    const end = Math.max(0, to);
    return cells === undefined
      ? (this.lines[row]?.slice(start, end) ?? "")
      : cells.slice(start, end).join("");
  }

  /** Columns the row has cells in (the rest of the grid's width is blank). */
  columns(row: number): number {
    return this.laidOut[row]?.length ?? this.lines[row]?.length ?? 0;
  }

  kind(row: number, col: number): Kind {
    const cell = this.classOf(row, col);
    if (cell >= HEAD) return "head";
    if (cell >= STROKE) return "stroke";
    return this.at(row, col) === " " ? "blank" : "label";
  }

  arms(row: number, col: number): number {
    const cell = this.classOf(row, col);
    return (cell & KIND) === STROKE ? cell & REACH : 0;
  }

  /** The way the arrow head in a cell points, if it holds one. */
  head(row: number, col: number): Dir | undefined {
    const cell = this.classOf(row, col);
    return (cell & KIND) === HEAD ? (opposite(cell & REACH) as Dir) : undefined;
  }

  /** Whether the cell reaches out towards `dir`: an arm, or an arrow's shaft side. */
  reaches(row: number, col: number, dir: Dir): boolean {
    return (this.classOf(row, col) & dir) !== 0;
  }

  /**
   * Each row's cell classes, one byte a column: for loops over many cells, which read
   * them through a classTable (and add what they read to `probes`).
   */
  classRows(): readonly Uint8Array[] {
    return this.classed();
  }

  /**
   * For each column of a row, where the run of cells passing `carries` (a classTable)
   * that holds it ends, plus one; 0 for a cell that does not pass. A NARROW line is
   * searched for its runs at once, natively, rather than cell by cell.
   */
  runsAcross(row: number, carries: Uint8Array): Int32Array {
    const classes = this.classed();
    const cells = row >= 0 && row < classes.length ? (classes[row] as Uint8Array) : NONE;
    const ends = new Int32Array(cells.length);
    this.probes += cells.length;
    if (!this.ascii && this.laidOut[row] === undefined) {
      const line = this.lines[row] as string;
      const runs = runSearch(carries);
      runs.lastIndex = 0;
      for (let match = runs.exec(line); match !== null; match = runs.exec(line)) {
        ends.fill(runs.lastIndex + 1, match.index, runs.lastIndex);
      }
      return ends;
    }
    let end = cells.length;
    for (let col = cells.length - 1; col >= 0; col--) {
      if (carries[cells[col] as number] === 0) end = col;
      else ends[col] = end + 1;
    }
    return ends;
  }

  /**
   * Every stroke with exactly these arms, in reading order, as [row, col, row, col, ...]:
   * the text is searched for them at once, and only a line that is not NARROW (or any
   * line of an ASCII drawing) is read cell by cell.
   */
  strokesWith(arms: number): number[] {
    const classes = this.classed();
    const cell = STROKE | arms;
    const found: number[] = [];
    const cellwise = (row: number) => {
      const cells = classes[row] as Uint8Array;
      this.probes += cells.length;
      for (let col = cells.indexOf(cell); col >= 0; col = cells.indexOf(cell, col + 1)) {
        found.push(row, col);
      }
    };
    if (this.ascii) {
      for (let row = 0; row < classes.length; row++) cellwise(row);
      return found;
    }
    const search = strokeSearch(cell);
    const text = this.source;
    this.probes += text.length;
    let row = 0;
    let start = 0;
    let next = text.indexOf("\n") + 1 || text.length + 1;
    search.lastIndex = 0;
    for (let match = search.exec(text); match !== null; match = search.exec(text)) {
      while (match.index >= next) {
        if (this.laidOut[row] !== undefined) cellwise(row);
        row++;
        start = next;
        next = text.indexOf("\n", start) + 1 || text.length + 1;
      }
      if (this.laidOut[row] === undefined) found.push(row, match.index - start);
    }
    for (; row < classes.length; row++) if (this.laidOut[row] !== undefined) cellwise(row);
    return found;
  }

  /**
   * Columns of a row that may be a loose end, left to right: an arrow head, or a stroke
   * with an arm that the cell it points to does not reach back along. A stroke whose
   * every arm is met is none.
   */
  looseEnds(row: number): number[] {
    const classes = this.classed();
    const cells = classes[row];
    const found: number[] = [];
    if (cells === undefined) return found;
    const above = row > 0 ? (classes[row - 1] as Uint8Array) : NONE;
    const below = row + 1 < classes.length ? (classes[row + 1] as Uint8Array) : NONE;
    const last = cells.length - 1;
    const spans = (row < this.drawnSpans.length ? this.drawnSpans[row] : undefined) ?? NO_SPANS;
    for (let i = 0; i < spans.length; i += 2) {
      const to = spans[i + 1] as number;
      for (let col = spans[i] as number; col < to; col++) {
        const cell = cells[col] as number;
        if (cell < STROKE) continue;
        if (cell >= HEAD) {
          found.push(col);
          continue;
        }
        let met = 0;
        if (cell & N && col < above.length && (above[col] as number) & S) met |= N;
        if (cell & E && col < last && (cells[col + 1] as number) & W) met |= E;
        if (cell & S && col < below.length && (below[col] as number) & N) met |= S;
        if (cell & W && col > 0 && (cells[col - 1] as number) & E) met |= W;
        if ((cell & REACH) !== met) found.push(col);
      }
      this.probes += 5 * (to - (spans[i] as number));
    }
    return found;
  }

  /** The class of a cell: TEXT off the drawing. */
  private classOf(row: number, col: number): number {
    this.probes++;
    const classes = this.classed();
    if (row < 0 || row >= classes.length || col < 0) return TEXT;
    const cells = classes[row] as Uint8Array;
    return col < cells.length ? (cells[col] as number) : TEXT;
  }

  private classed(): Uint8Array[] {
    if (this.classes !== undefined) return this.classes;
    const table = codeClasses();
    const classes: Uint8Array[] = [];
    for (let row = 0; row < this.lines.length; row++) {
      const cells = this.laidOut[row];
      classes.push(
        new Uint8Array(cells === undefined ? (this.lines[row] as string).length : cells.length),
      );
    }
    this.classes = classes;
    // Strokes and heads are found in the text at once; the rest is TEXT, as made. A
    // line that is not NARROW, and any line of an ASCII drawing, is classed cell by cell.
    const { first, rest } = drawnSearch();
    const text = this.source;
    let row = 0;
    let start = 0;
    let next = text.indexOf("\n") + 1 || text.length + 1;
    first.lastIndex = 0;
    while (!this.ascii && first.test(text)) {
      const at = first.lastIndex - 1;
      rest.lastIndex = at + 1;
      rest.test(text);
      first.lastIndex = rest.lastIndex;
      while (at >= next) {
        row++;
        start = next;
        next = text.indexOf("\n", start) + 1 || text.length + 1;
      }
      if (this.laidOut[row] !== undefined) continue;
      const out = classes[row] as Uint8Array;
      const from = at - start;
      const to = rest.lastIndex - start;
      for (let col = from; col < to; col++)
        out[col] = table[text.charCodeAt(start + col)] as number;
      const spans = this.drawnSpans[row];
      if (spans === undefined) this.drawnSpans[row] = [from, to];
      else spans.push(from, to);
    }
    this.probes += text.length;
    for (let r = 0; r < this.lines.length; r++) {
      const cells = this.laidOut[r];
      if (cells === undefined && !this.ascii) continue;
      this.classify(r, classes[r] as Uint8Array, table);
      this.drawnSpans[r] = [0, (classes[r] as Uint8Array).length];
    }
    return classes;
  }

  /** Classes a row cell by cell: one that is not NARROW, or one of an ASCII drawing. */
  private classify(row: number, out: Uint8Array, table: Uint8Array) {
    const line = this.lines[row] as string;
    const cells = this.laidOut[row];
    for (let col = 0; col < out.length; col++) {
      // A cell of more than one unit (a wide or accented character, a continuation) is text.
      const char = cells === undefined ? line[col] : cells[col];
      out[col] = char?.length === 1 ? (table[char.charCodeAt(0)] as number) : TEXT;
    }
    if (this.ascii) {
      // Classed from its neighbours' text, never their classes: rows are classed in any order.
      for (let col = 0; col < out.length; col++) {
        const char = this.at(row, col);
        if (!ASCII_SHAPED.has(char)) continue;
        const arms = this.armsOf(char, row, col);
        const head = arms === 0 ? this.headOf(char, row, col) : undefined;
        out[col] = arms !== 0 ? STROKE | arms : head !== undefined ? HEAD | OPPOSITE[head] : TEXT;
      }
    }
    this.probes += out.length;
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
