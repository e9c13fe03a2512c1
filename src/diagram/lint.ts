import { outlines, turns, verticalEdge } from "./boxes.js";
import {
  ASCII_CORNER,
  BY_ARMS,
  DCOL,
  DIR_NAME,
  DIRS,
  type Dir,
  DROW,
  E,
  N,
  OPPOSITE,
  S,
  W,
} from "./charset.js";
import { Grid } from "./grid.js";

export type Rule =
  | "gap"
  | "junction"
  | "into-label"
  | "arrow-shaft"
  | "arrow-target"
  | "box-top"
  | "box-left"
  | "box-right"
  | "box-bottom";

/** A defect at a 1-based line and display column (as a terminal counts) of the diagram. */
export interface Defect {
  line: number;
  column: number;
  rule: Rule;
  message: string;
}

/** An arrow head set into a line that runs across it (`┌──▼──┐`, `│ ►`… as part of an edge). */
function inEdge(grid: Grid, row: number, col: number, dir: Dir): boolean {
  return dir === N || dir === S
    ? grid.reaches(row, col + 1, W) && grid.reaches(row, col - 1, E)
    : grid.reaches(row - 1, col, S) && grid.reaches(row + 1, col, N);
}

/**
 * How many vertical lines run straight through each word: counted once per row, the
 * first time one of its words is asked about, so a long label crossed by many lines
 * is read once, not once per line.
 */
class Crossings {
  private readonly rows = new Map<number, { start: Int32Array; count: Int32Array }>();

  constructor(private readonly grid: Grid) {}

  at(row: number, col: number): number {
    let spans = this.rows.get(row);
    if (spans === undefined) {
      spans = this.count(row);
      this.rows.set(row, spans);
    }
    const start = spans.start[col] ?? -1;
    return start < 0 ? 0 : (spans.count[start] ?? 0);
  }

  private count(row: number) {
    const { grid } = this;
    const columns = grid.columns(row);
    const start = new Int32Array(columns).fill(-1);
    const count = new Int32Array(columns);
    for (let c = 0; c < columns; c++) {
      if (grid.kind(row, c) !== "label") continue;
      const first = grid.kind(row, c - 1) === "label" ? (start[c - 1] as number) : c;
      start[c] = first;
      if (grid.reaches(row - 1, c, S) && grid.reaches(row + 1, c, N))
        count[first] = (count[first] ?? 0) + 1;
    }
    return { start, count };
  }
}

/** The cell a straight line runs to from (row, col) along `dir`, ticks (`┬ ┼`) and all. */
function alongLine(grid: Grid, row: number, col: number, dir: Dir): [number, number] {
  const axis = dir | OPPOSITE[dir];
  let r = row;
  let c = col;
  while ((grid.arms(r + DROW[dir], c + DCOL[dir]) & axis) === axis) {
    r += DROW[dir];
    c += DCOL[dir];
  }
  return [r + DROW[dir], c + DCOL[dir]];
}

/**
 * Whether a head ends one of a chart's two axes: its line runs back to a corner (`└`)
 * whose other line runs straight to a head of its own, at a right angle. An axis points
 * at the open side of the chart, at nothing, by design.
 */
function endsAxis(grid: Grid, row: number, col: number, head: Dir): boolean {
  const [r, c] = alongLine(grid, row, col, OPPOSITE[head]);
  const arms = grid.arms(r, c);
  const other = (arms & ~head) as Dir;
  if (!(arms & head) || !DIRS.includes(other) || other === OPPOSITE[head]) return false;
  const [er, ec] = alongLine(grid, r, c, other);
  return grid.head(er, ec) === other;
}

function checkCells(
  grid: Grid,
  add: (row: number, col: number, rule: Rule, message: string) => void,
) {
  const crossings = new Crossings(grid);
  // Only a head or a stroke with an arm not met can be a defect: the rest are passed over.
  const ends = grid.looseEnds();
  for (let i = 0; i < ends.length; i += 2) {
    const row = ends[i] as number;
    const col = ends[i + 1] as number;
    const arms = grid.arms(row, col);
    if (arms !== 0) {
      for (let d = 0; d < DIRS.length; d++) {
        const dir = DIRS[d] as Dir;
        if (!(arms & dir)) continue;
        const r = row + DROW[dir];
        const c = col + DCOL[dir];
        if (grid.reaches(r, c, OPPOSITE[dir])) continue;
        const next = grid.kind(r, c);
        if (next === "head") continue; // an arrow set in an edge beside it
        const r2 = r + DROW[dir];
        const c2 = c + DCOL[dir];
        if (next === "blank") {
          // Facing a line across one blank: it meets it (at a junction) or it is a slip.
          if (grid.kind(r2, c2) === "stroke") {
            add(
              row,
              col,
              "gap",
              `'${grid.at(row, col)}' stops one column short of the '${grid.at(r2, c2)}' ${DIR_NAME[dir]} of it`,
            );
          }
          continue;
        }
        if (next === "stroke") {
          // Two lines side by side, one with ticks into the other (a ruler under a
          // timeline, `┼───┬───┼` under `──X──`), do not meet: neither is a defect.
          const across = dir === N || dir === S ? E | W : N | S;
          if (arms & across && grid.arms(r, c) === across) continue;
          // Said in the drawing's own characters: an ASCII drawing's junction is `+`.
          const wanted = grid.ascii ? ASCII_CORNER : BY_ARMS.get(grid.arms(r, c) | OPPOSITE[dir]);
          add(
            r,
            c,
            "junction",
            `'${grid.at(row, col)}' meets '${grid.at(r, c)}' without a junction${wanted ? ` (expected '${wanted}')` : ""}`,
          );
          continue;
        }
        // A line may lead to a label, or pass through a word set on it as a node
        // (`CAP` over `Consistency`); lines running across a word are a defect.
        if (
          (dir === N || dir === S) &&
          grid.reaches(r2, c2, OPPOSITE[dir]) &&
          crossings.at(r, c) > 1
        ) {
          add(r, c, "into-label", `a line runs through the label at '${grid.at(r, c)}'`);
        }
      }
      continue;
    }
    const head = grid.head(row, col);
    if (head === undefined || inEdge(grid, row, col, head)) continue;
    const back = OPPOSITE[head];
    if (!grid.reaches(row + DROW[back], col + DCOL[back], head)) {
      add(row, col, "arrow-shaft", `arrow '${grid.at(row, col)}' has no line leading into it`);
    }
    const fr = row + DROW[head];
    const fc = col + DCOL[head];
    const fr2 = fr + DROW[head];
    const fc2 = fc + DCOL[head];
    const vertical = head === N || head === S;
    // Aimed between two words of a label row ("Load Balancer") still hits the label.
    const labelRow = grid.kind(fr, fc - 1) === "label" || grid.kind(fr, fc + 1) === "label";
    const blankAhead = vertical ? !labelRow : grid.kind(fr2, fc2) === "blank";
    if (grid.kind(fr, fc) === "blank" && blankAhead && !endsAxis(grid, row, col, head)) {
      add(row, col, "arrow-target", `arrow '${grid.at(row, col)}' points at nothing`);
    }
  }
}

function checkBoxes(
  grid: Grid,
  add: (row: number, col: number, rule: Rule, message: string) => void,
  /** Told of each box whose right side (or bottom corner) is out of line with its top corner. */
  outOfLine?: (top: number, bottom: number, right: number) => void,
) {
  for (const o of outlines(grid)) {
    const { top, left, right, bottom } = o;
    if (!o.topCloses) {
      add(
        top,
        right,
        "box-top",
        `top edge of the box at column ${left + 1} ends at '${grid.at(top, right)}', not a corner`,
      );
      continue;
    }
    // Neither side closes: a bracket fanning out to arrows, not a box.
    if (!o.leftCloses && !o.rightCloses) continue;
    if (!o.leftCloses) {
      add(
        bottom,
        left,
        "box-left",
        `left edge of the box from line ${top + 1} ends at '${grid.at(bottom, left)}', not a corner`,
      );
      continue;
    }
    // A bracket whose left leg bends away (`└───► Complete`) is no box either:
    // a box's bottom edge runs (nearly) to its right edge.
    if (!o.rightCloses && o.bottomEnd < right - 2) continue;
    // One finding per box, at the first line the right edge is out: a shifted edge
    // is one slip, however many lines it runs down.
    let first: { row: number; message: string } | undefined;
    let lines = 0;
    for (let row = top + 1; row < bottom; row++) {
      if (verticalEdge(grid, row, right)) continue;
      lines++;
      if (first !== undefined) continue;
      const near = [right - 1, right + 1, right - 2, right + 2].find((c) =>
        verticalEdge(grid, row, c),
      );
      // Half of a wide character is named by the whole of it.
      const found = grid.at(row, right) || grid.at(row, right - 1);
      const message =
        near !== undefined
          ? `right edge of the box is at column ${near + 1}, its corner at column ${right + 1}`
          : found === " "
            ? "right edge of the box is missing"
            : `the label crosses the right edge of the box at '${found}'`;
      first = { row, message };
    }
    if (first !== undefined) {
      outOfLine?.(top, bottom, right);
      const more = lines > 1 ? ` (on ${lines} lines from here)` : "";
      add(first.row, right, "box-right", `${first.message}${more}`);
    }
    if (o.bottomEnd !== right || !turns(grid, bottom, right, N | W)) {
      outOfLine?.(bottom, bottom, right);
      add(
        bottom,
        o.bottomEnd,
        "box-bottom",
        `bottom edge of the box ends at column ${o.bottomEnd + 1}, its right edge is at column ${right + 1}`,
      );
    }
  }
}

/** Every defect of a diagram, in reading order, one per place and rule. */
export function lintDiagram(text: string): Defect[] {
  return lintGrid(new Grid(text));
}

/** lintDiagram of a grid already laid out (whose `probes` then count the work done). */
export function lintGrid(grid: Grid): Defect[] {
  const seen = new Set<string>();
  const defects: Defect[] = [];
  const add = (row: number, col: number, rule: Rule, message: string) => {
    const key = `${row}:${col}:${rule}`;
    if (seen.has(key)) return;
    seen.add(key);
    defects.push({ line: row + 1, column: col + 1, rule, message });
  };
  // One cause, one finding: a box side out of line is reported once, by the box; the
  // gaps it leaves (its corners a column short of it, it a column short of them) are
  // not reported again.
  const sides: Array<{ top: number; bottom: number; right: number }> = [];
  checkBoxes(grid, add, (top, bottom, right) => sides.push({ top, bottom, right }));
  checkCells(grid, (row, col, rule, message) => {
    const consequence =
      rule === "gap" &&
      sides.some((s) => Math.abs(col - s.right) <= 1 && row >= s.top && row <= s.bottom);
    if (!consequence) add(row, col, rule, message);
  });
  return defects.sort((a, b) => a.line - b.line || a.column - b.column);
}
