import { ASCII_CORNER, E, N, S, W } from "./charset.js";
import { classTable, type Grid } from "./grid.js";

/**
 * The one box tracer: lint reports the boxes that do not close, and the renderers
 * and the graph use the ones that do. Light, rounded, heavy, double and ASCII boxes
 * alike, and frames with a title set in their top edge (`╭── Title ──╮`).
 */

const HORIZONTAL = E | W;
const VERTICAL = N | S;

/** A cell that carries a horizontal edge: a stroke with both side arms, or a vertical arrow set in it. */
export function horizontalEdge(grid: Grid, row: number, col: number): boolean {
  if ((grid.arms(row, col) & HORIZONTAL) === HORIZONTAL) return true;
  const head = grid.head(row, col);
  return head === N || head === S;
}

export function verticalEdge(grid: Grid, row: number, col: number): boolean {
  if ((grid.arms(row, col) & VERTICAL) === VERTICAL) return true;
  const head = grid.head(row, col);
  return head === E || head === W;
}

/** Cell classes that carry a horizontal, or a vertical, edge (as horizontalEdge, verticalEdge). */
let carries: { across: Uint8Array; down: Uint8Array } | undefined;
function edgeClasses() {
  carries ??= {
    across: classTable(
      (arms, head) => (arms & HORIZONTAL) === HORIZONTAL || head === N || head === S,
    ),
    down: classTable((arms, head) => (arms & VERTICAL) === VERTICAL || head === E || head === W),
  };
  return carries;
}

/**
 * Where the edge through each cell ends, found once per cell: boxes that share an edge
 * (a column of boxes on one bus line) would otherwise each walk it to its end. Kept by
 * the cell's place (Grid.cellAt), as the end plus one, so that 0 is "not yet known".
 */
class EdgeRuns {
  private readonly across: Int32Array;
  private readonly down: Int32Array;
  /** Rows whose horizontal runs are already in `across`. */
  private readonly acrossRows: Uint8Array;
  private readonly carries = edgeClasses();

  constructor(private readonly grid: Grid) {
    this.across = new Int32Array(grid.placeCount);
    this.down = new Int32Array(grid.placeCount);
    this.acrossRows = new Uint8Array(grid.height);
  }

  /** The first column at or right of `col` that carries no horizontal edge. */
  acrossEnd(row: number, col: number): number {
    const at = this.grid.cellAt(row, col);
    if (at < 0) return col;
    if (this.acrossRows[row] === 0) {
      this.grid.runsAcross(row, this.carries.across, this.across);
      this.acrossRows[row] = 1;
    }
    const end = this.across[at] as number;
    return end > 0 ? end - 1 - (at - col) : col;
  }

  /** The first row at or below `row` whose cell in `col` carries no vertical edge. */
  downEnd(row: number, col: number): number {
    const { grid, down } = this;
    const classes = grid.cellClasses();
    const carries = this.carries.down;
    let r = row;
    let end: number;
    for (; ; r++) {
      const at = grid.cellAt(r, col);
      if (at < 0) {
        end = r;
        break;
      }
      const known = down[at] as number;
      if (known > 0) {
        end = known - 1;
        break;
      }
      if (carries[classes[at] as number] === 0) {
        end = r;
        break;
      }
    }
    // The walk is straight: every cell from the start to where it stopped ends there too.
    for (let wr = row; wr < r; wr++) down[grid.cellAt(wr, col)] = end + 1;
    grid.probes += r - row + 1;
    return end;
  }
}

/** How far the edges of the box whose top-left corner is at (top, left) run. */
export interface Outline {
  top: number;
  left: number;
  /** Column where the top edge stops: the top-right corner, if it has one. */
  right: number;
  /** Rows where the left and the right edges stop: their bottom corners, if they have them. */
  bottom: number;
  rightBottom: number;
  /** Column where the bottom edge, from the bottom-left corner, stops. */
  bottomEnd: number;
  topCloses: boolean;
  leftCloses: boolean;
  rightCloses: boolean;
}

/** A title may have a blank or two each side of each word, no more. */
const TITLE_BLANKS = 2;

/**
 * Where a top edge broken by a title (`── Title ──`) from `col` resumes, or undefined
 * when what follows is no title: no word in it, or no edge after it.
 */
function afterTitle(grid: Grid, row: number, col: number): number | undefined {
  let c = col;
  let blanks = 0;
  let words = false;
  for (;;) {
    const kind = grid.kind(row, c);
    if (kind === "label") {
      words = true;
      blanks = 0;
    } else if (kind === "blank" && c < grid.columns(row)) {
      if (++blanks > TITLE_BLANKS) return undefined;
    } else break;
    c++;
  }
  return words && horizontalEdge(grid, row, c) ? c : undefined;
}

/**
 * Whether the cell turns an edge as a corner with these arms does. An ASCII `+` is a
 * corner by its shape: it turns with the one edge it ends, though the other be missing.
 */
export function turns(grid: Grid, row: number, col: number, arms: number): boolean {
  const has = grid.arms(row, col) & arms;
  return has === arms || (has !== 0 && grid.ascii && grid.at(row, col) === ASCII_CORNER);
}

const closesTop = (grid: Grid, row: number, col: number) => turns(grid, row, col, S | W);

/** Follows each edge from a top-left corner; undefined when the corner is only a line's bend. */
export function trace(
  grid: Grid,
  top: number,
  left: number,
  runs = new EdgeRuns(grid),
): Outline | undefined {
  if (grid.arms(top, left) !== (E | S) || !horizontalEdge(grid, top, left + 1)) return undefined;
  let right = runs.acrossEnd(top, left + 1);
  // A titled frame: the edge resumes past the title and ends in a corner.
  let end = right;
  while (!closesTop(grid, top, end)) {
    const resume = afterTitle(grid, top, end);
    if (resume === undefined) break;
    end = runs.acrossEnd(top, resume);
  }
  if (closesTop(grid, top, end)) right = end;
  const bottom = runs.downEnd(top + 1, left);
  const rightBottom = runs.downEnd(top + 1, right);
  const bottomEnd = Math.min(right, runs.acrossEnd(bottom, left + 1));
  return {
    top,
    left,
    right,
    bottom,
    rightBottom,
    bottomEnd,
    topCloses: closesTop(grid, top, right),
    leftCloses: turns(grid, bottom, left, N | E),
    rightCloses: turns(grid, rightBottom, right, N | W),
  };
}

export function outlines(grid: Grid): Outline[] {
  const runs = new EdgeRuns(grid);
  const found: Outline[] = [];
  const corners = grid.strokesWith(E | S);
  for (let i = 0; i < corners.length; i += 2) {
    const outline = trace(grid, corners[i] as number, corners[i + 1] as number, runs);
    if (outline) found.push(outline);
  }
  return found;
}

/** A box whose four edges meet: 0-based rows and columns of its corners. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Whether an outline's four edges meet: a box, not a broken one. */
export function closes(o: Outline): boolean {
  return (
    o.topCloses &&
    o.leftCloses &&
    o.rightCloses &&
    o.rightBottom === o.bottom &&
    o.bottomEnd === o.right
  );
}

/** The closed boxes of a diagram (a broken one is lint's business, not a box). */
export function findBoxes(grid: Grid): Box[] {
  return closedBoxes(outlines(grid));
}

/** The boxes among outlines already traced. */
export function closedBoxes(traced: Outline[]): Box[] {
  return traced
    .filter(closes)
    .map(({ top, left, bottom, right }) => ({ top, left, bottom, right }));
}

/** Where the edges are: for each column the rows of its vertical edge cells, for each row the columns of its horizontal ones, in order. */
interface EdgeIndex {
  down: Map<number, number[]>;
  across: Map<number, number[]>;
}

function edgeIndex(grid: Grid): EdgeIndex {
  const { across, down } = edgeClasses();
  const classes = grid.cellClasses();
  const index: EdgeIndex = { down: new Map(), across: new Map() };
  const add = (map: Map<number, number[]>, key: number, at: number) => {
    const list = map.get(key);
    if (list) list.push(at);
    else map.set(key, [at]);
  };
  for (let row = 0; row < grid.height; row++) {
    const columns = grid.columns(row);
    for (let col = 0; col < columns; col++) {
      const cell = classes[grid.cellAt(row, col)] as number;
      if (down[cell]) add(index.down, col, row);
      if (across[cell]) add(index.across, row, col);
    }
  }
  return index;
}

/** How many of a sorted list lie in [from, to]. */
function countWithin(sorted: number[] | undefined, from: number, to: number): number {
  if (!sorted || from > to) return 0;
  const firstAtOrAbove = (value: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return firstAtOrAbove(to + 1) - firstAtOrAbove(from);
}

/**
 * How many cells of a box's perimeter, corners left out, carry its edge: whether a broken
 * outline still reads as a box. The box of a broken outline can be as tall as the drawing,
 * and many outlines can share one long edge (a column of boxes on one line), so a large
 * perimeter is counted from an index of the edges, made once per drawing, rather than
 * cell by cell. `scanMax` is the largest perimeter counted by hand.
 */
export function perimeterCounter(
  grid: Grid,
  scanMax = 256,
): (box: Box) => { drawn: number; cells: number } {
  let index: EdgeIndex | undefined;
  return (box) => {
    const width = Math.max(0, box.right - box.left - 1);
    const height = Math.max(0, box.bottom - box.top - 1);
    const cells = 2 * (width + height);
    let drawn = 0;
    if (cells <= scanMax) {
      for (let c = box.left + 1; c < box.right; c++) {
        if (horizontalEdge(grid, box.top, c)) drawn++;
        if (horizontalEdge(grid, box.bottom, c)) drawn++;
      }
      for (let r = box.top + 1; r < box.bottom; r++) {
        if (verticalEdge(grid, r, box.left)) drawn++;
        if (verticalEdge(grid, r, box.right)) drawn++;
      }
      return { drawn, cells };
    }
    index ??= edgeIndex(grid);
    for (const row of [box.top, box.bottom]) {
      drawn += countWithin(index.across.get(row), box.left + 1, box.right - 1);
    }
    for (const col of [box.left, box.right]) {
      drawn += countWithin(index.down.get(col), box.top + 1, box.bottom - 1);
    }
    return { drawn, cells };
  };
}
