import { describe, expect, it } from "vitest";
import type { Catalog, Entry } from "../../src/core/types.js";
import { buildIndex } from "../../src/search/inverted-index.js";
import { rank, rankQuery, stems } from "../../src/search/rank.js";
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

describe("honest results", () => {
  const only = (...entries: Entry[]): Catalog => ({ ...tiny, diagrams: entries });

  it("reads a typo only for a word the catalog lacks, and short words closely", async () => {
    const c = only(
      entry("gateway", { title: "API Gateway", tags: ["rate limiting", "master"] }),
      entry("queue", { title: "Message Queue", aliases: ["kafka"] }),
    );
    // raft is not rate, maps is not master: nothing holds them.
    expect(await ids(c, "raft")).toEqual([]);
    expect(await ids(c, "maps")).toEqual([]);
    // A swap in a short word, or one slip in a longer one, is a typo.
    expect(await ids(c, "kafak")).toEqual(["queue"]);
    expect(await ids(c, "gatway")).toEqual(["gateway"]);
  });

  it("never ranks a typo above another word of the query as written (wal archive)", async () => {
    // "achive" is one slip from "archive", and in a name: a typo there is still a fallback.
    const c = only(
      entry("typo", { title: "Achive Store", tags: ["achive"] }),
      entry("written", { diagram: "primary -> wal -> archiver -> storage" }),
    );
    expect((await ids(c, "wal archive"))[0]).toBe("written");
  });

  it("ranks a diagram holding every word above one with a single word in a stronger field", async () => {
    const c = only(
      entry("auth-one", { title: "Token Auth", tags: ["token"] }),
      entry("auth-two", { title: "Token Refresh", aliases: ["token"] }),
      entry("all-three", { diagram: "client -> envoy -> token bucket -> service" }),
    );
    expect((await ids(c, "envoy token bucket"))[0]).toBe("all-three");
  });

  it("weighs words by rarity: a common word does not carry a result alone", async () => {
    const c = only(
      ...["a", "b", "c", "d", "e"].map((id) => entry(id, { title: `${id} pattern` })),
      entry("knit", { summary: "knitting needles" }),
    );
    const ranking = await rankQuery(c, "crochet pattern");
    expect(ranking.hits).toEqual([]);
    expect(ranking.unknown).toEqual(["crochet"]);
    // Alone, the common word is the whole query.
    expect(await ids(c, "pattern")).toHaveLength(5);
  });

  it("says which words a result lacks, and how much of the query it holds", async () => {
    const c = only(entry("x", { title: "Hash Ring", diagram: "node a, node b" }));
    const [hit] = await rank(c, "hash ring shard");
    expect(hit?.missing).toEqual(["shard"]);
    expect(hit?.coverage).toBeCloseTo(2 / 3, 5);
  });

  it.each([
    ["hashing", "hash", "stem"],
    ["phases", "phase", "stem"],
    ["policies", "policy", "stem"],
  ])("takes %j for the word %j (%s)", async (typed, word, kind) => {
    const c = only(entry("x", { diagram: `a ${word} here` }));
    const [hit] = await rank(c, typed);
    expect(hit?.matches[0]).toMatchObject({ term: typed, word, kind });
  });

  it("joins words a drawing writes as one identifier (client hello -> ClientHello)", async () => {
    const c = only(entry("tls", { diagram: "ClientHello ---> ServerHello" }), entry("other", {}));
    const [hit] = await rank(c, "client hello");
    expect(hit?.entry.id).toBe("tls");
    expect(hit?.matches.map((m) => m.kind)).toEqual(["joined", "joined"]);
  });
});

describe("stems", () => {
  it.each([
    ["hashing", ["hash"]],
    ["phases", ["phase", "phas"]],
    ["policies", ["policy", "polici", "policie"]],
    ["ring", []],
    ["cached", ["cach"]],
  ])("%j -> %j", (word, expected) => {
    expect(stems(word).sort()).toEqual([...expected].sort());
  });
});
