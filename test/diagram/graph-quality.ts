import { readFileSync } from "node:fs";
import type { Catalog } from "../../src/core/types.js";
import { extractGraph, type Graph } from "../../src/diagram/graph.js";
import { ROOT } from "../helpers.js";

/** One diagram's graph as read by hand: see `about` in graph-judgments.json. */
export interface GraphJudgment {
  id: string;
  nodes: string[];
  parents?: Record<string, string>;
  edges: [string, "->" | "--", string, string?][];
}

export const graphJudgments = JSON.parse(
  readFileSync(`${ROOT}test/diagram/graph-judgments.json`, "utf8"),
) as { about: string; diagrams: GraphJudgment[] };

export interface Scored {
  id: string;
  expected: number;
  found: number;
  matched: number;
  /** Edges found that the judge did not draw, and edges drawn that were not found. */
  extra: string[];
  missed: string[];
  /** Matched edges whose label differs from the judged one. */
  labelDiffs: string[];
  nodeDiffs: string[];
}

/** Names nodes as the judgments do: label, `#n` for the n-th of a repeated label. */
export function names(graph: Graph): Map<string, string> {
  const seen = new Map<string, number>();
  const out = new Map<string, string>();
  for (const node of graph.nodes) {
    const n = (seen.get(node.label) ?? 0) + 1;
    seen.set(node.label, n);
    out.set(node.id, n === 1 ? node.label : `${node.label}#${n}`);
  }
  return out;
}

const edgeKey = (from: string, op: string, to: string) =>
  op === "--" && from > to ? `${to} -- ${from}` : `${from} ${op} ${to}`;

export function score(judgment: GraphJudgment, graph: Graph): Scored {
  const name = names(graph);
  const found = new Map<string, string | undefined>();
  for (const e of graph.edges) {
    const key = edgeKey(
      name.get(e.from) as string,
      e.directed ? "->" : "--",
      name.get(e.to) as string,
    );
    found.set(key, e.label);
  }
  const expected = new Map<string, string | undefined>();
  for (const [from, op, to, label] of judgment.edges) expected.set(edgeKey(from, op, to), label);
  const matched = [...expected.keys()].filter((k) => found.has(k));
  const labelDiffs = matched
    .filter((k) => (found.get(k) ?? "") !== (expected.get(k) ?? ""))
    .map(
      (k) => `${k}: got ${JSON.stringify(found.get(k))}, want ${JSON.stringify(expected.get(k))}`,
    );

  const gotNodes = graph.nodes.map((n) => {
    const label = name.get(n.id) as string;
    const parent = n.parent ? ` < ${name.get(n.parent)}` : "";
    return `${n.kind === "text" ? "text:" : ""}${label}${parent}`;
  });
  const wantNodes = judgment.nodes.map((n) => {
    const parent = judgment.parents?.[n.replace(/^text:/, "")];
    return `${n}${parent ? ` < ${parent}` : ""}`;
  });
  const nodeDiffs = [
    ...gotNodes.filter((n) => !wantNodes.includes(n)).map((n) => `extra node ${n}`),
    ...wantNodes.filter((n) => !gotNodes.includes(n)).map((n) => `missed node ${n}`),
  ];
  return {
    id: judgment.id,
    expected: expected.size,
    found: found.size,
    matched: matched.length,
    extra: [...found.keys()].filter((k) => !expected.has(k)),
    missed: [...expected.keys()].filter((k) => !found.has(k)),
    labelDiffs,
    nodeDiffs,
  };
}

/** Edge precision and recall pooled over every judged diagram (edges compared without labels). */
export function evaluate(catalog: Catalog) {
  const scored = graphJudgments.diagrams.map((judgment) => {
    const entry = catalog.diagrams.find((d) => d.id === judgment.id);
    if (!entry) throw new Error(`no catalog diagram ${judgment.id}`);
    return score(judgment, extractGraph(entry.diagram));
  });
  const sum = (f: (s: Scored) => number) => scored.reduce((a, s) => a + f(s), 0);
  const matched = sum((s) => s.matched);
  const labelled = sum((s) => s.matched - s.labelDiffs.length);
  return {
    scored,
    precision: matched / sum((s) => s.found),
    recall: matched / sum((s) => s.expected),
    labelAccuracy: labelled / matched,
    nodeDiffs: sum((s) => s.nodeDiffs.length),
  };
}
