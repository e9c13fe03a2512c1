import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/core/width.js";
import { extractGraph } from "../../src/diagram/graph.js";
import { mulberry32 } from "../../src/search/random.js";
import { DRILLS, type DrillKind, drillsOf, questionFor } from "../../src/study/drills.js";
import { materialOf } from "../../src/study/material.js";
import { catalog } from "../helpers.js";

const materials = catalog.diagrams.map(materialOf);

/** The answer a person who remembers would type. */
function rightAnswer(material: ReturnType<typeof materialOf>, drill: DrillKind, seed: number) {
  const question = questionFor(material, drill, mulberry32(seed));
  switch (drill) {
    case "missing-box":
      return { question, typed: question.grade("").answer[0] as string };
    case "order":
      return { question, typed: question.grade("").answer[0] as string };
    case "name":
      return { question, typed: material.entry.title };
    case "redraw":
      // The drawing itself, under the template's instructions.
      return { question, typed: `${question.template}${material.entry.diagram}` };
    case "components":
      // A comma in a label ("N = 3, W = 2") would split it: typed as a space.
      return { question, typed: material.labels.map((l) => l.replace(/[,;]/g, " ")).join(", ") };
  }
}

describe("drills on the built-in catalog", () => {
  it("says which drills apply to how many built-in diagrams", () => {
    const counts = Object.fromEntries(
      DRILLS.map((drill) => [drill, materials.filter((m) => drillsOf(m).includes(drill)).length]),
    );
    // Of 115 diagrams: all but two can be named; boxes with distinct labels to mask in
    // 107; a numbered or single-path flow in 24; three labels and two arrows to redraw in
    // 111 (83 diagrams gave 82, 75, 19 and 79).
    expect(catalog.diagrams.length).toBe(115);
    expect(counts).toEqual({
      "missing-box": 107,
      order: 24,
      name: 113,
      components: 112,
      redraw: 111,
    });
  });

  it.each(DRILLS)("%s: each applicable diagram's right answer is graded right", (drill) => {
    for (const material of materials.filter((m) => drillsOf(m).includes(drill))) {
      for (const seed of [1, 2, 3]) {
        const { question, typed } = rightAnswer(material, drill, seed);
        expect(question.grade(typed).verdict, `${material.entry.id} ${typed}`).toBe("right");
        expect(question.grade("").verdict, material.entry.id).toBe("wrong");
      }
    }
  });

  it("masks a box's label to the same width, keeping the rest of the drawing", () => {
    for (const material of materials.filter((m) => drillsOf(m).includes("missing-box"))) {
      const question = questionFor(material, "missing-box", mulberry32(9));
      const label = question.grade("").answer[0] as string;
      const before = material.entry.diagram.split("\n");
      expect(question.body.length).toBe(before.length);
      question.body.forEach((line, i) => {
        expect(displayWidth(line), material.entry.id).toBe(displayWidth(before[i] as string));
      });
      const changed = question.body.filter((line, i) => line !== before[i]);
      expect(changed.length, material.entry.id).toBeGreaterThan(0);
      for (const line of changed) expect(line).toMatch(/\?/);
      // The drawing reads as the same graph but for the masked label: no stroke touched.
      const graph = extractGraph(question.body.join("\n"));
      expect(graph.edges.length).toBe(material.graph?.edges.length);
      expect(graph.nodes.map((n) => n.label)).not.toContain(label);
      expect(graph.nodes.length).toBe(material.graph?.nodes.length);
    }
  });

  it("never hands out the order already in order, and the same seed shuffles the same", () => {
    for (const material of materials.filter((m) => drillsOf(m).includes("order"))) {
      for (const seed of [1, 2, 3, 4, 5]) {
        const question = questionFor(material, "order", mulberry32(seed));
        const shown = question.body.map((line) => line.slice(3));
        expect(shown).not.toEqual(material.steps);
        expect([...shown].sort()).toEqual([...material.steps].sort());
        expect(questionFor(material, "order", mulberry32(seed)).body).toEqual(question.body);
      }
    }
  });

  it("hides the title's words in the name drill", () => {
    const material = materials.find((m) => m.entry.id === "cache-aside") as (typeof materials)[0];
    const body = questionFor(material, "name", mulberry32(1)).body.join("\n");
    expect(body).not.toMatch(/cache/i);
    expect(body).toMatch(/\?{5}/);
  });

  it("reads the numbered steps of a flow before the graph's path", () => {
    const material = materials.find((m) => m.entry.id === "cache-aside") as (typeof materials)[0];
    expect(material.steps).toEqual(["Check Cache", "Query DB", "Store in Cache"]);
  });
});
