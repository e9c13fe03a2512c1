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
const ZERO_WIDTH = /^[\p{Mark}\p{Default_Ignorable_Code_Point}\p{Control}\p{Surrogate}]/u;
/**
 * Made on first use: compiling `\p{RGI_Emoji}` takes V8 about 14 ms, more than the
 * rest of a `show`, and a line only needs it when it is not all NARROW.
 */
let emoji: RegExp | undefined;
let graphemes: Intl.Segmenter | undefined;

/** Columns one grapheme takes: 0 for a mark or a control, 2 for East Asian wide and emoji. */
function graphemeWidth(grapheme: string): number {
  if (ZERO_WIDTH.test(grapheme)) return 0;
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
const JOINS = /^(?:[\udc00-\udfff]|\p{M}|\u200d)/u;

/** The graphemes of a line, segmented piece by piece, never cutting one in two. */
function* graphemesOf(line: string): Generator<string> {
  graphemes ??= new Intl.Segmenter();
  for (let start = 0; start < line.length; ) {
    let end = Math.min(line.length, start + PIECE);
    while (
      end < line.length &&
      (JOINS.test(line.slice(end, end + 2)) || line[end - 1] === "\u200d")
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
const WORD = /^[\p{L}\p{N}]/u;

/**
 * A cell's class, one byte: its kind in the high nibble and, in the low one, the
 * directions it reaches (a stroke's arms, or the shaft side of an arrow head). Classed
 * once per grid, so that asking about a cell is reading a byte, not a map and its
 * neighbours.
 */
const LABEL = 0;
const BLANK = 0x10;
const STROKE = 0x20;
const HEAD = 0x30;
const KIND = 0xf0;
const REACH = 0x0f;
const KINDS: Kind[] = ["label", "blank", "stroke", "head"];
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

/** Classes of the one-unit characters that need no neighbour to be classed (the rest: labels). */
let byCode: Uint8Array | undefined;
function codeClasses(): Uint8Array {
  if (byCode !== undefined) return byCode;
  const table = new Uint8Array(0x10000);
  table[0x20] = BLANK;
  for (const [char, arms] of ARMS) table[char.charCodeAt(0)] = STROKE | arms;
  for (const [char, dir] of HEADS) table[char.charCodeAt(0)] = HEAD | OPPOSITE[dir];
  byCode = table;
  return table;
}

/** ASCII characters whose class in an ASCII drawing depends on their neighbours. */
const ASCII_SHAPED = new Set([
  ASCII_CORNER,
  ASCII_HORIZONTAL,
  ASCII_VERTICAL,
  ...ASCII_HEADS.keys(),
]);

export class Grid {
  readonly width: number;
  /** Whether `+ - |` and `v ^ < >` are strokes and heads (an ASCII drawing). */
  readonly ascii: boolean;
  /** Cells read so far: the work lint does, counted so a test can bound it. */
  probes = 0;
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

  constructor(text: string, options: { ascii?: boolean } = {}) {
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
    const cells = this.laidOut[row];
    return (cells === undefined ? this.lines[row]?.[col] : cells[col]) ?? " ";
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
    return KINDS[this.classOf(row, col) >> 4] as Kind;
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

  /** Columns of a row whose cell is a stroke with exactly these arms, left to right. */
  strokes(row: number, arms: number): number[] {
    const cells = this.classed()[row];
    const found: number[] = [];
    if (cells === undefined) return found;
    this.probes += cells.length;
    for (
      let col = cells.indexOf(STROKE | arms);
      col >= 0;
      col = cells.indexOf(STROKE | arms, col + 1)
    ) {
      found.push(col);
    }
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
    // Off the grid is blank, which reaches nowhere (and reading past a typed array is slow).
    const none = new Uint8Array(0);
    const above = classes[row - 1] ?? none;
    const below = classes[row + 1] ?? none;
    const last = cells.length - 1;
    let reads = cells.length;
    for (let col = 0; col <= last; col++) {
      const cell = cells[col] as number;
      const kind = cell & KIND;
      if (kind === HEAD) found.push(col);
      if (kind !== STROKE) continue;
      let met = 0;
      if (cell & N && col < above.length && (above[col] as number) & S) met |= N;
      if (cell & E && col < last && (cells[col + 1] as number) & W) met |= E;
      if (cell & S && col < below.length && (below[col] as number) & N) met |= S;
      if (cell & W && col > 0 && (cells[col - 1] as number) & E) met |= W;
      reads += 4;
      if ((cell & REACH) !== met) found.push(col);
    }
    this.probes += reads;
    return found;
  }

  /** The class of a cell: blank off the drawing. */
  private classOf(row: number, col: number): number {
    this.probes++;
    return this.classed()[row]?.[col] ?? BLANK;
  }

  private classed(): Uint8Array[] {
    if (this.classes !== undefined) return this.classes;
    const table = codeClasses();
    const classes: Uint8Array[] = [];
    for (let row = 0; row < this.lines.length; row++) {
      const line = this.lines[row] as string;
      const cells = this.laidOut[row];
      const out = new Uint8Array(cells === undefined ? line.length : cells.length);
      if (cells === undefined) {
        for (let col = 0; col < line.length; col++)
          out[col] = table[line.charCodeAt(col)] as number;
      } else {
        for (let col = 0; col < cells.length; col++) {
          const char = cells[col] as string;
          // A cell of more than one unit (a wide or accented character, a continuation) is text.
          out[col] = char.length === 1 ? (table[char.charCodeAt(0)] as number) : LABEL;
        }
      }
      this.probes += out.length;
      classes.push(out);
    }
    if (this.ascii) {
      // Classed from its neighbours' text, never their classes: the order rows are done in does not matter.
      for (let row = 0; row < classes.length; row++) {
        const out = classes[row] as Uint8Array;
        for (let col = 0; col < out.length; col++) {
          const char = this.at(row, col);
          if (!ASCII_SHAPED.has(char)) continue;
          const arms = this.armsOf(char, row, col);
          const head = arms === 0 ? this.headOf(char, row, col) : undefined;
          out[col] =
            arms !== 0 ? STROKE | arms : head !== undefined ? HEAD | OPPOSITE[head] : LABEL;
        }
      }
    }
    this.classes = classes;
    return classes;
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
    if (vertical && (WORD.test(this.at(row, col - 1)) || WORD.test(this.at(row, col + 1)))) {
      return undefined;
    }
    return dir;
  }
}

export function step(row: number, col: number, dir: Dir): [number, number] {
  const [dr, dc] = STEP[dir];
  return [row + dr, col + dc];
}
