import { describe, expect, it } from "vitest";
import { catalog } from "../helpers.js";

const byId = new Map(catalog.diagrams.map((d) => [d.id, d]));

describe.each(catalog.diagrams.map((d) => [d.id, d] as const))("%s", (_id, entry) => {
  it("has aliases, tags, a one-line summary and related ids", () => {
    expect(entry.aliases.length).toBeGreaterThanOrEqual(1);
    expect(entry.tags.length).toBeGreaterThanOrEqual(3);
    expect(entry.summary).toMatch(/^[A-Z].{20,150}[.)]$/);
    expect(entry.summary).not.toContain("\n");
    expect(entry.related.length).toBeGreaterThanOrEqual(1);
  });

  it("has 4 to 12 notes, each a point of its own", () => {
    const notes = entry.notes ?? [];
    expect(notes.length).toBeGreaterThanOrEqual(4);
    expect(notes.length).toBeLessThanOrEqual(12);
    for (const note of notes) expect(note).toMatch(/^\S.{10,300}$/);
  });

  it("relates only to diagrams that exist, and they relate back", () => {
    for (const id of entry.related) {
      expect(byId.has(id), `${entry.id} -> ${id}`).toBe(true);
      expect(byId.get(id)?.related, `${id} should relate back to ${entry.id}`).toContain(entry.id);
    }
  });
});

describe("curated knowledge", () => {
  it.each([
    ["chat", "cassandra"],
    ["e-commerce", "postgresql"],
    ["observability", "prometheus"],
    ["load-balancer", "alb"],
    ["containers", "kubernetes"],
    ["serverless", "sqs"],
    ["multi-region", "route 53"],
  ])("%s is tagged %s, though its diagram abbreviates or breaks the word", (id, tag) => {
    const entry = byId.get(id);
    expect(
      [...(entry?.tags ?? []), ...(entry?.aliases ?? [])].map((t) => t.toLowerCase()),
    ).toContain(tag);
  });

  it("links the caching family and the CQRS family", () => {
    expect(byId.get("cache-aside")?.related).toEqual(
      expect.arrayContaining(["write-through", "write-back", "multi-level-cache"]),
    );
    expect(byId.get("cqrs")?.related).toEqual(expect.arrayContaining(["event-sourcing", "saga"]));
  });
});
