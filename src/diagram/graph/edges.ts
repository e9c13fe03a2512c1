import { GraphTooLargeError } from "../../core/errors.js";
import { LIMITS, thousands } from "../../core/limits.js";
import type { GraphEdge } from "./model.js";
import type { Endpoint } from "./paths.js";
import { squeeze } from "./text.js";

/** An edge being made: its ends by node key, and the labels written beside its path. */
export interface Draft {
  from: string;
  to: string;
  directed: boolean;
  labels: { row: number; col: number; text: string }[];
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

export function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The edges of each connected path (by its union-find root), between its nodes. */
export function draftEdges(
  byRoot: Map<number, Endpoint[]>,
  textNodes: Set<string>,
): Map<number, Draft[]> {
  const drafts = new Map<number, Draft[]>();
  const budget = { edges: LIMITS.graphEdges };
  for (const [root, group] of byRoot) {
    const members = group.filter((e) => !e.text || textNodes.has(e.node));
    drafts.set(root, edgesOf(members, budget));
  }
  return drafts;
}

/**
 * The drafts as the graph's edges: by node id, one edge for each pair and way (its
 * labels joined in reading order), sorted by where their nodes are in reading order.
 */
export function finishEdges(
  drafts: Map<number, Draft[]>,
  ids: Map<string, string>,
  order: Map<string, number>,
): GraphEdge[] {
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
  return [...merged.values()]
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
}
