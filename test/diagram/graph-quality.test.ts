import { describe, expect, it } from "vitest";
import { catalog } from "../helpers.js";
import { evaluate, graphJudgments } from "./graph-quality.js";

describe("graph extraction over the hand-read catalog graphs", () => {
  const result = evaluate(catalog);

  it("judges at least 15 catalog diagrams, each a real one, once", () => {
    const ids = graphJudgments.diagrams.map((d) => d.id);
    expect(ids.length).toBeGreaterThanOrEqual(15);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(catalog.diagrams.map((d) => d.id));
    for (const id of ids) expect(known, id).toContain(id);
  });

  it("finds the judged edges with a precision of at least 0.95", () => {
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
  });

  it("finds the judged edges with a recall of at least 0.95", () => {
    expect(result.recall).toBeGreaterThanOrEqual(0.95);
  });
});
