import { describe, expect, it } from "vitest";
import type { Catalog, Entry } from "../../src/core/types.js";
import { buildIndex } from "../../src/search/inverted-index.js";
import { rank } from "../../src/search/rank.js";
import { resolveName } from "../../src/search/resolve.js";
import { compact, queryTerms, words } from "../../src/search/tokens.js";
import { catalog } from "../helpers.js";

const entry = (id: string, fields: Partial<Entry>): Entry => ({
  id,
  title: id,
  category: "Things",
  categoryId: "things",
  aliases: [],
  tags: [],
  summary: "",
  related: [],
  diagram: "",
  line: 1,
  ...fields,
});

const tiny: Catalog = {
  version: 1,
  source: "test",
  categories: [{ id: "things", name: "Things" }],
  diagrams: [
    entry("in-text", { diagram: "a box labelled replication" }),
    entry("in-summary", { summary: "about replication" }),
    entry("in-tags", { tags: ["replication"] }),
    entry("in-alias", { aliases: ["replication setup"] }),
    entry("prefix", { title: "Replicas" }),
    entry("typo", { tags: ["replicaton"] }),
  ],
  tips: { title: "t", markdown: "" },
};

const ids = async (c: Catalog, q: string) => (await rank(c, q)).map((r) => r.entry.id);

describe("tokens", () => {
  it.each([
    ["Pub/Sub (Kafka)", ["pub", "sub", "kafka"]],
    ["Café 2PC", ["cafe", "2pc"]],
  ])("words(%j)", (text, expected) => {
    expect(words(text)).toEqual(expected);
  });
  it("drops stopwords unless nothing else is left", () => {
    expect(queryTerms("how does the cache work")).toEqual(["cache", "work"]);
    expect(queryTerms("the a")).toEqual(["the", "a"]);
  });
  it("compacts names", () => {
    expect(compact("Write-Through")).toBe("writethrough");
  });
});

describe("rank", () => {
  it("weighs fields in order: name, aliases, tags, summary, diagram text", async () => {
    const ranked = await ids(tiny, "replication");
    expect(ranked.indexOf("in-alias")).toBeLessThan(ranked.indexOf("in-tags"));
    expect(ranked.indexOf("in-tags")).toBeLessThan(ranked.indexOf("in-summary"));
    expect(ranked.indexOf("in-summary")).toBeLessThan(ranked.indexOf("in-text"));
  });

  const only = (...entries: Entry[]): Catalog => ({ ...tiny, diagrams: entries });

  it("a whole word beats a prefix, in the same field", async () => {
    const c = only(entry("prefix", { tags: ["cached"] }), entry("whole", { tags: ["cache"] }));
    expect(await ids(c, "cache")).toEqual(["whole", "prefix"]);
  });

  it("a prefix beats a typo, in the same field", async () => {
    const c = only(entry("typo", { tags: ["sharting"] }), entry("prefix", { tags: ["shardings"] }));
    expect(await ids(c, "sharding")).toEqual(["prefix", "typo"]);
  });

  it("takes a word the catalog has for itself, not for a typo of another", async () => {
    const c = only(entry("typo", { tags: ["caxhe"] }), entry("whole", { tags: ["cache"] }));
    expect(await ids(c, "cache")).toEqual(["whole"]);
    // An unknown word still gets typo matching.
    expect(await ids(c, "cachr")).toContain("whole");
  });

  it("matches the words of a query in any order, all of them beating some", async () => {
    expect((await ids(catalog, "commit two phase"))[0]).toBe("two-phase-commit");
    expect((await ids(catalog, "transaction distributed")).slice(0, 2).sort()).toEqual([
      "saga",
      "two-phase-commit",
    ]);
  });

  it("finds abbreviations through aliases", async () => {
    expect((await ids(catalog, "xa"))[0]).toBe("two-phase-commit");
    expect((await ids(catalog, "lb"))[0]).toBe("load-balancer");
  });

  it("says why each result matched", async () => {
    const [best] = await rank(catalog, "cach asid");
    expect(best?.entry.id).toBe("cache-aside");
    expect(best?.matches).toEqual([
      expect.objectContaining({ term: "cach", word: "cache", field: "name", kind: "prefix" }),
      expect.objectContaining({ term: "asid", word: "aside", field: "name", kind: "prefix" }),
    ]);
  });

  it("does not call a word inside another word a typo", async () => {
    const explained = (await rank(catalog, "replication")).flatMap((r) => r.matches);
    expect(explained.map((m) => m.word)).not.toContain("application");
  });

  it("returns nothing for nothing", async () => {
    expect(await rank(catalog, "   ")).toEqual([]);
    expect(await rank(catalog, "zzzzqqq")).toEqual([]);
  });

  it("can reuse an index", async () => {
    const index = buildIndex(catalog);
    expect((await rank(catalog, "saga", index))[0]?.entry.id).toBe("saga");
  });
});

describe("show's fuzzy fallback uses the same ranking, only when sure", () => {
  it.each([
    ["circut breaker", "circuit-breaker"],
    ["saga patern", "saga"],
    ["two phase comit", "two-phase-commit"],
    ["netflix", "video-streaming"],
  ])("%j -> %s", async (name, id) => {
    expect((await resolveName(catalog, name)).id).toBe(id);
  });

  it.each(["kafka", "cache", "database", "redis", "postgres"])(
    "%j is doubtful: candidates, not a diagram",
    async (name) => {
      const top = (await rank(catalog, name)).slice(0, 3).map((r) => r.entry.id);
      await expect(resolveName(catalog, name)).rejects.toThrow(`did you mean ${top.join(", ")}?`);
    },
  );
});
