import { describe, expect, it } from "vitest";
import { catalog } from "../helpers.js";
import { evaluate, judgments } from "./quality.js";

describe("ranking quality over the judged queries", async () => {
  const result = await evaluate(catalog);

  it("judges at least 60 queries, every relevant id real", () => {
    expect(judgments.judgments.length).toBeGreaterThanOrEqual(60);
    const ids = new Set(catalog.diagrams.map((d) => d.id));
    for (const j of judgments.judgments)
      for (const id of j.relevant) expect(ids, j.query).toContain(id);
  });

  it("has a mean reciprocal rank of at least 0.9", () => {
    expect(result.mrr).toBeGreaterThanOrEqual(0.9);
  });

  it("has a recall@5 of at least 0.95", () => {
    expect(result.recall).toBeGreaterThanOrEqual(0.95);
  });
});
