import { D2 } from "@terrastruct/d2";
import { describe, expect, it } from "vitest";
import type { Graph } from "../../src/diagram/graph.js";
import { toD2 } from "../../src/render/graph-formats.js";
import { catalogGraphs, HOSTILE, HOSTILE_TITLE, NASTY } from "./graph-fixtures.js";

// D2's real compiler: its WASM build from npm (@terrastruct/d2), offline.
const d2 = new D2();

interface Compiled {
  diagram: {
    shapes: { id: string; label: string }[];
    connections: { src: string; dst: string; label: string; dstArrow: string }[];
  };
}

async function expectCompiled(graph: Graph, title: string) {
  const { diagram } = (await d2.compile(toD2(graph, title))) as unknown as Compiled;
  const byPath = new Map(diagram.shapes.map((s) => [s.id, s.label]));
  expect(byPath.get("diagram_title")).toBe(title);
  expect(diagram.shapes).toHaveLength(graph.nodes.length + 1);
  // D2 names a shape by its path through its containers: vpc.subnet.nat.
  const path = (id: string): string => {
    const node = graph.nodes.find((n) => n.id === id);
    // D2 keeps `layers`, `scenarios` and `steps` for boards: such an id's key ends in `_`.
    const key = ["layers", "scenarios", "steps"].includes(id) ? `${id}_` : id;
    return node?.parent ? `${path(node.parent)}.${key}` : key;
  };
  for (const node of graph.nodes) expect(byPath.get(path(node.id)), node.id).toBe(node.label);
  expect(diagram.connections.map((c) => [c.src, c.dst, c.label, c.dstArrow !== "none"])).toEqual(
    graph.edges.map((e) => [path(e.from), path(e.to), e.label ?? "", e.directed]),
  );
}

describe("D2's compiler accepts the D2 of every catalog diagram", () => {
  it("rejects a broken diagram (so the checks below can fail)", async () => {
    await expect(d2.compile('"a": "say "hi""\n')).rejects.toThrow();
  });

  it.each(catalogGraphs)("$id", async ({ graph, title }) => {
    await expectCompiled(graph, title);
  });

  it("keeps nasty labels and keyword ids as they are", async () => {
    await expectCompiled(NASTY, 'Title: "quoted" # ; \\ \u0024{x} 中文');
  });

  it("keeps hostile labels as they are, and ids D2 keeps for boards as boxes", async () => {
    await expectCompiled(HOSTILE, HOSTILE_TITLE);
  }, 60_000);

  it("rejects an edge from a box keyed `steps` with a box in it (so the check above can fail)", async () => {
    await expect(
      d2.compile('"steps": "Steps" {\n  "b": "B"\n}\n"steps" -> "steps"."b"\n'),
    ).rejects.toThrow(/cannot create edges between boards/);
  }, 60_000);
});
