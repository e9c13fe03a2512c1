import type { Box } from "../boxes.js";
import { type Cells, columnsOf, HEAD, kindAt, STROKE } from "../cells.js";
import { DCOL, type Dir, DROW, E, N, OPPOSITE, S, W } from "../charset.js";
import type { DriftedBox } from "./drift.js";

/** A run of text on one row: words one blank apart. */
export interface TextRun {
  key: string;
  row: number;
  start: number;
  end: number;
  text: string;
  /** Cells of the run and of the lines joined under it. */
  cells: number[];
  /** Rows joined below (a text node reached from above may run over several lines). */
  more: string[];
  /** anchorOf's answer, once asked (-1: none). */
  anchor?: number;
}

const FOUR = N | E | S | W;

/** What one extraction works on: the drawing's cells, its boxes, and the union-find of its paths. */
export interface Extraction {
  readonly cells: Cells;
  readonly h: number;
  readonly boxes: Box[];
  /** Innermost box whose interior holds each cell (-1: none). */
  readonly inner: Int32Array;
  /** Box whose outline each cell is on (-1: none). */
  readonly outline: Int32Array;
  readonly parent: number[];
  readonly uf: Int32Array;
  readonly claimed: Uint8Array;
  /** Strokes and heads off every box's outline: the cells paths are made of. */
  readonly path: Uint8Array;
  /** The ways each path cell joins the path cell beside it (both reach towards each other). */
  readonly link: Uint8Array;
  /** The ways each path cell is joined through text written into its line (inline-labels.ts). */
  readonly through: Uint8Array;
  /** The runs of text read so far (runAt), and which of them each cell is in (index + 1; 0: none yet). */
  readonly runList: TextRun[];
  readonly runIds: Int32Array;
}

/** The boxes sorted in reading order, and every array sized for the drawing's cells. */
export function extraction(cells: Cells, found: Box[]): Extraction {
  const { h } = cells;
  const size = cells.start[h] as number;
  const boxes = found.sort((a, b) => a.top - b.top || a.left - b.left);
  const x: Extraction = {
    cells,
    h,
    boxes,
    inner: new Int32Array(size).fill(-1),
    outline: new Int32Array(size).fill(-1),
    parent: boxes.map(() => -1),
    uf: new Int32Array(size * 2),
    claimed: new Uint8Array(size),
    path: new Uint8Array(size),
    link: new Uint8Array(size),
    through: new Uint8Array(size),
    runList: [],
    runIds: new Int32Array(size),
  };
  paintBoxes(x);
  for (let i = 0; i < size * 2; i++) x.uf[i] = i;
  for (let i = 0; i < size; i++) {
    const kind = cells.kind[i];
    if ((kind === STROKE || kind === HEAD) && x.outline[i] === -1) x.path[i] = 1;
  }
  linkPaths(x, size);
  return x;
}

/** Each box's outline and interior into `outline` and `inner`, and each box's parent. */
function paintBoxes(x: Extraction): void {
  // Larger boxes are painted first so that a nested box overwrites its parent's interior.
  const bySize = x.boxes
    .map((box, i) => ({ box, i }))
    .sort(
      (a, b) =>
        (b.box.bottom - b.box.top) * (b.box.right - b.box.left) -
        (a.box.bottom - a.box.top) * (a.box.right - a.box.left),
    );
  for (const { box, i } of bySize) {
    x.parent[i] = x.inner[idx(x, box.top, box.left)] ?? -1;
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        const onEdge = r === box.top || r === box.bottom || c === box.left || c === box.right;
        if (onEdge) x.outline[idx(x, r, c)] = i;
        else x.inner[idx(x, r, c)] = i;
      }
    }
    // A drifted box's outline off its rectangle (drift.ts).
    const drift = (box as DriftedBox).drift;
    if (drift) {
      for (let k = 0; k < drift.length; k += 2) {
        const r = drift[k] as number;
        const c = drift[k + 1] as number;
        if (!inside(x, r, c)) continue;
        x.outline[idx(x, r, c)] = i;
        // A side that slipped outwards leaves the column it left inside the box.
        for (let cc = box.right; cc < c; cc++)
          [x.outline[idx(x, r, cc)], x.inner[idx(x, r, cc)]] = [-1, i];
        for (let cc = c + 1; cc <= box.left; cc++)
          [x.outline[idx(x, r, cc)], x.inner[idx(x, r, cc)]] = [-1, i];
      }
    }
  }
}

/** The ways each path cell joins its neighbours: both must reach towards each other. */
function linkPaths(x: Extraction, size: number): void {
  const { cells } = x;
  for (let i = 0; i < size; i++) {
    if (!x.path[i]) continue;
    const row = cells.rowOf[i] as number;
    const col = i - (cells.start[row] as number);
    const reach = cells.reach[i] as number;
    let link = 0;
    // Directions by index and steps by element: the first run of a process interprets this
    // code, where each for-of and array destructuring allocates.
    for (let dir = N; dir <= W; dir <<= 1) {
      if (!(reach & dir)) continue;
      const r = row + DROW[dir as Dir];
      const c = col + DCOL[dir as Dir];
      if (!inside(x, r, c)) continue;
      const j = idx(x, r, c);
      if (x.path[j] && (cells.reach[j] as number) & OPPOSITE[dir as Dir]) link |= dir;
    }
    x.link[i] = link;
  }
}

/** Where a cell on the drawing is in the arrays: only for one `inside` holds for. */
export function idx(x: Extraction, row: number, col: number): number {
  return (x.cells.start[row] as number) + col;
}

export function inside(x: Extraction, row: number, col: number): boolean {
  return row >= 0 && col >= 0 && row < x.h && col < columnsOf(x.cells, row);
}

export function rowOf(x: Extraction, cell: number): number {
  return x.cells.rowOf[cell] as number;
}

export function colOf(x: Extraction, cell: number): number {
  return cell - (x.cells.start[rowOf(x, cell)] as number);
}

/** A stroke or arrow head that is not part of a box's outline. */
export function isPath(x: Extraction, row: number, col: number): boolean {
  return inside(x, row, col) && x.path[idx(x, row, col)] === 1;
}

export function isCrossing(x: Extraction, row: number, col: number): boolean {
  return inside(x, row, col) && isCrossingCell(x, idx(x, row, col));
}

export function isCrossingCell(x: Extraction, cell: number): boolean {
  return x.path[cell] === 1 && x.cells.arms[cell] === FOUR;
}

export function connects(x: Extraction, row: number, col: number, dir: Dir): boolean {
  return inside(x, row, col) && ((x.link[idx(x, row, col)] as number) & dir) !== 0;
}

/**
 * A crossing `┼` has two slots, one per line through it, so that two lines that only
 * cross stay apart; every other cell has one.
 */
export function slotOf(x: Extraction, row: number, col: number, dir: Dir): number {
  const vertical = dir === N || dir === S;
  return idx(x, row, col) * 2 + (vertical && isCrossing(x, row, col) ? 1 : 0);
}

export function rootOf(x: Extraction, slot: number): number {
  let root = slot;
  while (x.uf[root] !== root) root = x.uf[root] as number;
  let at = slot;
  while (x.uf[at] !== root) {
    const next = x.uf[at] as number;
    x.uf[at] = root;
    at = next;
  }
  return root;
}

export function unite(x: Extraction, a: number, b: number): number {
  const ra = rootOf(x, a);
  const rb = rootOf(x, b);
  if (ra !== rb) x.uf[rb] = ra;
  return ra;
}

export function headDir(x: Extraction, row: number, col: number): Dir | undefined {
  // The grid knows ASCII heads (`v > < ^` at a line's end) as well as Unicode ones.
  return inside(x, row, col) ? (x.cells.head[idx(x, row, col)] as Dir) || undefined : undefined;
}

export function kindOf(x: Extraction, row: number, col: number): number {
  return kindAt(x.cells, row, col);
}

/** The text of a cell on the drawing. */
export function cellText(x: Extraction, row: number, col: number): string {
  return (x.cells.grid.rows[row] as string[])[col] as string;
}
