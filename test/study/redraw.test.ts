import { describe, expect, it } from "vitest";
import { materialOf } from "../../src/study/material.js";
import { gradeRedraw, redrawTemplate } from "../../src/study/redraw.js";
import { catalog } from "../helpers.js";

const cacheAside = materialOf(
  catalog.diagrams.find((e) => e.id === "cache-aside") as (typeof catalog.diagrams)[0],
);

const box = (label: string) => [
  `+${"-".repeat(label.length + 2)}+`,
  `| ${label} |`,
  `+${"-".repeat(label.length + 2)}+`,
];

describe("gradeRedraw", () => {
  it("grades the original itself right, the instructions not read", () => {
    const graded = gradeRedraw(
      cacheAside,
      `${redrawTemplate("Cache-Aside Pattern")}${cacheAside.entry.diagram}`,
    );
    expect(graded.verdict).toBe("right");
    expect(graded.answer).toEqual(["boxes 4 of 4, arrows 3 of 3"]);
  });

  it("says what was missed and what was added", () => {
    const drawing = [
      ...box("App"),
      "  |",
      "  v",
      ...box("Redis"),
      "  |",
      "  v",
      ...box("Kafka"),
    ].join("\n");
    const graded = gradeRedraw(cacheAside, drawing);
    // App and Redis (for "Cache (Redis)") and the arrow between them: 3 of 7.
    expect(graded.answer[0]).toBe("boxes 2 of 4, arrows 1 of 3");
    expect(graded.verdict).toBe("partial");
    expect(graded.answer).toContain("missed: DB, Cache");
    expect(graded.answer).toContain("added: Kafka");
  });

  it.each([
    ["", "wrong"],
    ["# only the instructions\n", "wrong"],
    ["just some words", "wrong"],
  ])("grades %j %s, nothing drawn", (text, verdict) => {
    const graded = gradeRedraw(cacheAside, text);
    expect(graded.verdict).toBe(verdict);
    expect(graded.answer[0]).toMatch(/^boxes 0 of 4, arrows 0 of 3/);
  });
});
