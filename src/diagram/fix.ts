import { findBoxes, outlines, verticalEdge } from "./boxes.js";
import {
  ASCII_CORNER,
  ASCII_HORIZONTAL,
  ASCII_VERTICAL,
  BY_ARMS,
  DCOL,
  type Dir,
  DROW,
  E,
  N,
  OPPOSITE,
  S,
  W,
} from "./charset.js";
import { Grid } from "./grid.js";
import { type Defect, lintGrid } from "./lint.js";

/** A repair made: where (1-based line and display column, as lint counts) and what. */
export interface Repair {
  line: number;
  column: number;
  message: string;
}

/** A repair that may be made: what it changes in the cells, and what it says. */
interface Candidate {
  line: number;
  column: number;
  message: string;
  /** The rows it is proved on (0-based, inclusive): what it changes, and the box around. */
  from: number;
  to: number;
  /** The leftmost column it changes: cells right of it may move, none left of it. */
  at: number;
  /** The area of the box it mends (0 for a gap): the innermost is tried first. */
  size: number;
  apply(rows: string[][]): void;
}

/** Passes over the drawing: each finds the repairs again on what the last one left. */
const MAX_PASSES = 8;

/** Rows above and below a repair that its proof also reads: the lines it may join. */
const MARGIN = 2;

/**
 * How much reading the proofs may do, in characters, per character of the drawing
 * (and a floor for small ones): a drawing of thousands of slips is repaired as far as
 * this goes and the rest left for lint to report, so that --fix stays linear.
 */
const PROOF_READING = 4;
const PROOF_FLOOR = 100_000;

/**
 * A drawing with the defects repaired that can be proved slips: a box side one column
 * off its corners (the line is one column too wide or too narrow, as happens when wide
 * characters are aligned by eye), and a line that stops one blank short of an upright
 * line it meets (filled, and the junction drawn). A repair is kept only when the rows it
 * touches then have fewer defects, none new, and every box they had; what cannot be
 * proved is left as it is, for lint to report. Each proof reads only those rows, so a
 * large drawing costs a few readings of the whole, not one per repair.
 */
export function fixDiagram(text: string): { text: string; repairs: Repair[] } {
  // Worked on as lines of cells; given back with the line ending and final newline it had.
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const final = text.endsWith("\n") ? eol : "";
  let drawing = text.replaceAll("\r\n", "\n").replace(/\n$/, "");
  const repairs: Repair[] = [];
  let budget = PROOF_FLOOR + PROOF_READING * drawing.length;
  for (let pass = 0; pass < MAX_PASSES && budget > 0; pass++) {
    const grid = new Grid(drawing);
    let rows = grid.rows;
    // The innermost first, and none whose rows another one of this pass reads: a blank
    // taken out of an inner box's line also brings the sides around it into line, so
    // the outer boxes are looked at again in the next pass.
    const windowOf = (c: Candidate) =>
      [Math.max(0, c.from - MARGIN), Math.min(rows.length - 1, c.to + MARGIN)] as const;
    const taken = new Set<number>();
    const chosen: Candidate[] = [];
    for (const c of [...sideRepairs(grid), ...gapRepairs(grid)].sort((a, b) => a.size - b.size)) {
      const [from, to] = windowOf(c);
      let free = true;
      for (let row = from; row <= to && free; row++) free = !taken.has(row);
      if (!free) continue;
      for (let row = from; row <= to; row++) taken.add(row);
      chosen.push(c);
    }
    // Rightmost first: a cell taken out of a line or put in moves only the cells right
    // of it, so every repair still to try finds its cells where the pass found them.
    chosen.sort((a, b) => b.at - a.at);
    let made = 0;
    for (const candidate of chosen) {
      const [from, to] = windowOf(candidate);
      for (let row = from; row <= to; row++) budget -= 2 * (rows[row] as string[]).length;
      if (budget < 0) break;
      const trial = rows.slice();
      for (let row = from; row <= to; row++) trial[row] = [...(rows[row] as string[])];
      candidate.apply(trial);
      const before = new Grid(joined(rows.slice(from, to + 1)), { ascii: grid.ascii });
      const after = new Grid(joined(trial.slice(from, to + 1)), { ascii: grid.ascii });
      if (!proved(before, after)) continue;
      rows = trial;
      repairs.push({ line: candidate.line, column: candidate.column, message: candidate.message });
      made++;
    }
    if (made === 0) break;
    drawing = joined(rows);
  }
  return {
    text: repairs.length === 0 ? text : drawing.replaceAll("\n", eol) + final,
    repairs,
  };
}

/**
 * Whether a repair proved itself on its rows: fewer defects, none new (by rule and
 * line), and every box still standing where it stood: a repair that trades one defect
 * for another, or breaks a neighbour to mend a box, is no repair.
 */
function proved(before: Grid, after: Grid): boolean {
  const was = lintGrid(before);
  const now = lintGrid(after);
  return now.length < was.length && kept(before, after, was, now);
}

/**
 * Whether a repair proved itself: every box still stands where it stood, and no defect
 * is new (by its rule and line): a repair that trades one defect for another, or
 * breaks a neighbour to mend a box, is no repair.
 */
function kept(before: Grid, after: Grid, was: readonly Defect[], now: readonly Defect[]): boolean {
  const boxes = new Set(findBoxes(after).map((b) => `${b.top},${b.left},${b.bottom},${b.right}`));
  if (!findBoxes(before).every((b) => boxes.has(`${b.top},${b.left},${b.bottom},${b.right}`))) {
    return false;
  }
  const old = new Set(was.map((d) => `${d.rule}@${d.line}`));
  return now.every((d) => old.has(`${d.rule}@${d.line}`));
}

/** The rows' cells as text again. */
function joined(rows: readonly string[][]): string {
  return rows.map((cells) => cells.join("")).join("\n");
}

/**
 * A box's right side drawn a column right of its corners (a blank left of it to take
 * out) or a column left of them (a blank to put in before it), on the lines where it is.
 */
function sideRepairs(grid: Grid): Candidate[] {
  const found: Candidate[] = [];
  const boxes = outlines(grid).filter((o) => o.topCloses && o.leftCloses);
  for (const { top, left, right, bottom } of boxes) {
    const size = (right - left) * (bottom - top);
    // Every line of the side that is out, the same way: one slip, one repair.
    const wide: number[] = [];
    const narrow: number[] = [];
    let other = false;
    for (let row = top + 1; row < bottom; row++) {
      if (verticalEdge(grid, row, right)) continue;
      if (verticalEdge(grid, row, right + 1) && grid.at(row, right) === " ") wide.push(row);
      else if (verticalEdge(grid, row, right - 1) && grid.at(row, right - 2) === " ") {
        narrow.push(row);
      } else other = true;
    }
    if (other || wide.length > 0 === narrow.length > 0) continue;
    const rowsOut = wide.length > 0 ? wide : narrow;
    const first = rowsOut[0] as number;
    const lines = rowsOut.length > 1 ? ` on ${rowsOut.length} lines` : "";
    found.push(
      wide.length > 0
        ? {
            line: first + 1,
            column: right + 2,
            from: top,
            to: bottom,
            at: right,
            size,
            message: `moved the right edge of the box one column left${lines}, under its corner at column ${right + 1}`,
            apply: (rows) => {
              for (const row of wide) rows[row]?.splice(right, 1);
            },
          }
        : {
            line: first + 1,
            column: right,
            from: top,
            to: bottom,
            at: right - 1,
            size,
            message: `moved the right edge of the box one column right${lines}, under its corner at column ${right + 1}`,
            apply: (rows) => {
              for (const row of narrow) rows[row]?.splice(right - 1, 0, " ");
            },
          },
    );
  }
  return found;
}

/** A line stopping one blank short of a line across its way: the blank filled, the junction drawn. */
function gapRepairs(grid: Grid): Candidate[] {
  const found: Candidate[] = [];
  const ends = grid.looseEnds();
  for (let i = 0; i < ends.length; i += 2) {
    const row = ends[i] as number;
    const col = ends[i + 1] as number;
    const arms = grid.arms(row, col);
    // A horizontal line (`──`) whose end stops a blank short of an upright one: the
    // vertical kind is left to lint, as it is more often a side drawn out of line.
    if (arms !== (E | W)) continue;
    for (const dir of [E, W] as Dir[]) {
      const r = row + DROW[dir];
      const c = col + DCOL[dir];
      const r2 = r + DROW[dir];
      const c2 = c + DCOL[dir];
      if (grid.kind(r, c) !== "blank" || grid.kind(r2, c2) !== "stroke") continue;
      // Only a straight line across the way takes a junction (`│ ──` becomes `├───`);
      // a corner or a junction facing a gap is some other slip.
      const across = N | S;
      if (grid.arms(r2, c2) !== across) continue;
      const joinedChar = junction(grid, across | OPPOSITE[dir]);
      if (joinedChar === undefined) continue;
      const fill = along(grid, dir);
      found.push({
        line: row + 1,
        column: col + 1,
        from: row,
        to: row,
        at: Math.min(c, c2),
        size: 0,
        message: `joined '${grid.at(row, col)}' to the '${grid.at(r2, c2)}' it stopped one column short of`,
        apply: (rows) => {
          const at = rows[r];
          const far = rows[r2];
          if (at === undefined || far === undefined) return;
          while (at.length <= c) at.push(" ");
          at[c] = fill;
          far[c2] = joinedChar;
        },
      });
    }
  }
  return found;
}

/** The line character running along `dir`, in the drawing's own character set. */
function along(grid: Grid, dir: Dir): string {
  const vertical = dir === N || dir === S;
  if (grid.ascii) return vertical ? ASCII_VERTICAL : ASCII_HORIZONTAL;
  return BY_ARMS.get(vertical ? N | S : E | W) as string;
}

/** The character with these arms, in the drawing's own character set (ASCII: `+`). */
function junction(grid: Grid, arms: number): string | undefined {
  if (grid.ascii) return arms === (E | W) || arms === (N | S) ? undefined : ASCII_CORNER;
  return BY_ARMS.get(arms);
}
