import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import type { Graph } from "../../src/diagram/graph.js";
import { toMermaid } from "../../src/render/graph-formats.js";
import { catalogGraphs, NASTY } from "./graph-fixtures.js";

// Mermaid's own flowchart parser, offline. It sanitises labels with DOMPurify, which needs
// a window: jsdom's, set before mermaid loads. (In a file of its own: D2's WASM build takes
// a global window for a browser's.)
const { window } = new JSDOM("");
Object.assign(globalThis, { window, document: window.document });
const { default: mermaid } = await import("mermaid");

interface FlowDb {
  getVertices(): Map<string, { id: string; text: string }>;
  getEdges(): { start: string; end: string; text: string; type: string }[];
  getSubGraphs(): { id: string; title: string; nodes: string[] }[];
}

/** What Mermaid understood: its flowchart database after parsing. */
async function understood(source: string): Promise<FlowDb> {
  await mermaid.parse(source);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  return diagram.db as unknown as FlowDb;
}

// Mermaid keeps entity codes as placeholders until it draws; undo them to compare labels.
const NAMED: Record<string, string> = { quot: '"', lt: "<", gt: ">", amp: "&" };
const decoded = (text: string) =>
  text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/ﬂ°(\w+)¶ß/g, (_, name: string) => NAMED[name] ?? `#${name};`)
    .replace(/<br>/g, "\n");

async function expectUnderstood(graph: Graph, title: string) {
  const db = await understood(toMermaid(graph, title));
  const labels = new Map<string, string>();
  for (const v of db.getVertices().values()) labels.set(v.id, decoded(v.text));
  for (const s of db.getSubGraphs()) labels.set(s.id, decoded(s.title));
  expect(labels.size).toBe(graph.nodes.length);
  const idOf = new Map<string, string>();
  for (const node of graph.nodes) {
    const id = `n_${node.id.replace(/-/g, "_")}`;
    idOf.set(id, node.id);
    expect(labels.get(id)?.trim(), node.id).toBe(node.label);
  }
  for (const s of db.getSubGraphs()) {
    for (const member of s.nodes) {
      const child = graph.nodes.find((n) => n.id === idOf.get(member));
      expect(child?.parent).toBe(idOf.get(s.id));
    }
  }
  const edges = db.getEdges().map((e) => ({
    from: idOf.get(e.start),
    to: idOf.get(e.end),
    ...(e.text ? { label: decoded(e.text) } : {}),
    directed: e.type === "arrow_point",
  }));
  expect(edges).toEqual(graph.edges);
}

describe("Mermaid's parser understands the flowchart of every catalog diagram", () => {
  it("rejects a broken flowchart (so the checks below can fail)", async () => {
    await expect(mermaid.parse("flowchart TD\n  end --> a\n")).rejects.toThrow(/Parse error/);
  });

  it.each(catalogGraphs)("$id", async ({ graph, title }) => {
    await expectUnderstood(graph, title);
  });

  it("keeps nasty labels and keyword ids as they are", async () => {
    await expectUnderstood(NASTY, 'Title: "quoted" # ; \\ 中文');
  });
});
