import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractGraph } from "../../src/diagram/graph.js";
import { drawGraph } from "./draw-graph.js";

const graphs = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc.record({
    labels: fc.uniqueArray(fc.stringMatching(/^[A-Z][a-z]{0,7}$/), {
      minLength: n,
      maxLength: n,
    }),
    slots: fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: n, maxLength: n }),
    wanted: fc.array(
      fc.record({
        from: fc.integer({ min: 0, max: n - 1 }),
        to: fc.integer({ min: 0, max: n - 1 }),
        directed: fc.boolean(),
        variant: fc.nat(20),
      }),
      { maxLength: 8 },
    ),
  }),
);

describe("a random graph drawn as boxes and lines is read back as itself", () => {
  it("finds the same nodes and edges", () => {
    let edgesSeen = 0;
    fc.assert(
      fc.property(graphs, ({ labels, slots, wanted }) => {
        const { text, edges } = drawGraph(labels, slots, wanted);
        edgesSeen += edges.length;
        const graph = extractGraph(text);
        const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
        expect(graph.nodes.map((n) => n.label).sort(), text).toEqual([...labels].sort());
        expect(graph.nodes.every((n) => n.kind === "box" && n.parent === undefined)).toBe(true);
        const got = graph.edges
          .map((e) => {
            const [a, b] = [label.get(e.from) as string, label.get(e.to) as string];
            return e.directed ? `${a} -> ${b}` : [a, b].sort().join(" -- ");
          })
          .sort();
        expect(got, text).toEqual(edges);
      }),
      { numRuns: 300 },
    );
    // The generator draws lines, not just boxes.
    expect(edgesSeen).toBeGreaterThan(300);
  });
});
