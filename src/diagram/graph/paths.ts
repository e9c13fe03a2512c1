import type { Box } from "../boxes.js";
import { BLANK, columnsOf } from "../cells.js";
import { DCOL, type Dir, DROW, E, N, OPPOSITE, S, W } from "../charset.js";
import {
  colOf,
  type Extraction,
  headDir,
  idx,
  inside,
  kindOf,
  rootOf,
  rowOf,
  slotOf,
  type TextRun,
  unite,
} from "./extraction.js";
import { isClaimed, textAt } from "./text-runs.js";

/** Where a path meets a node: which node, whether an arrow head points into it, and which way the path leaves it. */
export interface Endpoint {
  node: string;
  headed: boolean;
  leave: Dir;
  /** The path cell that touches the node, and its union-find slot. */
  cell: number;
  slot: number;
  /** For loose text: the run's key, so the text can turn out to be a label instead. */
  text?: TextRun;
}

interface Stats {
  count: number;
  headed: number;
  leaves: number;
}

// The loops over every cell are functions of their own: V8 compiles a function that
// runs hot to baseline code, and a small one costs less to compile than all of extract().

/** Joins the path cells that link up (union-find); returns every path cell. */
export function joinPaths(x: Extraction): number[] {
  const pathCells: number[] = [];
  for (let row = 0; row < x.h; row++) {
    const columns = columnsOf(x.cells, row);
    for (let col = 0; col < columns; col++) {
      const cell = idx(x, row, col);
      if (!x.path[cell]) continue;
      pathCells.push(cell);
      const link = x.link[cell] as number;
      if (link & E) unite(x, slotOf(x, row, col, E), slotOf(x, row, col + 1, W));
      if (link & S) unite(x, slotOf(x, row, col, S), slotOf(x, row + 1, col, N));
    }
  }
  return pathCells;
}

/** Where each path meets a box or ends at loose text (each text run once, in `runs`). */
export function endpointsOf(
  x: Extraction,
  pathCells: number[],
  runs: Map<string, TextRun>,
): Endpoint[] {
  const endpoints: Endpoint[] = [];
  for (let i = 0; i < pathCells.length; i++) {
    const cell = pathCells[i] as number;
    const row = rowOf(x, cell);
    const col = colOf(x, cell);
    const head = headDir(x, row, col);
    const reach = x.cells.reach[cell] as number;
    const link = (x.link[cell] as number) | (x.through[cell] as number);
    for (let way = N; way <= W; way <<= 1) {
      const dir = way as Dir;
      if (!(reach & dir || head === dir) || link & dir) continue;
      const r = row + DROW[dir];
      const c = col + DCOL[dir];
      const slot = slotOf(x, row, col, dir);
      const box = inside(x, r, c) ? (x.outline[idx(x, r, c)] as number) : -1;
      if (box >= 0) {
        if (x.inner[cell] === box) continue;
        const headed = head === dir || headDir(x, r, c) === dir || strayHead(x, r, c, dir, box);
        endpoints.push({ node: `b${box}`, headed, leave: OPPOSITE[dir], cell, slot });
        continue;
      }
      // runAt gives each run once: every end at one run shares it.
      const found = textAt(x, row, col, dir);
      // Text written into a line is its label (inline-labels.ts), no end of it.
      const text = found && !isClaimed(x, found) ? found : undefined;
      // An ER mark at a line's end (`│ User │1────N│ Order │`) labels the line; the box past it is the end.
      const marked = text && END_MARK.test(text.text) ? boxPastMark(x, text, dir) : -1;
      if (!text || marked >= 0) {
        const across = marked >= 0 ? marked : boxAcrossGap(x, row, col, dir, head === dir ? 2 : 1);
        if (across >= 0) {
          endpoints.push({
            node: `b${across}`,
            headed: head === dir,
            leave: OPPOSITE[dir],
            cell,
            slot,
          });
        }
        continue;
      }
      runs.set(text.key, text);
      endpoints.push({
        node: `t${text.key}`,
        headed: head === dir,
        leave: OPPOSITE[dir],
        cell,
        slot,
        text,
      });
    }
  }

  return endpoints;
}

/** Cardinality marks of an ER drawing: `1`, `N`, `M`, `*`, `∞`, `0..1`, `1..*`, `0..N`. */
const END_MARK = /^(?:[01]\.\.)?(?:[01nNmM*\u221E]|\d)$/;

/** The box a blank or none past an ER mark, on the far side from its line (-1: none). */
function boxPastMark(x: Extraction, run: TextRun, dir: Dir): number {
  const vertical = dir === N || dir === S;
  for (let k = 1; k <= 2; k++) {
    const r = vertical ? run.row + DROW[dir] * k : run.row;
    const c = vertical ? run.start : dir === E ? run.end + k : run.start - k;
    if (!inside(x, r, c)) return -1;
    const box = x.outline[idx(x, r, c)] as number;
    if (box >= 0) return box;
    if (kindOf(x, r, c) !== BLANK) return -1;
  }
  return -1;
}

/**
 * Whether a head pointing into the box is set in its outline a column or two beside
 * where a line meets it (`│` over `──▼─`, two columns apart), with no line of its own:
 * the line's head, drawn off its line.
 */
function strayHead(x: Extraction, row: number, col: number, dir: Dir, box: number): boolean {
  const across = dir === N || dir === S ? E : N;
  for (const k of [1, -1, 2, -2]) {
    const r = row + DROW[across] * k;
    const c = col + DCOL[across] * k;
    if (!inside(x, r, c) || x.outline[idx(x, r, c)] !== box || headDir(x, r, c) !== dir) continue;
    const br = r - DROW[dir];
    const bc = c - DCOL[dir];
    if (!(inside(x, br, bc) && x.path[idx(x, br, bc)])) return true;
  }
  return false;
}

/**
 * The box whose side a line's end stops short of (`──▶ │`, `-->  |`, `│ ────`): across
 * at most `most` blank columns, onto the box's left or right side, from outside it. A
 * common style, and no other reading of a line that ends a blank or two off a box.
 */
function boxAcrossGap(x: Extraction, row: number, col: number, dir: Dir, most: number): number {
  if (dir !== E && dir !== W) return -1;
  const home = x.inner[idx(x, row, col)];
  for (let k = 1; k <= most; k++) {
    const c = col + DCOL[dir] * k;
    if (!inside(x, row, c) || kindOf(x, row, c) !== BLANK) return -1;
    const beyond = c + DCOL[dir];
    if (!inside(x, row, beyond)) return -1;
    const box = x.outline[idx(x, row, beyond)] as number;
    if (box < 0) continue;
    const b = x.boxes[box] as Box;
    // A side, not the top or bottom edge; one column off for a drifted box (drift.ts).
    const side = dir === E ? beyond <= b.left + 1 : beyond >= b.right - 1;
    return side && home !== box && row > b.top && row < b.bottom ? box : -1;
  }
  return -1;
}

/**
 * A `┼` joins its two lines unless each, on its own, is a line that goes somewhere:
 * two nodes or more, not all left the same way (three clients whose lines meet from
 * above are merging, not crossing), and carrying an arrow head when the other does.
 */
export function resolveCrossings(x: Extraction, endpoints: Endpoint[], crossings: number[]): void {
  const stats = new Map<number, Stats>();
  for (const e of endpoints) {
    const root = rootOf(x, e.slot);
    const s = stats.get(root) ?? { count: 0, headed: 0, leaves: 0 };
    s.count++;
    if (e.headed) s.headed++;
    s.leaves |= e.leave;
    stats.set(root, s);
  }
  const empty: Stats = { count: 0, headed: 0, leaves: 0 };
  const goesSomewhere = (s: Stats, otherHeaded: boolean) =>
    s.count >= 2 &&
    (s.leaves & (s.leaves - 1)) !== 0 &&
    (s.headed > 0 || !otherHeaded) &&
    (s.headed < s.count || s.count === 2);
  let changed = true;
  while (changed) {
    changed = false;
    for (const cell of crossings) {
      const a = rootOf(x, cell * 2);
      const b = rootOf(x, cell * 2 + 1);
      if (a === b) continue;
      const sa = stats.get(a) ?? empty;
      const sb = stats.get(b) ?? empty;
      if (goesSomewhere(sa, sb.headed > 0) && goesSomewhere(sb, sa.headed > 0)) continue;
      const root = unite(x, a, b);
      stats.set(root, {
        count: sa.count + sb.count,
        headed: sa.headed + sb.headed,
        leaves: sa.leaves | sb.leaves,
      });
      changed = true;
    }
  }
}
