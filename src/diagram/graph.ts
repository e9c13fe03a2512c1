import { type Box, closedBoxes } from "./boxes.js";
import { analyse, BLANK, type Cells, HEAD, LABEL, STROKE } from "./cells.js";
import { DIRS, type Dir, E, N, OPPOSITE, S, STEP, W } from "./charset.js";
import { step } from "./grid.js";

/**
 * A drawing read as a graph: its closed boxes (and the loose text its arrows point at)
 * are the nodes, the stroke paths between them the edges. The JSON form of this is
 * `--format graph`, documented as stable: change it only by adding optional fields.
 */
export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphNode {
  id: string;
  label: string;
  kind: "box" | "text";
  /** The id of the box this one is drawn inside. */
  parent?: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  label?: string;
  directed: boolean;
}

/** Where a path meets a node: which node, whether an arrow head points into it, and which way the path leaves it. */
interface Endpoint {
  node: string;
  headed: boolean;
  leave: Dir;
  /** The path cell that touches the node, and its union-find slot. */
  cell: number;
  slot: number;
  /** For loose text: the run's key, so the text can turn out to be a label instead. */
  text?: TextRun;
}

interface TextRun {
  key: string;
  row: number;
  start: number;
  end: number;
  text: string;
  /** Cells of the run and of the lines joined under it. */
  cells: number[];
  /** Rows joined below (a text node reached from above may run over several lines). */
  more: string[];
}

interface Stats {
  count: number;
  headed: number;
  leaves: number;
}

const FOUR = N | E | S | W;

export function extractGraph(diagram: string): Graph {
  const { cells, outlines } = analyse(diagram);
  return new Extraction(cells, closedBoxes(outlines)).run();
}

class Extraction {
  private readonly cells: Cells;
  private readonly w: number;
  private readonly h: number;
  private readonly boxes: Box[];
  /** Innermost box whose interior holds each cell (-1: none). */
  private readonly inner: Int32Array;
  /** Box whose outline each cell is on (-1: none). */
  private readonly outline: Int32Array;
  private readonly parent: number[];
  private readonly uf: Int32Array;
  private readonly claimed: Uint8Array;
  /** Strokes and heads off every box's outline: the cells paths are made of. */
  private readonly path: Uint8Array;
  /** The ways each path cell joins the path cell beside it (both reach towards each other). */
  private readonly link: Uint8Array;

  constructor(cells: Cells, boxes: Box[]) {
    this.cells = cells;
    this.w = cells.w;
    this.h = cells.h;
    this.boxes = boxes.sort((a, b) => a.top - b.top || a.left - b.left);
    const size = this.w * this.h;
    this.inner = new Int32Array(size).fill(-1);
    this.outline = new Int32Array(size).fill(-1);
    this.parent = this.boxes.map(() => -1);
    this.claimed = new Uint8Array(size);
    // Larger boxes are painted first so that a nested box overwrites its parent's interior.
    const bySize = this.boxes
      .map((box, i) => ({ box, i }))
      .sort(
        (a, b) =>
          (b.box.bottom - b.box.top) * (b.box.right - b.box.left) -
          (a.box.bottom - a.box.top) * (a.box.right - a.box.left),
      );
    for (const { box, i } of bySize) {
      this.parent[i] = this.inner[this.idx(box.top, box.left)] ?? -1;
      for (let r = box.top; r <= box.bottom; r++) {
        for (let c = box.left; c <= box.right; c++) {
          const onEdge = r === box.top || r === box.bottom || c === box.left || c === box.right;
          if (onEdge) this.outline[this.idx(r, c)] = i;
          else this.inner[this.idx(r, c)] = i;
        }
      }
    }
    this.uf = new Int32Array(size * 2);
    for (let i = 0; i < size * 2; i++) this.uf[i] = i;
    this.path = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      const kind = cells.kind[i];
      if ((kind === STROKE || kind === HEAD) && this.outline[i] === -1) this.path[i] = 1;
    }
    this.link = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      if (!this.path[i]) continue;
      const row = Math.floor(i / this.w);
      const col = i - row * this.w;
      const reach = cells.reach[i] as number;
      let link = 0;
      for (const dir of DIRS) {
        if (!(reach & dir)) continue;
        const [dr, dc] = STEP[dir];
        const r = row + dr;
        const c = col + dc;
        if (!this.inside(r, c)) continue;
        const j = r * this.w + c;
        if (this.path[j] && (cells.reach[j] as number) & OPPOSITE[dir]) link |= dir;
      }
      this.link[i] = link;
    }
  }

  private idx(row: number, col: number): number {
    return row * this.w + col;
  }

  private inside(row: number, col: number): boolean {
    return row >= 0 && col >= 0 && row < this.h && col < this.w;
  }

  /** A stroke or arrow head that is not part of a box's outline. */
  private isPath(row: number, col: number): boolean {
    return this.inside(row, col) && this.path[this.idx(row, col)] === 1;
  }

  private isCrossing(row: number, col: number): boolean {
    return this.isPath(row, col) && this.cells.arms[this.idx(row, col)] === FOUR;
  }

  private connects(row: number, col: number, dir: Dir): boolean {
    return this.inside(row, col) && ((this.link[this.idx(row, col)] as number) & dir) !== 0;
  }

  /**
   * A crossing `┼` has two slots, one per line through it, so that two lines that only
   * cross stay apart; every other cell has one.
   */
  private slot(row: number, col: number, dir: Dir): number {
    const vertical = dir === N || dir === S;
    return this.idx(row, col) * 2 + (vertical && this.isCrossing(row, col) ? 1 : 0);
  }

  private find(x: number): number {
    let root = x;
    while (this.uf[root] !== root) root = this.uf[root] as number;
    let at = x;
    while (this.uf[at] !== root) {
      const next = this.uf[at] as number;
      this.uf[at] = root;
      at = next;
    }
    return root;
  }

  private union(a: number, b: number): number {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.uf[rb] = ra;
    return ra;
  }

  private headDir(row: number, col: number): Dir | undefined {
    // The grid knows ASCII heads (`v > < ^` at a line's end) as well as Unicode ones.
    return this.inside(row, col)
      ? (this.cells.head[this.idx(row, col)] as Dir) || undefined
      : undefined;
  }

  private kind(row: number, col: number): number {
    return this.cells.kindAt(row, col);
  }

  /** The text of a cell on the drawing. */
  private at(row: number, col: number): string {
    return (this.cells.grid.rows[row] as string[])[col] as string;
  }

  /** Label text from (row, col) to either side, words one blank apart. */
  private runAt(row: number, col: number): TextRun | undefined {
    if (this.kind(row, col) !== LABEL) return undefined;
    let start = col;
    while (
      this.kind(row, start - 1) === LABEL ||
      (this.kind(row, start - 1) === BLANK && this.kind(row, start - 2) === LABEL && start >= 2)
    ) {
      start--;
    }
    let end = col;
    while (
      this.kind(row, end + 1) === LABEL ||
      (this.kind(row, end + 1) === BLANK && this.kind(row, end + 2) === LABEL)
    ) {
      end++;
    }
    const cells: number[] = [];
    let text = "";
    for (let c = start; c <= end; c++) {
      text += this.at(row, c);
      cells.push(this.idx(row, c));
    }
    return { key: `${row},${start}`, row, start, end, text: text.trim(), cells, more: [] };
  }

  /** The loose text a path end at (row, col) points at towards `dir`, if any. */
  private textAt(row: number, col: number, dir: Dir): TextRun | undefined {
    const vertical = dir === N || dir === S;
    const gap = vertical ? 0 : 2;
    let [r, c] = step(row, col, dir);
    // A line may end under the blank between two words (`User Posts Tweet`).
    if (vertical && this.kind(r, c) === BLANK && this.kind(r, c - 1) === LABEL) {
      if (this.kind(r, c + 1) === LABEL) c--;
    }
    for (let skipped = 0; skipped <= gap; skipped++) {
      if (!this.inside(r, c)) return undefined;
      const kind = this.kind(r, c);
      if (kind === LABEL) {
        if (this.inner[this.idx(r, c)] !== this.inner[this.idx(row, col)]) return undefined;
        return this.runAt(r, c);
      }
      if (kind !== BLANK) return undefined;
      [r, c] = step(r, c, dir);
    }
    return undefined;
  }

  run(): Graph {
    const pathCells: number[] = [];
    for (let row = 0; row < this.h; row++) {
      for (let col = 0; col < this.w; col++) {
        const cell = this.idx(row, col);
        if (!this.path[cell]) continue;
        pathCells.push(cell);
        const link = this.link[cell] as number;
        if (link & E) this.union(this.slot(row, col, E), this.slot(row, col + 1, W));
        if (link & S) this.union(this.slot(row, col, S), this.slot(row + 1, col, N));
      }
    }

    // Where each path meets a box or ends at loose text.
    const endpoints: Endpoint[] = [];
    const runs = new Map<string, TextRun>();
    for (const cell of pathCells) {
      const row = Math.floor(cell / this.w);
      const col = cell % this.w;
      const head = this.headDir(row, col);
      const reach = this.cells.reach[cell] as number;
      const link = this.link[cell] as number;
      for (const dir of DIRS) {
        if (!(reach & dir || head === dir) || link & dir) continue;
        const [r, c] = step(row, col, dir);
        const slot = this.slot(row, col, dir);
        const box = this.inside(r, c) ? (this.outline[this.idx(r, c)] as number) : -1;
        if (box >= 0) {
          if (this.inner[cell] === box) continue;
          const headed = head === dir || this.headDir(r, c) === dir;
          endpoints.push({ node: `b${box}`, headed, leave: OPPOSITE[dir], cell, slot });
          continue;
        }
        const found = this.textAt(row, col, dir);
        if (!found) continue;
        const text = runs.get(found.key) ?? found;
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

    this.resolveCrossings(endpoints, pathCells);

    // Loose text at a path's end is a node when it is that path's only tail or its only
    // other end; text hanging off a path that already joins other nodes labels it.
    const byRoot = groupBy(endpoints, (e) => this.find(e.slot));
    const textNodes = new Set<string>();
    for (const group of byRoot.values()) {
      for (const e of group) {
        if (!e.text) continue;
        if (e.headed) {
          textNodes.add(e.node);
          continue;
        }
        const others = group.filter((o) => o.node !== e.node);
        const distinct = new Set(others.map((o) => o.node));
        if (distinct.size === 1 || !others.some((o) => !o.headed)) textNodes.add(e.node);
      }
    }
    // A text node reached from above may run on over the lines below it.
    for (const e of endpoints) {
      if (!e.text || !textNodes.has(e.node)) continue;
      for (const cell of e.text.cells) this.claimed[cell] = 1;
    }
    for (const e of endpoints) {
      if (e.text && textNodes.has(e.node) && e.leave === N) this.extendDown(e.text, endpoints);
    }

    // Edges, component by component.
    interface Draft {
      from: string;
      to: string;
      directed: boolean;
      labels: { row: number; col: number; text: string }[];
    }
    const drafts = new Map<number, Draft[]>();
    for (const [root, group] of byRoot) {
      const members = group.filter((e) => !e.text || textNodes.has(e.node));
      drafts.set(root, edgesOf(members));
    }

    // Edge labels: text hanging off a path's end, then text beside it.
    const labelled: { anchor: number; row: number; col: number; text: string }[] = [];
    for (const e of endpoints) {
      if (!e.text || textNodes.has(e.node)) continue;
      if (e.text.cells.some((cell) => this.claimed[cell])) continue;
      for (const cell of e.text.cells) this.claimed[cell] = 1;
      if (e.leave === N) this.extendDown(e.text, endpoints);
      const text = [e.text.text, ...e.text.more].join(" ");
      labelled.push({ anchor: e.cell, row: e.text.row, col: e.text.start, text });
    }
    for (let row = 0; row < this.h; row++) {
      for (let col = 0; col < this.w; col++) {
        const cell = this.idx(row, col);
        if (this.claimed[cell] || this.cells.kind[cell] !== LABEL) continue;
        const run = this.runAt(row, col);
        if (!run) continue;
        col = run.end;
        if (run.cells.some((c) => this.claimed[c])) continue;
        const anchor = this.anchorOf(run);
        if (anchor === undefined) continue;
        for (const c of run.cells) this.claimed[c] = 1;
        labelled.push({ anchor, row, col: run.start, text: run.text });
      }
    }
    const nodeOfEndpointCell = groupBy(
      endpoints.filter((e) => !e.text || textNodes.has(e.node)),
      (e) => e.cell,
    );
    for (const label of labelled) {
      // Through a junction drawn as `┼` only when the text's own branch meets no node.
      let reached = this.walk(label.anchor, nodeOfEndpointCell, false);
      if (reached.size === 0) reached = this.walk(label.anchor, nodeOfEndpointCell, true);
      const row = Math.floor(label.anchor / this.w);
      const col = label.anchor % this.w;
      const roots = new Set([this.find(this.slot(row, col, E)), this.find(this.slot(row, col, N))]);
      const candidates = [...roots].flatMap((root) => drafts.get(root) ?? []);
      const both = candidates.filter((d) => reached.has(d.from) && reached.has(d.to));
      const either = candidates.filter((d) => reached.has(d.from) || reached.has(d.to));
      const chosen = both.length > 0 ? both : either.length > 0 ? either : candidates;
      for (const d of chosen) d.labels.push({ row: label.row, col: label.col, text: label.text });
    }

    // Nodes in reading order, with readable ids.
    interface Placed {
      key: string;
      row: number;
      col: number;
      label: string;
      kind: "box" | "text";
      parentKey?: string;
    }
    const placed: Placed[] = this.boxes.map((box, i) => {
      const parent = this.parent[i] as number;
      return {
        key: `b${i}`,
        row: box.top,
        col: box.left,
        label: this.boxLabel(i),
        kind: "box" as const,
        ...(parent >= 0 ? { parentKey: `b${parent}` } : {}),
      };
    });
    for (const key of textNodes) {
      const run = runs.get(key.slice(1)) as TextRun;
      const parent = this.inner[this.idx(run.row, run.start)] as number;
      placed.push({
        key,
        row: run.row,
        col: run.start,
        label: [run.text, ...run.more].join(" "),
        kind: "text",
        ...(parent >= 0 ? { parentKey: `b${parent}` } : {}),
      });
    }
    placed.sort((a, b) => a.row - b.row || a.col - b.col);
    const ids = new Map<string, string>();
    const order = new Map<string, number>();
    const used = new Set<string>();
    placed.forEach((p, i) => {
      const id = uniqueId(slug(p.label) || `${p.kind}-${i + 1}`, used);
      ids.set(p.key, id);
      order.set(id, i);
    });
    const nodes: GraphNode[] = placed.map((p) => ({
      id: ids.get(p.key) as string,
      label: p.label,
      kind: p.kind,
      ...(p.parentKey ? { parent: ids.get(p.parentKey) as string } : {}),
    }));

    const merged = new Map<string, Draft>();
    for (const list of drafts.values()) {
      for (const d of list) {
        let from = ids.get(d.from) as string;
        let to = ids.get(d.to) as string;
        if (!d.directed && (order.get(from) as number) > (order.get(to) as number)) {
          [from, to] = [to, from];
        }
        const key = `${from}\u0000${to}\u0000${d.directed}`;
        const have = merged.get(key);
        if (have) have.labels.push(...d.labels);
        else merged.set(key, { from, to, directed: d.directed, labels: [...d.labels] });
      }
    }
    const edges: GraphEdge[] = [...merged.values()]
      .sort(
        (a, b) =>
          (order.get(a.from) as number) - (order.get(b.from) as number) ||
          (order.get(a.to) as number) - (order.get(b.to) as number) ||
          Number(a.directed) - Number(b.directed),
      )
      .map((d) => {
        const seen = new Set<string>();
        const texts = d.labels
          .sort((a, b) => a.row - b.row || a.col - b.col)
          .filter((l) => {
            const key = `${l.row},${l.col}`;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          })
          .map((l) => l.text);
        const label = texts.join(" ").replace(/\s+/g, " ").trim();
        return { from: d.from, to: d.to, ...(label ? { label } : {}), directed: d.directed };
      });
    return { nodes, edges };
  }

  /**
   * A `┼` joins its two lines unless each, on its own, is a line that goes somewhere:
   * two nodes or more, not all left the same way (three clients whose lines meet from
   * above are merging, not crossing), and carrying an arrow head when the other does.
   */
  private resolveCrossings(endpoints: Endpoint[], pathCells: number[]): void {
    const crossings = pathCells.filter((cell) =>
      this.isCrossing(Math.floor(cell / this.w), cell % this.w),
    );
    if (crossings.length === 0) return;
    const stats = new Map<number, Stats>();
    for (const e of endpoints) {
      const root = this.find(e.slot);
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
        const a = this.find(cell * 2);
        const b = this.find(cell * 2 + 1);
        if (a === b) continue;
        const sa = stats.get(a) ?? empty;
        const sb = stats.get(b) ?? empty;
        if (goesSomewhere(sa, sb.headed > 0) && goesSomewhere(sb, sa.headed > 0)) continue;
        const root = this.union(a, b);
        stats.set(root, {
          count: sa.count + sb.count,
          headed: sa.headed + sb.headed,
          leaves: sa.leaves | sb.leaves,
        });
        changed = true;
      }
    }
  }

  /** Joins to a text node the lines of text right under it (`Cross-Region` / `Replication`). */
  private extendDown(run: TextRun, endpoints: Endpoint[]): void {
    if (run.more.length > 0) return;
    const tails = new Set(endpoints.filter((e) => e.text).map((e) => e.text?.key));
    let below = run;
    for (;;) {
      const row = below.row + 1;
      let next: TextRun | undefined;
      for (let col = below.start; col <= below.end && !next; col++) {
        next = this.runAt(row, col);
      }
      if (!next || tails.has(next.key) || next.cells.some((c) => this.claimed[c])) return;
      if (this.inner[next.cells[0] as number] !== this.inner[run.cells[0] as number]) return;
      if (this.anchorOf(next) !== undefined) return;
      for (const c of next.cells) this.claimed[c] = 1;
      run.cells.push(...next.cells);
      run.more.push(next.text);
      below = next;
    }
  }

  /** The path cell a run of text is written beside: right of a line, else left of one, else on top of one. */
  private anchorOf(run: TextRun): number | undefined {
    const { row, start, end } = run;
    const home = this.inner[this.idx(row, start)];
    const ok = (r: number, c: number) =>
      this.isPath(r, c) && this.inner[this.idx(r, c)] === home ? this.idx(r, c) : undefined;
    const blank = (r: number, c: number) => this.kind(r, c) === BLANK;
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
        if (cell !== undefined && this.cells.reaches(r, c, E) && this.cells.reaches(r, c, W)) {
          under++;
          first ??= cell;
        }
      }
      if (under * 2 >= end - start + 1) return first;
      for (let c = start; c <= end; c++) if (!blank(r, c)) return undefined;
    }
    return undefined;
  }

  /**
   * The nodes met following a path both ways from a cell, straight through crossings,
   * up to the first junction: the branch a label is written beside.
   */
  private walk(
    anchor: number,
    attached: Map<number, Endpoint[]>,
    throughJunctions: boolean,
  ): Set<string> {
    const reached = new Set<string>();
    const seen = new Set<number>();
    const visit = (cell: number) => {
      for (const e of attached.get(cell) ?? []) reached.add(e.node);
    };
    visit(anchor);
    seen.add(anchor);
    const row0 = Math.floor(anchor / this.w);
    const col0 = anchor % this.w;
    for (const first of DIRS) {
      if (!this.connects(row0, col0, first)) continue;
      let [row, col] = step(row0, col0, first);
      let from: Dir = OPPOSITE[first];
      for (;;) {
        const cell = this.idx(row, col);
        if (seen.has(cell) && !this.isCrossing(row, col)) break;
        seen.add(cell);
        visit(cell);
        // The ways on, other than back.
        const out = (this.link[cell] as number) & ~from;
        let next: Dir | undefined;
        if (this.isCrossing(row, col)) {
          const junction = this.find(cell * 2) === this.find(cell * 2 + 1);
          if (junction && !throughJunctions) break;
          next = OPPOSITE[from];
        } else if (out !== 0 && (out & (out - 1)) === 0) next = out as Dir;
        if (next === undefined || !this.connects(row, col, next)) break;
        [row, col] = step(row, col, next);
        from = OPPOSITE[next];
      }
    }
    return reached;
  }

  /** The text inside a box and outside the boxes in it, its lines joined by a space. */
  private boxLabel(i: number): string {
    const box = this.boxes[i] as Box;
    const lines: string[] = [];
    for (let r = box.top + 1; r < box.bottom; r++) {
      let line = "";
      for (let c = box.left + 1; c < box.right; c++) {
        const cell = this.idx(r, c);
        const mine = this.inner[cell] === i && !this.claimed[cell];
        line += mine && this.cells.kind[cell] === LABEL ? this.at(r, c) : " ";
      }
      const text = line.replace(/\s+/g, " ").trim();
      if (text) lines.push(text);
    }
    return lines.join(" ");
  }
}

/**
 * The edges one connected path makes between the nodes it touches: from each tail to
 * each head; with no heads, between the two sides it joins; with only heads, each way.
 */
function edgesOf(
  members: Endpoint[],
): { from: string; to: string; directed: boolean; labels: never[] }[] {
  const sources = new Map<string, Endpoint>();
  const targets = new Map<string, Endpoint>();
  for (const e of members) {
    const into = e.headed ? targets : sources;
    if (!into.has(e.node)) into.set(e.node, e);
  }
  const out: { from: string; to: string; directed: boolean; labels: never[] }[] = [];
  const add = (from: string, to: string, directed: boolean) => {
    if (from !== to) out.push({ from, to, directed, labels: [] });
  };
  if (targets.size > 0) {
    const tails = sources.size > 0 ? [...sources.keys()] : [...targets.keys()];
    for (const from of tails) for (const to of targets.keys()) add(from, to, true);
    return out;
  }
  const ends = [...sources.values()];
  const sides = groupBy(ends, (e) => e.leave);
  if (sides.size === 2) {
    const [a, b] = [...sides.values()] as [Endpoint[], Endpoint[]];
    for (const x of a) for (const y of b) add(x.node, y.node, false);
    return out;
  }
  for (let i = 0; i < ends.length; i++) {
    for (let j = i + 1; j < ends.length; j++) {
      add((ends[i] as Endpoint).node, (ends[j] as Endpoint).node, false);
    }
  }
  return out;
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Kebab-case ASCII of a label: `API Gateway (v2)` -> `api-gateway-v2`. */
export function slug(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
