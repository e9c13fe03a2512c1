import { GraphTooLargeError } from "../core/errors.js";
import { LIMITS, thousands } from "../core/limits.js";
import { type Box, closedBoxes } from "./boxes.js";
import {
  analyse,
  BLANK,
  type Cells,
  columnsOf,
  HEAD,
  kindAt,
  LABEL,
  reachesAt,
  STROKE,
} from "./cells.js";
import { DCOL, type Dir, DROW, E, N, OPPOSITE, S, W } from "./charset.js";

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
  /** anchorOf's answer, once asked (-1: none). */
  anchor?: number;
}

interface Stats {
  count: number;
  headed: number;
  leaves: number;
}

const FOUR = N | E | S | W;

export function extractGraph(diagram: string): Graph {
  const { cells, outlines } = analyse(diagram);
  return extract(extraction(cells, closedBoxes(outlines)));
}

/** What one extraction works on: the drawing's cells, its boxes, and the union-find of its paths. */
interface Extraction {
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
  /** The runs of text read so far (runAt), and which of them each cell is in (index + 1; 0: none yet). */
  readonly runList: TextRun[];
  readonly runIds: Int32Array;
}

// Plain functions over an Extraction, one a step. Not for speed: V8 compiles a class's
// method, as any function, only when it is first called.
function extraction(cells: Cells, found: Box[]): Extraction {
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
    runList: [],
    runIds: new Int32Array(size),
  };
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
  }
  for (let i = 0; i < size * 2; i++) x.uf[i] = i;
  for (let i = 0; i < size; i++) {
    const kind = cells.kind[i];
    if ((kind === STROKE || kind === HEAD) && x.outline[i] === -1) x.path[i] = 1;
  }
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
  return x;
}

/** Where a cell on the drawing is in the arrays: only for one `inside` holds for. */
function idx(x: Extraction, row: number, col: number): number {
  return (x.cells.start[row] as number) + col;
}

function inside(x: Extraction, row: number, col: number): boolean {
  return row >= 0 && col >= 0 && row < x.h && col < columnsOf(x.cells, row);
}

function rowOf(x: Extraction, cell: number): number {
  return x.cells.rowOf[cell] as number;
}

function colOf(x: Extraction, cell: number): number {
  return cell - (x.cells.start[rowOf(x, cell)] as number);
}

/** A stroke or arrow head that is not part of a box's outline. */
function isPath(x: Extraction, row: number, col: number): boolean {
  return inside(x, row, col) && x.path[idx(x, row, col)] === 1;
}

function isCrossing(x: Extraction, row: number, col: number): boolean {
  return inside(x, row, col) && isCrossingCell(x, idx(x, row, col));
}

function isCrossingCell(x: Extraction, cell: number): boolean {
  return x.path[cell] === 1 && x.cells.arms[cell] === FOUR;
}

function connects(x: Extraction, row: number, col: number, dir: Dir): boolean {
  return inside(x, row, col) && ((x.link[idx(x, row, col)] as number) & dir) !== 0;
}

/**
 * A crossing `┼` has two slots, one per line through it, so that two lines that only
 * cross stay apart; every other cell has one.
 */
function slotOf(x: Extraction, row: number, col: number, dir: Dir): number {
  const vertical = dir === N || dir === S;
  return idx(x, row, col) * 2 + (vertical && isCrossing(x, row, col) ? 1 : 0);
}

function rootOf(x: Extraction, slot: number): number {
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

function unite(x: Extraction, a: number, b: number): number {
  const ra = rootOf(x, a);
  const rb = rootOf(x, b);
  if (ra !== rb) x.uf[rb] = ra;
  return ra;
}

function headDir(x: Extraction, row: number, col: number): Dir | undefined {
  // The grid knows ASCII heads (`v > < ^` at a line's end) as well as Unicode ones.
  return inside(x, row, col) ? (x.cells.head[idx(x, row, col)] as Dir) || undefined : undefined;
}

function kindOf(x: Extraction, row: number, col: number): number {
  return kindAt(x.cells, row, col);
}

/** The text of a cell on the drawing. */
function cellText(x: Extraction, row: number, col: number): string {
  return (x.cells.grid.rows[row] as string[])[col] as string;
}

/**
 * Label text from (row, col) to either side, words one blank apart. Each run is read
 * once and then shared: a thousand lines may end on one long run of text.
 */
function runAt(x: Extraction, row: number, col: number): TextRun | undefined {
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
function textAt(x: Extraction, row: number, col: number, dir: Dir): TextRun | undefined {
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

// The loops over every cell are functions of their own: V8 compiles a function that
// runs hot to baseline code, and a small one costs less to compile than all of extract().

/** Joins the path cells that link up (union-find); returns every path cell. */
function joinPaths(x: Extraction): number[] {
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
function endpointsOf(x: Extraction, pathCells: number[], runs: Map<string, TextRun>): Endpoint[] {
  const endpoints: Endpoint[] = [];
  for (let i = 0; i < pathCells.length; i++) {
    const cell = pathCells[i] as number;
    const row = rowOf(x, cell);
    const col = colOf(x, cell);
    const head = headDir(x, row, col);
    const reach = x.cells.reach[cell] as number;
    const link = x.link[cell] as number;
    for (let way = N; way <= W; way <<= 1) {
      const dir = way as Dir;
      if (!(reach & dir || head === dir) || link & dir) continue;
      const r = row + DROW[dir];
      const c = col + DCOL[dir];
      const slot = slotOf(x, row, col, dir);
      const box = inside(x, r, c) ? (x.outline[idx(x, r, c)] as number) : -1;
      if (box >= 0) {
        if (x.inner[cell] === box) continue;
        const headed = head === dir || headDir(x, r, c) === dir;
        endpoints.push({ node: `b${box}`, headed, leave: OPPOSITE[dir], cell, slot });
        continue;
      }
      // runAt gives each run once: every end at one run shares it.
      const text = textAt(x, row, col, dir);
      if (!text) continue;
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

/** Text written beside a path (not at its end) that labels it, each run with its anchor cell. */
function labelsBeside(x: Extraction, labelled: Labelled[]): void {
  for (let row = 0; row < x.h; row++) {
    const columns = columnsOf(x.cells, row);
    for (let col = 0; col < columns; col++) {
      const cell = idx(x, row, col);
      if (x.claimed[cell] || x.cells.kind[cell] !== LABEL) continue;
      const run = runAt(x, row, col);
      if (!run) continue;
      col = run.end;
      if (isClaimed(x, run)) continue;
      const anchor = anchorOf(x, run);
      if (anchor === undefined) continue;
      for (const c of run.cells) x.claimed[c] = 1;
      labelled.push({ anchor, row, col: run.start, text: run.text });
    }
  }
}

interface Labelled {
  anchor: number;
  row: number;
  col: number;
  text: string;
}

function extract(x: Extraction): Graph {
  const pathCells = joinPaths(x);
  const runs = new Map<string, TextRun>();
  const endpoints = endpointsOf(x, pathCells, runs);
  // Only a drawing with a `┼` on a path pays for compiling resolveCrossings().
  const crossings = pathCells.filter((cell) => isCrossingCell(x, cell));
  if (crossings.length > 0) resolveCrossings(x, endpoints, crossings);

  // Loose text at a path's end is a node when it is that path's only tail or its only
  // other end; text hanging off a path that already joins other nodes labels it.
  const byRoot = groupBy(endpoints, (e) => rootOf(x, e.slot));
  const textNodes = new Set<string>();
  for (const group of byRoot.values()) {
    // Counted once per path, not per end: a bus with a thousand branches is a thousand ends.
    const tailsOf = new Map<string, number>();
    let tails = 0;
    for (const e of group) {
      const mine = e.headed ? 0 : 1;
      tailsOf.set(e.node, (tailsOf.get(e.node) ?? 0) + mine);
      tails += mine;
    }
    for (const e of group) {
      if (!e.text) continue;
      // The other ends: one node only, or none of them a tail.
      const onlyOther = tailsOf.size === 2;
      const noOtherTail = tails === (tailsOf.get(e.node) as number);
      if (e.headed || onlyOther || noOtherTail) textNodes.add(e.node);
    }
  }
  // A text node reached from above may run on over the lines below it. Each run once:
  // many lines may end on one.
  const textEnds = new Set<string>();
  for (const e of endpoints) {
    if (!e.text || textEnds.has(e.text.key)) continue;
    textEnds.add(e.text.key);
    if (textNodes.has(e.node)) for (const cell of e.text.cells) x.claimed[cell] = 1;
  }
  const extended = new Set<string>();
  for (const e of endpoints) {
    if (!e.text || !textNodes.has(e.node) || e.leave !== N || extended.has(e.text.key)) continue;
    extended.add(e.text.key);
    extendDown(x, e.text, textEnds);
  }

  // Edges, component by component.
  const drafts = new Map<number, Draft[]>();
  const budget = { edges: LIMITS.graphEdges };
  for (const [root, group] of byRoot) {
    const members = group.filter((e) => !e.text || textNodes.has(e.node));
    drafts.set(root, edgesOf(members, budget));
  }

  // Edge labels: text hanging off a path's end, then text beside it.
  const labelled: Labelled[] = [];
  for (const e of endpoints) {
    if (!e.text || textNodes.has(e.node)) continue;
    if (isClaimed(x, e.text)) continue;
    for (const cell of e.text.cells) x.claimed[cell] = 1;
    if (e.leave === N) extendDown(x, e.text, textEnds);
    const text = [e.text.text, ...e.text.more].join(" ");
    labelled.push({ anchor: e.cell, row: e.text.row, col: e.text.start, text });
  }
  labelsBeside(x, labelled);
  const nodeOfEndpointCell = groupBy(
    endpoints.filter((e) => !e.text || textNodes.has(e.node)),
    (e) => e.cell,
  );
  const walkFrom = walker(x, nodeOfEndpointCell);
  const edgesFor = labelEdges(drafts);
  let labelChars = 0;
  for (const label of labelled) {
    // Through a junction drawn as `┼` only when the text's own branch meets no node.
    let reached = walkFrom(label.anchor, false);
    if (reached.size === 0) reached = walkFrom(label.anchor, true);
    const row = rowOf(x, label.anchor);
    const col = colOf(x, label.anchor);
    const roots = new Set([rootOf(x, slotOf(x, row, col, E)), rootOf(x, slotOf(x, row, col, N))]);
    const chosen = edgesFor(reached, [...roots]);
    // Counted in characters: each edge's label is written out whole.
    labelChars += chosen.length * (label.text.length + 1);
    if (labelChars > LIMITS.graphLabelChars) {
      throw new GraphTooLargeError(
        `its edge labels come to more than ${thousands(LIMITS.graphLabelChars)} characters`,
      );
    }
    // The one label itself on each edge, not a copy for each: it may be on thousands.
    for (const d of chosen) d.labels.push(label);
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
  const placed: Placed[] = x.boxes.map((box, i) => {
    const parent = x.parent[i] as number;
    return {
      key: `b${i}`,
      row: box.top,
      col: box.left,
      label: boxLabel(x, i),
      kind: "box" as const,
      ...(parent >= 0 ? { parentKey: `b${parent}` } : {}),
    };
  });
  for (const key of textNodes) {
    const run = runs.get(key.slice(1)) as TextRun;
    const parent = x.inner[idx(x, run.row, run.start)] as number;
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
  const tried = new Map<string, number>();
  placed.forEach((p, i) => {
    const id = uniqueId(slug(p.label) || `${p.kind}-${i + 1}`, used, tried);
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
      // One by one: a spread passes each as an argument, and 140,000 overflow the stack.
      if (have) for (const label of d.labels) have.labels.push(label);
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
      const label = squeeze(texts.join(" "));
      return { from: d.from, to: d.to, ...(label ? { label } : {}), directed: d.directed };
    });
  return { nodes, edges };
}

/**
 * A `┼` joins its two lines unless each, on its own, is a line that goes somewhere:
 * two nodes or more, not all left the same way (three clients whose lines meet from
 * above are merging, not crossing), and carrying an arrow head when the other does.
 */
function resolveCrossings(x: Extraction, endpoints: Endpoint[], crossings: number[]): void {
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

/** Joins to a text node the lines of text right under it (`Cross-Region` / `Replication`). */
function extendDown(x: Extraction, run: TextRun, ends: Set<string>): void {
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
function isClaimed(x: Extraction, run: TextRun): boolean {
  return x.claimed[run.cells[0] as number] === 1;
}

/** anchorOf, once a run: many text nodes may ask about the one long run under them. */
function anchorOf(x: Extraction, run: TextRun): number | undefined {
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

/** An edge being made: its ends by node key, and the labels written beside its path. */
interface Draft {
  from: string;
  to: string;
  directed: boolean;
  labels: { row: number; col: number; text: string }[];
}

/**
 * The edges a label beside a branch goes on, from the nodes the branch reaches (`walk`)
 * and the paths it is part of (their union-find roots): those between two nodes it
 * reaches, else those at one, else every edge of its paths. Found by node, not by
 * looking through a path's edges, which a bus can make many thousands of; and once for
 * each branch, however many labels are beside it (a branch's nodes are one shared Set).
 */
function labelEdges(
  drafts: Map<number, Draft[]>,
): (reached: Set<string>, roots: number[]) => Draft[] {
  const touching = new Map<number, Map<string, Draft[]>>();
  const byNodeOf = (root: number) => {
    let byNode = touching.get(root);
    if (byNode) return byNode;
    byNode = new Map();
    for (const d of drafts.get(root) ?? []) {
      for (const node of [d.from, d.to]) {
        const at = byNode.get(node);
        if (at) at.push(d);
        else byNode.set(node, [d]);
      }
    }
    touching.set(root, byNode);
    return byNode;
  };
  const known = new Map<Set<string>, Map<string, Draft[]>>();
  return (reached, roots) => {
    const key = roots.join(",");
    let byRoots = known.get(reached);
    const had = byRoots?.get(key);
    if (had) return had;
    const maps = roots.map(byNodeOf);
    const at = (node: string) => maps.flatMap((byNode) => byNode.get(node) ?? []);
    // An edge between two nodes reached has an end that is not the one with the most
    // edges (no edge joins a node to itself): the others' edges hold them all.
    let hub: string | undefined;
    let most = -1;
    for (const node of reached) {
      let count = 0;
      for (const byNode of maps) count += byNode.get(node)?.length ?? 0;
      if (count > most) [hub, most] = [node, count];
    }
    const both = new Set<Draft>();
    for (const node of reached) {
      if (node === hub) continue;
      for (const d of at(node)) if (reached.has(d.from) && reached.has(d.to)) both.add(d);
    }
    let chosen = [...both];
    if (chosen.length === 0) chosen = [...new Set([...reached].flatMap(at))];
    if (chosen.length === 0) chosen = roots.flatMap((root) => drafts.get(root) ?? []);
    if (!byRoots) {
      byRoots = new Map();
      known.set(reached, byRoots);
    }
    byRoots.set(key, chosen);
    return chosen;
  };
}

/**
 * `walk`, remembered: the nodes of a branch are the same from every plain cell of it (not
 * a junction, not a crossing), so a branch is walked once however many labels are beside it.
 */
function walker(
  x: Extraction,
  attached: Map<number, Endpoint[]>,
): (anchor: number, throughJunctions: boolean) => Set<string> {
  const known = [new Map<number, Set<string>>(), new Map<number, Set<string>>()] as const;
  // A crossing is plain too when only one of its lines is drawn and a walk goes straight
  // through it (not a junction, or junctions are walked through): a column of `┼`.
  const plain = (cell: number, throughJunctions: boolean) => {
    const link = x.link[cell] as number;
    if (isCrossingCell(x, cell)) {
      const oneLine = (link & (N | S)) === link || (link & (E | W)) === link;
      return oneLine && (throughJunctions || rootOf(x, cell * 2) !== rootOf(x, cell * 2 + 1));
    }
    // At most two ways on: no bit left once the lowest two are taken off.
    const rest = link & (link - 1);
    return (rest & (rest - 1)) === 0;
  };
  return (anchor, throughJunctions) => {
    const memo = known[throughJunctions ? 1 : 0];
    const had = memo.get(anchor);
    if (had) return had;
    const seen = new Set<number>();
    const reached = walk(x, anchor, attached, throughJunctions, seen);
    memo.set(anchor, reached);
    if (plain(anchor, throughJunctions)) {
      for (const cell of seen) if (plain(cell, throughJunctions)) memo.set(cell, reached);
    }
    return reached;
  };
}

/**
 * The nodes met following a path both ways from a cell, straight through crossings,
 * up to the first junction: the branch a label is written beside. `seen` gets its cells.
 */
function walk(
  x: Extraction,
  anchor: number,
  attached: Map<number, Endpoint[]>,
  throughJunctions: boolean,
  seen: Set<number>,
): Set<string> {
  const reached = new Set<string>();
  const visit = (cell: number) => {
    const here = attached.get(cell);
    if (here) for (let i = 0; i < here.length; i++) reached.add((here[i] as Endpoint).node);
  };
  visit(anchor);
  seen.add(anchor);
  const row0 = rowOf(x, anchor);
  const col0 = colOf(x, anchor);
  for (let way = N; way <= W; way <<= 1) {
    const first = way as Dir;
    if (!connects(x, row0, col0, first)) continue;
    let row = row0 + DROW[first];
    let col = col0 + DCOL[first];
    let from: Dir = OPPOSITE[first];
    for (;;) {
      const cell = idx(x, row, col);
      if (seen.has(cell) && !isCrossing(x, row, col)) break;
      seen.add(cell);
      visit(cell);
      // The ways on, other than back.
      const out = (x.link[cell] as number) & ~from;
      let next: Dir | undefined;
      if (isCrossing(x, row, col)) {
        const junction = rootOf(x, cell * 2) === rootOf(x, cell * 2 + 1);
        if (junction && !throughJunctions) break;
        next = OPPOSITE[from];
      } else if (out !== 0 && (out & (out - 1)) === 0) next = out as Dir;
      if (next === undefined || !connects(x, row, col, next)) break;
      row += DROW[next];
      col += DCOL[next];
      from = OPPOSITE[next];
    }
  }
  return reached;
}

/** The text inside a box and outside the boxes in it, its lines joined by a space. */
function boxLabel(x: Extraction, i: number): string {
  const box = x.boxes[i] as Box;
  const lines: string[] = [];
  for (let r = box.top + 1; r < box.bottom; r++) {
    let line = "";
    for (let c = box.left + 1; c < box.right; c++) {
      const cell = idx(x, r, c);
      const mine = x.inner[cell] === i && !x.claimed[cell];
      line += mine && x.cells.kind[cell] === LABEL ? cellText(x, r, c) : " ";
    }
    const text = squeeze(line);
    if (text) lines.push(text);
  }
  return lines.join(" ");
}

/**
 * The edges one connected path makes between the nodes it touches: from each tail to
 * each head; with no heads, between the two sides it joins; with only heads, each way.
 */
function edgesOf(
  members: Endpoint[],
  budget: { edges: number },
): { from: string; to: string; directed: boolean; labels: never[] }[] {
  const sources = new Map<string, Endpoint>();
  const targets = new Map<string, Endpoint>();
  for (const e of members) {
    const into = e.headed ? targets : sources;
    if (!into.has(e.node)) into.set(e.node, e);
  }
  const out: { from: string; to: string; directed: boolean; labels: never[] }[] = [];
  const add = (from: string, to: string, directed: boolean) => {
    if (from === to) return;
    // Tails times heads grows with the square of a bus's branches: counted as made, so
    // that a drawing past the limit stops here rather than after gigabytes.
    if (--budget.edges < 0) {
      throw new GraphTooLargeError(
        `its lines make more than ${thousands(LIMITS.graphEdges)} edges`,
      );
    }
    out.push({ from, to, directed, labels: [] });
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
  // An ASCII label (nearly all) has no compatibility forms and no marks to take off.
  const text = isAscii(label)
    ? label.toLowerCase()
    : label
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase();
  // Runs of letters and digits, joined by one hyphen.
  let out = "";
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      if (gap && out !== "") out += "-";
      gap = false;
      out += text[i];
    } else gap = true;
  }
  return out;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Blanks squeezed to one space and trimmed, as `.replace(/\s+/g, " ").trim()` does. */
function squeeze(text: string): string {
  // By hand when the only blank is a space (every drawing's labels): no pattern to compile.
  let out = "";
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) gap = true;
    else if (code > 0x20 && code < 0x7f) {
      if (gap && out !== "") out += " ";
      gap = false;
      out += text[i];
    } else return text.replace(/\s+/g, " ").trim();
  }
  return out;
}

/**
 * `base`, or `base-2`, `base-3`… the first not used. `tried` keeps where each base's
 * count stopped: ids are never given back, so the ones below it are still used, and
 * a thousand boxes of one label no longer try a million ids.
 */
function uniqueId(base: string, used: Set<string>, tried: Map<string, number>): string {
  let n = tried.get(base) ?? 1;
  let id = n === 1 ? base : `${base}-${n}`;
  while (used.has(id)) id = `${base}-${++n}`;
  tried.set(base, n);
  used.add(id);
  return id;
}
