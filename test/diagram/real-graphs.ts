import { readdirSync, readFileSync } from "node:fs";
import { extractGraph } from "../../src/diagram/graph.js";
import { ROOT } from "../helpers.js";
import { type GraphJudgment, names, type Scored, score } from "./graph-quality.js";

/**
 * A drawing from a public document that no one here drew, with the graph read from it by
 * hand before the extractor ran on it. One file each in test/diagram/real/: header lines
 * (`source:`, `direction:`, `kind:`, `node:`, `edge: A -> B` or `edge: A -- B`), then `~~~`
 * on a line of its own, then the drawing as it was found. README.md there says more.
 */
export interface RealDrawing {
  id: string;
  source: string;
  direction: string;
  kind: string;
  drawing: string;
  judgment: GraphJudgment;
}

export const REAL_DIR = `${ROOT}test/diagram/real/`;

export function parseRealDrawing(id: string, text: string): RealDrawing {
  const at = text.indexOf("\n~~~\n");
  if (at < 0) throw new Error(`${id}: no ~~~ line before the drawing`);
  const header = text.slice(0, at).split("\n");
  const drawing = text.slice(at + 5).replace(/\n$/, "");
  const field = (name: string) =>
    header.filter((l) => l.startsWith(`${name}:`)).map((l) => l.slice(name.length + 1).trim());
  const edges = field("edge").map((e) => {
    const m = /^(.+?) (->|--) (.+)$/.exec(e);
    if (!m) throw new Error(`${id}: an edge is "A -> B" or "A -- B": ${e}`);
    return [m[1], m[2], m[3]] as [string, "->" | "--", string];
  });
  const nodes = [...new Set([...field("node"), ...edges.flatMap(([a, , b]) => [a, b])])];
  const source = field("source")[0];
  if (!source) throw new Error(`${id}: no source`);
  return {
    id,
    source,
    direction: field("direction")[0] ?? "TD",
    kind: field("kind")[0] ?? "flowchart",
    drawing,
    judgment: { id, nodes, edges },
  };
}

export function realDrawings(): RealDrawing[] {
  return readdirSync(REAL_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => parseRealDrawing(f.replace(/\.txt$/, ""), readFileSync(REAL_DIR + f, "utf8")));
}

/** Edge precision and recall pooled over the real drawings; nodes compared by label, any kind. */
export function evaluateReal() {
  let directions = 0;
  const drawings = realDrawings();
  const scored: Scored[] = drawings.map((real) => {
    const graph = extractGraph(real.drawing);
    if (graph.direction === real.direction) directions++;
    const s = score({ ...real.judgment, nodes: [] }, graph);
    // Edge labels were not judged for these drawings.
    s.labelDiffs = [];
    const got = new Set(names(graph).values());
    const want = new Set(real.judgment.nodes);
    s.nodeDiffs = [
      ...[...got].filter((n) => !want.has(n)).map((n) => `extra node ${n}`),
      ...[...want].filter((n) => !got.has(n)).map((n) => `missed node ${n}`),
    ];
    return s;
  });
  const sum = (f: (s: Scored) => number) => scored.reduce((a, s) => a + f(s), 0);
  const matched = sum((s) => s.matched);
  const found = sum((s) => s.found);
  const expected = sum((s) => s.expected);
  return {
    scored,
    precision: found === 0 ? 1 : matched / found,
    recall: expected === 0 ? 1 : matched / expected,
    nodeDiffs: sum((s) => s.nodeDiffs.length),
    /** Drawings whose inferred direction is the judged one. */
    directions,
  };
}
