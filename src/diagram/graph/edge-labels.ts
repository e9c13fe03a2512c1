import { GraphTooLargeError } from "../../core/errors.js";
import { LIMITS, thousands } from "../../core/limits.js";
import { columnsOf, LABEL } from "../cells.js";
import { DCOL, type Dir, DROW, E, N, OPPOSITE, S, W } from "../charset.js";
import type { Draft } from "./edges.js";
import { groupBy } from "./edges.js";
import {
  colOf,
  connects,
  type Extraction,
  idx,
  isCrossing,
  isCrossingCell,
  rootOf,
  rowOf,
  slotOf,
} from "./extraction.js";
import type { Labelled } from "./inline-labels.js";
import type { Endpoint } from "./paths.js";
import { anchorOf, extendDown, isClaimed, runAt } from "./text-runs.js";

/**
 * Text written beside a path (not at its end) that labels it, each run with its anchor
 * cell; not beside a stroke that joins nothing (`│ a ║ b │` in a box is the box's label).
 */
function labelsBeside(x: Extraction, labelled: Labelled[], joins: (cell: number) => boolean): void {
  for (let row = 0; row < x.h; row++) {
    const columns = columnsOf(x.cells, row);
    for (let col = 0; col < columns; col++) {
      const cell = idx(x, row, col);
      // A box's outline may hold text: a diamond's `<` and `╲` (diamonds.ts).
      if (x.claimed[cell] || x.cells.kind[cell] !== LABEL || (x.outline[cell] as number) >= 0)
        continue;
      const run = runAt(x, row, col);
      if (!run) continue;
      col = run.end;
      if (isClaimed(x, run)) continue;
      const anchor = anchorOf(x, run);
      if (anchor === undefined || !joins(anchor)) continue;
      for (const c of run.cells) x.claimed[c] = 1;
      labelled.push({ anchor, row, col: run.start, text: run.text });
    }
  }
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

/**
 * Puts each edge label on its edges: text written into a line (`inline`), text hanging
 * off a path's end (not a node), then text written beside a path.
 */
export function labelEdgesOf(
  x: Extraction,
  endpoints: Endpoint[],
  textNodes: Set<string>,
  textEnds: Set<string>,
  drafts: Map<number, Draft[]>,
  inline: Labelled[],
): void {
  const labelled: Labelled[] = [...inline];
  for (const e of endpoints) {
    if (!e.text || textNodes.has(e.node)) continue;
    if (isClaimed(x, e.text)) continue;
    for (const cell of e.text.cells) x.claimed[cell] = 1;
    if (e.leave === N) extendDown(x, e.text, textEnds);
    const text = [e.text.text, ...e.text.more].join(" ");
    labelled.push({ anchor: e.cell, row: e.text.row, col: e.text.start, text });
  }
  labelsBeside(x, labelled, (cell) => {
    const row = rowOf(x, cell);
    const col = colOf(x, cell);
    const at = (dir: Dir) => drafts.get(rootOf(x, slotOf(x, row, col, dir)))?.length ?? 0;
    return at(E) + at(N) > 0 || x.inner[cell] === -1;
  });
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
}
