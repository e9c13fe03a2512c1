import { layOut, narrowRun } from "../core/width.js";
import { inDoubleShaft, textHeads } from "./arrows.js";
import {
  ARMS,
  ASCII_CORNER,
  ASCII_DOUBLE,
  ASCII_HEADS,
  ASCII_HORIZONTAL,
  ASCII_VERTICAL,
  DCOL,
  DIRS,
  type Dir,
  DROW,
  E,
  HEADS,
  hasTextHead,
  isAsciiDrawing,
  N,
  OPPOSITE,
  S,
  W,
} from "./charset.js";

/**
 * A diagram as a grid of cells, one per column a terminal gives it. Each box-drawing
 * character is a set of arms (the directions its strokes leave the cell in); arrow
 * heads point one way and take their shaft from the other; everything else but a
 * blank is label text.
 */

export type Kind = "blank" | "stroke" | "head" | "label";

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
 * For each cell class (the bytes of Grid.cellClasses), whether a cell of it passes `test`:
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
 * A search for runs of characters: `first` finds where one starts and `rest` where it
 * ends. Both are run with `test`, which leaves its place in `lastIndex` and, unlike
 * `exec`, makes no match array to throw away.
 */
interface RunSearch {
  first: RegExp;
  rest: RegExp;
}
const runsOf = (chars: string): RunSearch => ({
  first: new RegExp(chars, "g"),
  rest: new RegExp(`${chars}*`, "y"),
});

/**
 * Runs of strokes and heads, found with `test`: a run ends at `lastIndex`, and begins
 * after the last character before it whose class is TEXT (which classing it finds).
 */
let drawn: RegExp | undefined;
function drawnSearch(): RegExp {
  drawn ??= new RegExp(`${charClass((cell) => cell !== TEXT)}+`, "g");
  return drawn;
}

/** Searches for runs of the strokes and heads a classTable passes, by table. */
const runSearches = new WeakMap<Uint8Array, RunSearch>();
function runSearch(carries: Uint8Array): RunSearch {
  let search = runSearches.get(carries);
  if (search === undefined) {
    search = runsOf(charClass((cell) => carries[cell] === 1));
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
  ASCII_DOUBLE,
  ...ASCII_HEADS.keys(),
]);

export class Grid {
  readonly width: number;
  /**
   * Whether `+ - |` and `v ^ < >` are strokes and heads (an ASCII drawing): then a
   * cell's class depends on its neighbours, and every row is read cell by cell.
   */
  readonly ascii: boolean;
  /** Cells read so far: the work lint does, counted so a test can bound it. */
  probes = 0;
  private readonly source: string;
  /**
   * Where each row's cells begin in the class array (see cellAt), and how many it has.
   * A NARROW row is its own cells, a column a UTF-16 unit, and begins where its text
   * does in the source, so that a stroke found in the text is classed at the place it
   * was found. A row that is not NARROW is laid out into `wide`, and placed after the
   * source's end.
   */
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  private readonly size: number;
  private readonly wide = new Map<number, string[]>();
  private cellRows: string[][] | undefined;
  /** Every cell's class, one byte, made on the first question about a cell. */
  private classes: Uint8Array | undefined;
  /**
   * The runs of strokes and heads, in reading order, as [row, from, to, ...] (columns
   * [from, to)) in the first `drawnLength` places: outside them a row holds only text.
   * A row that is not NARROW, and any row of an ASCII drawing, is one run end to end.
   */
  private drawn = new Int32Array(48);
  private drawnLength = 0;

  constructor(text: string, options: { ascii?: boolean } = {}) {
    this.source = text;
    let height = 1;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) height++;
    const starts = new Int32Array(height);
    const lengths = new Int32Array(height);
    const narrow = narrowRun();
    let width = 0;
    let after = text.length + 1;
    let offset = 0;
    for (let row = 0; row < height; row++) {
      const newline = text.indexOf("\n", offset);
      const next = newline < 0 ? text.length : newline;
      // A carriage return before the line break is no part of the line.
      const end = next > offset && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
      narrow.lastIndex = offset;
      narrow.test(text);
      let length = end - offset;
      if (narrow.lastIndex >= end) starts[row] = offset;
      else {
        const cells = layOut(text.slice(offset, end));
        this.wide.set(row, cells);
        length = cells.length;
        starts[row] = after;
        after += length;
      }
      lengths[row] = length;
      if (length > width) width = length;
      offset = next + 1;
    }
    this.starts = starts;
    this.lengths = lengths;
    this.size = after;
    this.width = width;
    this.ascii = options.ascii ?? isAsciiDrawing(text);
  }

  /** The cells of each row, as layOut gives them. */
  get rows(): string[][] {
    this.cellRows ??= Array.from(
      { length: this.height },
      (_, row) => this.wide.get(row) ?? [...this.line(row)],
    );
    return this.cellRows;
  }

  get height(): number {
    return this.lengths.length;
  }

  /** The text of a cell: " " off the drawing, CONTINUATION beside a wide character. */
  at(row: number, col: number): string {
    this.probes++;
    // Bounds are checked before reading, not left to `?.` and `??`: a read past an
    // array's end makes V8 throw away the optimised code of the function that made it.
    if (row < 0 || row >= this.lengths.length || col < 0 || col >= (this.lengths[row] as number)) {
      return " ";
    }
    const start = this.starts[row] as number;
    if (start > this.source.length) return (this.wide.get(row) as string[])[col] as string;
    return this.source[start + col] as string;
  }

  /** The text of columns [from, to) of a row, a wide character once. */
  text(row: number, from: number, to: number): string {
    if (row < 0 || row >= this.lengths.length) return "";
    const start = Math.max(0, from);
    const end = Math.max(0, to);
    const cells = this.wide.get(row);
    return cells === undefined
      ? this.line(row).slice(start, end)
      : cells.slice(start, end).join("");
  }

  /** Columns the row has cells in (the rest of the grid's width is blank). */
  columns(row: number): number {
    return row >= 0 && row < this.lengths.length ? (this.lengths[row] as number) : 0;
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
   * Where a cell's class is in `cellClasses()`, or -1 off the drawing (whose cells are
   * all TEXT): for loops over many cells, which read classes through a classTable (and
   * add what they read to `probes`). Every cell has a place of its own, below
   * `placeCount` (which also counts places no cell has: the text's line breaks, a
   * spare one).
   */
  cellAt(row: number, col: number): number {
    if (row < 0 || row >= this.lengths.length || col < 0) return -1;
    return col < (this.lengths[row] as number) ? (this.starts[row] as number) + col : -1;
  }

  /** One past the last place cellAt gives: the length an array of something per cell needs. */
  get placeCount(): number {
    return this.size;
  }

  /** Every cell's class, by cellAt. */
  cellClasses(): Uint8Array {
    return this.classed();
  }

  /**
   * For each cell of a row that passes `carries` (a classTable), where its run of such
   * cells ends: the cellAt place just past the run, plus one (so that 0, in a zeroed
   * array, means no run), written at the cell's own place in `ends`. Cells that do not
   * pass are left as they are. A NARROW line is searched for its runs at once, natively,
   * rather than cell by cell.
   */
  runsAcross(row: number, carries: Uint8Array, ends: Int32Array): void {
    // A run of text would need its cells: only strokes and heads are searched for, and
    // a table is refused however this grid is read.
    if (carries[TEXT]) throw new Error("runsAcross: a table passing text is not searched for");
    const classes = this.classed();
    if (row < 0 || row >= this.lengths.length) return;
    const start = this.starts[row] as number;
    const length = this.lengths[row] as number;
    this.probes += length;
    if (!this.ascii && !this.isWide(row)) {
      const line = this.line(row);
      const { first, rest } = runSearch(carries);
      first.lastIndex = 0;
      while (first.test(line)) {
        const from = first.lastIndex - 1;
        rest.lastIndex = from + 1;
        rest.test(line);
        const to = rest.lastIndex;
        first.lastIndex = to;
        ends.fill(start + to + 1, start + from, start + to);
      }
      return;
    }
    let end = start + length;
    for (let i = end - 1; i >= start; i--) {
      if (carries[classes[i] as number] === 0) end = i;
      else ends[i] = end + 1;
    }
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
      const start = this.starts[row] as number;
      const end = start + (this.lengths[row] as number);
      this.probes += end - start;
      // Within the row only: `indexOf` from `start` would search on to the end of the
      // drawing for every row that holds none, and an ASCII file of many lines took minutes.
      for (let i = start; i < end; i++) if (classes[i] === cell) found.push(row, i - start);
    };
    const height = this.lengths.length;
    if (this.ascii) {
      for (let row = 0; row < height; row++) cellwise(row);
      return found;
    }
    const search = strokeSearch(cell);
    const text = this.source;
    this.probes += text.length;
    let row = 0;
    let next = text.indexOf("\n") + 1 || text.length + 1;
    search.lastIndex = 0;
    // One character a match: `test` leaves it just before lastIndex.
    while (search.test(text)) {
      const at = search.lastIndex - 1;
      while (at >= next) {
        if (this.isWide(row)) cellwise(row);
        row++;
        next = text.indexOf("\n", next) + 1 || text.length + 1;
      }
      if (!this.isWide(row)) found.push(row, at - (this.starts[row] as number));
    }
    for (; row < height; row++) if (this.isWide(row)) cellwise(row);
    return found;
  }

  /**
   * The cells that may be a loose end, in reading order, as [row, col, row, col, ...]:
   * an arrow head, or a stroke with an arm that the cell it points to does not reach
   * back along. A stroke whose every arm is met is none.
   */
  looseEnds(): number[] {
    const classes = this.classed();
    const { drawn, drawnLength, starts, lengths } = this;
    const height = lengths.length;
    const found: number[] = [];
    for (let i = 0; i < drawnLength; i += 3) {
      const row = drawn[i] as number;
      const from = drawn[i + 1] as number;
      const to = drawn[i + 2] as number;
      const start = starts[row] as number;
      const last = start + (lengths[row] as number) - 1;
      // Where the rows above and below begin, and how many columns they have (none off the grid).
      const above = row > 0 ? (starts[row - 1] as number) : 0;
      const aboveLength = row > 0 ? (lengths[row - 1] as number) : 0;
      const below = row + 1 < height ? (starts[row + 1] as number) : 0;
      const belowLength = row + 1 < height ? (lengths[row + 1] as number) : 0;
      for (let col = from; col < to; col++) {
        const at = start + col;
        const cell = classes[at] as number;
        if (cell < STROKE) continue;
        if (cell >= HEAD) {
          found.push(row, col);
          continue;
        }
        let met = 0;
        if (cell & N && col < aboveLength && (classes[above + col] as number) & S) met |= N;
        if (cell & E && at < last && (classes[at + 1] as number) & W) met |= E;
        if (cell & S && col < belowLength && (classes[below + col] as number) & N) met |= S;
        if (cell & W && col > 0 && (classes[at - 1] as number) & E) met |= W;
        if ((cell & REACH) !== met) found.push(row, col);
      }
      this.probes += 5 * (to - from);
    }
    return found;
  }

  /** The text of a NARROW row (a row in range). */
  private line(row: number): string {
    const start = this.starts[row] as number;
    return this.source.slice(start, start + (this.lengths[row] as number));
  }

  /** Whether a row (in range) is not NARROW: laid out in `wide`, after the source's end. */
  private isWide(row: number): boolean {
    return (this.starts[row] as number) > this.source.length;
  }

  /** Adds a run of strokes and heads to `drawn`. */
  private addRun(row: number, from: number, to: number) {
    if (this.drawnLength + 3 > this.drawn.length) {
      const grown = new Int32Array(2 * this.drawn.length);
      grown.set(this.drawn);
      this.drawn = grown;
    }
    this.drawn[this.drawnLength++] = row;
    this.drawn[this.drawnLength++] = from;
    this.drawn[this.drawnLength++] = to;
  }

  /** The class of a cell: TEXT off the drawing. */
  private classOf(row: number, col: number): number {
    this.probes++;
    const classes = this.classed();
    if (row < 0 || row >= this.lengths.length || col < 0) return TEXT;
    return col < (this.lengths[row] as number)
      ? (classes[(this.starts[row] as number) + col] as number)
      : TEXT;
  }

  private classed(): Uint8Array {
    if (this.classes !== undefined) return this.classes;
    const table = codeClasses();
    const classes = new Uint8Array(this.size);
    this.classes = classes;
    const height = this.lengths.length;
    const text = this.source;
    this.probes += text.length;
    if (this.ascii) {
      for (let row = 0; row < height; row++) {
        this.classify(row, table);
        this.addRun(row, 0, this.lengths[row] as number);
      }
      if (hasTextHead(text)) this.headTextArrows(classes);
      return classes;
    }
    // Strokes and heads are found in the text at once, and classed where they were
    // found (a NARROW row's cells are its text); the rest is TEXT, as made. A row that
    // is not NARROW is classed cell by cell, in its turn.
    const runs = drawnSearch();
    let row = 0;
    let start = 0;
    let next = text.indexOf("\n") + 1 || text.length + 1;
    runs.lastIndex = 0;
    while (runs.test(text)) {
      const to = runs.lastIndex;
      while (to > next) {
        if (this.isWide(row)) this.classifyWide(row, table);
        row++;
        start = next;
        next = text.indexOf("\n", start) + 1 || text.length + 1;
      }
      if (this.isWide(row)) continue;
      // `test` tells where a run ends, not where it begins: it begins after the last
      // TEXT before its end, so it is classed from its end back.
      let at = to;
      while (at > start) {
        const cell = table[text.charCodeAt(at - 1)] as number;
        if (cell === TEXT) break;
        classes[--at] = cell;
      }
      this.addRun(row, at - start, to - start);
    }
    for (; row < height; row++) if (this.isWide(row)) this.classifyWide(row, table);
    if (hasTextHead(text)) this.headTextArrows(classes);
    return classes;
  }

  /** Text arrows that are heads (arrows.ts), classed as `▶` is. */
  private headTextArrows(classes: Uint8Array) {
    const classOf = (row: number, col: number) => classes[this.cellAt(row, col)] ?? TEXT;
    const stroke = (row: number, col: number, dir: Dir) =>
      (classOf(row, col) & (KIND | dir)) === (STROKE | dir);
    const found = textHeads(this.rows, stroke, (row, col) => classOf(row, col) === TEXT);
    for (let i = 0; i < found.length; i += 3) {
      const [row, col, dir] = [found[i], found[i + 1], found[i + 2]] as [number, number, Dir];
      classes[this.cellAt(row, col)] = HEAD | OPPOSITE[dir];
    }
  }

  /** A row that is not NARROW, of a drawing that is not ASCII: classed, and one run. */
  private classifyWide(row: number, table: Uint8Array) {
    this.classify(row, table);
    this.addRun(row, 0, this.lengths[row] as number);
  }

  /** Classes a row cell by cell: one that is not NARROW, or one of an ASCII drawing. */
  private classify(row: number, table: Uint8Array) {
    const out = this.classes as Uint8Array;
    const start = this.starts[row] as number;
    const length = this.lengths[row] as number;
    const text = this.source;
    const cells = this.wide.get(row);
    for (let col = 0; col < length; col++) {
      // A cell of more than one unit (a wide or accented character, a continuation) is text.
      const char = cells === undefined ? text[start + col] : cells[col];
      out[start + col] = char?.length === 1 ? (table[char.charCodeAt(0)] as number) : TEXT;
    }
    if (this.ascii) {
      // Classed from its neighbours' text, never their classes: rows are classed in any order.
      for (let col = 0; col < length; col++) {
        const char = this.at(row, col);
        if (!ASCII_SHAPED.has(char)) continue;
        const arms = this.armsOf(char, row, col);
        const head = arms === 0 ? this.headOf(char, row, col) : undefined;
        out[start + col] =
          arms !== 0 ? STROKE | arms : head !== undefined ? HEAD | OPPOSITE[head] : TEXT;
      }
    }
    this.probes += length;
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
    if (char === ASCII_DOUBLE) return inDoubleShaft((c) => this.at(row, c), col) ? E | W : 0;
    if (char !== ASCII_CORNER) return 0;
    let arms = 0;
    for (const dir of DIRS) {
      const r = row + DROW[dir];
      const c = col + DCOL[dir];
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
    const back = OPPOSITE[dir];
    const behind = this.at(row + DROW[back], col + DCOL[back]);
    const shaft = isAsciiStroke(behind, back) || (behind === ASCII_DOUBLE && !vertical);
    const across = (vertical ? [E, W] : [N, S]) as Dir[];
    const inEdge = across.every((d) => isAsciiStroke(this.at(row + DROW[d], col + DCOL[d]), d));
    if (!shaft && !inEdge) return undefined;
    // `v` and `^` beside letters are a word ("via"), not a head.
    word ??= /^[\p{L}\p{N}]/u;
    if (vertical && (word.test(this.at(row, col - 1)) || word.test(this.at(row, col + 1)))) {
      return undefined;
    }
    return dir;
  }
}
