import { BLANK, STROKE } from "../cells.js";
import { DCOL, type Dir, DROW, E, OPPOSITE, S } from "../charset.js";
import {
  colOf,
  type Extraction,
  headDir,
  idx,
  inside,
  kindOf,
  rowOf,
  slotOf,
  type TextRun,
  unite,
} from "./extraction.js";
import { isClaimed, textAt } from "./text-runs.js";

/** A label and the path cell it is written against. */
export interface Labelled {
  anchor: number;
  row: number;
  col: number;
  text: string;
}

/**
 * Text written into a line (`──── Extract Audio ────►`, `│` over `Get money` over `▼`):
 * the line goes on past it the same way, so the text labels the line, which is joined
 * through it; it is not a node that splits the line in two. Only where the line runs
 * into the text with no head: `──► Server ──►` is a chain through a node, as drawn.
 * Marks the joined ends in `x.through` and returns the labels, each against the cell
 * past the text (its walk finds the node the line reaches beyond it).
 */
export function joinThroughText(x: Extraction, pathCells: number[]): Labelled[] {
  const labels: Labelled[] = [];
  for (const cell of pathCells) {
    if (x.cells.kind[cell] !== STROKE) continue;
    const row = rowOf(x, cell);
    const col = colOf(x, cell);
    const reach = x.cells.reach[cell] as number;
    const link = x.link[cell] as number;
    for (const dir of [E, S] as Dir[]) {
      if (!(reach & dir) || link & dir) continue;
      const run = textAt(x, row, col, dir);
      if (!run || isClaimed(x, run) || run.more.length > 0) continue;
      const past = pastText(x, run, row, col, dir);
      if (past < 0) continue;
      const back = OPPOSITE[dir];
      unite(x, slotOf(x, row, col, dir), slotOf(x, rowOf(x, past), colOf(x, past), back));
      x.through[cell] = (x.through[cell] as number) | dir;
      x.through[past] = (x.through[past] as number) | back;
      for (const c of run.cells) x.claimed[c] = 1;
      labels.push({ anchor: past, row: run.row, col: run.start, text: run.text });
    }
  }
  return labels;
}

/**
 * The path cell where a line resumes past a run of text, going on the way it came
 * (`dir`): after at most two blanks across, right under the text going down; -1 when it
 * does not, or when a head there points back into the text.
 */
function pastText(x: Extraction, run: TextRun, row: number, col: number, dir: Dir): number {
  const vertical = dir === S;
  let r = vertical ? run.row + 1 : row;
  let c = vertical ? col : run.end + 1;
  for (let skipped = 0; skipped <= (vertical ? 0 : 2); skipped++) {
    if (!inside(x, r, c)) return -1;
    const at = idx(x, r, c);
    if (x.path[at]) {
      const back = OPPOSITE[dir];
      const joins = (x.cells.reach[at] as number) & back && !((x.link[at] as number) & back);
      const inner = x.inner[at] === x.inner[idx(x, row, col)];
      return joins && inner && headDir(x, r, c) !== back ? at : -1;
    }
    if (kindOf(x, r, c) !== BLANK) return -1;
    r += DROW[dir];
    c += DCOL[dir];
  }
  return -1;
}
