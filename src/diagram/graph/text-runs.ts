import { BLANK, LABEL, reachesAt } from "../cells.js";
import { DCOL, type Dir, DROW, E, N, S, W } from "../charset.js";
import {
  cellText,
  type Extraction,
  idx,
  inside,
  isPath,
  kindOf,
  type TextRun,
} from "./extraction.js";

/**
 * Label text from (row, col) to either side, words one blank apart. Each run is read
 * once and then shared: a thousand lines may end on one long run of text.
 */
export function runAt(x: Extraction, row: number, col: number): TextRun | undefined {
  if (kindOf(x, row, col) !== LABEL) return undefined;
  const known = x.runIds[idx(x, row, col)] as number;
  if (known > 0) return x.runList[known - 1];
  let start = col;
  while (
    kindOf(x, row, start - 1) === LABEL ||
    (kindOf(x, row, start - 1) === BLANK && kindOf(x, row, start - 2) === LABEL && start >= 2)
  ) {
    start--;
  }
  let end = col;
  while (
    kindOf(x, row, end + 1) === LABEL ||
    (kindOf(x, row, end + 1) === BLANK && kindOf(x, row, end + 2) === LABEL)
  ) {
    end++;
  }
  const cells: number[] = [];
  let text = "";
  for (let c = start; c <= end; c++) {
    text += cellText(x, row, c);
    cells.push(idx(x, row, c));
  }
  const run = { key: `${row},${start}`, row, start, end, text: text.trim(), cells, more: [] };
  x.runList.push(run);
  for (let i = 0; i < cells.length; i++) x.runIds[cells[i] as number] = x.runList.length;
  return run;
}

/** The loose text a path end at (row, col) points at towards `dir`, if any. */
export function textAt(x: Extraction, row: number, col: number, dir: Dir): TextRun | undefined {
  const vertical = dir === N || dir === S;
  const gap = vertical ? 0 : 2;
  const dr = DROW[dir];
  const dc = DCOL[dir];
  let r = row + dr;
  let c = col + dc;
  // A line may end under the blank between two words (`User Posts Tweet`).
  if (vertical && kindOf(x, r, c) === BLANK && kindOf(x, r, c - 1) === LABEL) {
    if (kindOf(x, r, c + 1) === LABEL) c--;
  }
  for (let skipped = 0; skipped <= gap; skipped++) {
    if (!inside(x, r, c)) return undefined;
    const kind = kindOf(x, r, c);
    if (kind === LABEL) {
      if (x.inner[idx(x, r, c)] !== x.inner[idx(x, row, col)]) return undefined;
      return runAt(x, r, c);
    }
    if (kind !== BLANK) return undefined;
    r += dr;
    c += dc;
  }
  return undefined;
}

/** Joins to a text node the lines of text right under it (`Cross-Region` / `Replication`). */
export function extendDown(x: Extraction, run: TextRun, ends: Set<string>): void {
  if (run.more.length > 0) return;
  let below = run;
  for (;;) {
    const row = below.row + 1;
    let next: TextRun | undefined;
    for (let col = below.start; col <= below.end && !next; col++) {
      next = runAt(x, row, col);
    }
    if (!next || ends.has(next.key) || isClaimed(x, next)) return;
    if (x.inner[next.cells[0] as number] !== x.inner[run.cells[0] as number]) return;
    if (anchorOf(x, next) !== undefined) return;
    for (const c of next.cells) {
      x.claimed[c] = 1;
      run.cells.push(c);
    }
    run.more.push(next.text);
    below = next;
  }
}

/**
 * Whether a run of text is taken (a node, or a label). Runs are claimed whole (every
 * claim is of a run's cells, and runAt gives each cell one run), so its first cell says:
 * a long run under many text nodes is not read through for each.
 */
export function isClaimed(x: Extraction, run: TextRun): boolean {
  return x.claimed[run.cells[0] as number] === 1;
}

/** anchorOf, once a run: many text nodes may ask about the one long run under them. */
export function anchorOf(x: Extraction, run: TextRun): number | undefined {
  if (run.anchor === undefined) run.anchor = findAnchor(x, run) ?? -1;
  return run.anchor < 0 ? undefined : run.anchor;
}

/** The path cell a run of text is written beside: right of a line, else left of one, else on top of one. */
function findAnchor(x: Extraction, run: TextRun): number | undefined {
  const { row, start, end } = run;
  const home = x.inner[idx(x, row, start)];
  const ok = (r: number, c: number) =>
    isPath(x, r, c) && x.inner[idx(x, r, c)] === home ? idx(x, r, c) : undefined;
  const blank = (r: number, c: number) => kindOf(x, r, c) === BLANK;
  const left = ok(row, start - 1) ?? (blank(row, start - 1) ? ok(row, start - 2) : undefined);
  if (left !== undefined) return left;
  const right = ok(row, end + 1) ?? (blank(row, end + 1) ? ok(row, end + 2) : undefined);
  if (right !== undefined) return right;
  // Over a line: on the row below, or the one below that when the row between is blank.
  for (let r = row + 1; r <= row + 2; r++) {
    let under = 0;
    let first: number | undefined;
    for (let c = start; c <= end; c++) {
      const cell = ok(r, c);
      if (cell !== undefined && reachesAt(x.cells, r, c, E) && reachesAt(x.cells, r, c, W)) {
        under++;
        first ??= cell;
      }
    }
    if (under * 2 >= end - start + 1) return first;
    for (let c = start; c <= end; c++) if (!blank(r, c)) return undefined;
  }
  return undefined;
}
