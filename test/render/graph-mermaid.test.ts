import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import type { Graph } from "../../src/diagram/graph.js";
import { toMermaid } from "../../src/render/graph-formats.js";
import { catalogGraphs, HOSTILE, HOSTILE_LABELS, HOSTILE_TITLE, NASTY } from "./graph-fixtures.js";

// Mermaid's own flowchart parser, offline. It sanitises labels with DOMPurify, which needs
// a window: jsdom's, set before mermaid loads. (In a file of its own: D2's WASM build takes
// a global window for a browser's.)
const { window } = new JSDOM("<body></body>", { pretendToBeVisual: true });
Object.assign(globalThis, {
  window,
  document: window.document,
  // What drawing needs of a browser beyond a document: sizes are made up (jsdom lays nothing out).
  CSSStyleSheet: window.CSSStyleSheet,
});
Object.assign(window.SVGElement.prototype, {
  getBBox: () => ({ x: 0, y: 0, width: 40, height: 16 }),
  getComputedTextLength: () => 40,
});
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

/** What Mermaid draws: the text of every label and the title, and the page's style. */
async function drawn(source: string) {
  const { svg } = await mermaid.render(`m${Math.random().toString(36).slice(2)}`, source);
  // Parsed as HTML: the labels are HTML inside foreignObject, with void tags (`<br>`).
  const page = new JSDOM(svg).window.document;
  return {
    texts: new Set([...page.querySelectorAll(".nodeLabel, .edgeLabel")].map((e) => e.textContent)),
    title: page.querySelector(".flowchartTitleText")?.textContent,
    titleElements: page.querySelector(".flowchartTitleText")?.children.length,
    style: [...page.querySelectorAll("style")].map((e) => e.textContent).join(""),
    elements: [...page.querySelectorAll("*")].map((e) => e.localName),
  };
}

describe("Mermaid takes no label for syntax (issue 26)", () => {
  it("a label of only a directive, not escaped, breaks the flowchart (so the checks below can fail)", async () => {
    await expect(mermaid.parse('flowchart TD\n  a["%%{init: {}}%%"]\n')).rejects.toThrow(
      /Parse error/,
    );
  });

  it("parses every hostile label, title and id as what it is", async () => {
    await expectUnderstood(HOSTILE, HOSTILE_TITLE);
  });

  it("draws every hostile label and the title as their text, and nothing else", async () => {
    const { texts, title, style, elements } = await drawn(toMermaid(HOSTILE, HOSTILE_TITLE));
    for (const label of HOSTILE_LABELS) expect(texts, label).toContain(label);
    expect(title).toBe(HOSTILE_TITLE);
    // No directive reached the style (a theme, a remote url()), no label became markup.
    expect(style).not.toMatch(/evil|url\(|forest/);
    expect(elements).not.toContain("img");
  });

  it.each(HOSTILE_LABELS)("a label of only %j is a drawing", async (label) => {
    const graph: Graph = {
      nodes: [
        { id: "a", label, kind: "box" },
        { id: "b", label: "b", kind: "box" },
      ],
      edges: [{ from: "a", to: "b", label, directed: true }],
    };
    await expectUnderstood(graph, label);
    const { texts, title, titleElements } = await drawn(toMermaid(graph, label));
    expect(texts).toContain(label);
    // Mermaid sets the title as text, after DOMPurify has cleaned it: a title that looks like a
    // tag comes out cleaned (`<img src="x">`), still text, never markup.
    if (!label.includes("<")) expect(title).toBe(label);
    expect(titleElements).toBe(0);
  });
});
