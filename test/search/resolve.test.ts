import { describe, expect, it } from "vitest";
import { resolveCategory } from "../../src/search/category.js";
import { resolveName, resolveNames } from "../../src/search/resolve.js";
import { catalog } from "../helpers.js";

describe("resolveName", () => {
  it.each([
    ["cache-aside", "cache-aside"],
    ["Cache Aside", "cache-aside"],
    ["CACHE_ASIDE", "cache-aside"],
    ["Cache-Aside Pattern", "cache-aside"],
    ["two phase commit (2PC)", "two-phase-commit"],
    ["2pc", "two-phase-commit"],
    ["dlq", "dead-letter-queue"],
    ["Twitter/X Architecture", "twitter"],
    ["event sourcng", "event-sourcing"],
  ])("%j -> %s", async (name, id) => {
    expect((await resolveName(catalog, name)).id).toBe(id);
  });

  it.each([
    ["cach-asid", "cache-aside"],
    ["write-path", "write-flow"],
  ])("never swaps a name written as an id, %j, for another: did you mean", async (name, id) => {
    await expect(resolveName(catalog, name)).rejects.toThrow(
      new RegExp(`^no diagram named '${name}'; did you mean ${id}\\b`),
    );
  });

  it("tells what it shows for a name that is not one", async () => {
    const guesses: string[] = [];
    const entry = await resolveName(catalog, "circut breaker", undefined, (asked, e) =>
      guesses.push(`${asked} -> ${e.id}`),
    );
    expect(entry.id).toBe("circuit-breaker");
    expect(guesses).toEqual(["circut breaker -> circuit-breaker"]);
    // An exact name is no guess.
    await resolveName(catalog, "Cache Aside", undefined, (asked) => guesses.push(asked));
    expect(guesses).toHaveLength(1);
  });

  it("refuses an ambiguous name and suggests the closest three", async () => {
    await expect(resolveName(catalog, "replication")).rejects.toThrow(
      "no diagram named 'replication'; did you mean master-slave-replication, master-master-replication, read-replicas?",
    );
  });

  it.each(["zzzzqqq", "", "  "])("finds nothing for %j, with a hint", async (name) => {
    await expect(resolveName(catalog, name)).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(/no diagram named .*(did you mean|sysdiag search)/),
    });
  });
});

describe("resolveCategory", () => {
  it.each([
    ["databases", "databases"],
    ["database", "databases"],
    ["Database Architectures", "databases"],
    ["databse", "databases"],
    ["CACHING", "caching"],
    ["Monitoring & Observability", "observability"],
    ["data processing", "data-processing"],
  ])("%j -> %s", async (query, id) => {
    expect((await resolveCategory(catalog, query)).id).toBe(id);
  });

  it("lists the valid categories when nothing matches", async () => {
    await expect(resolveCategory(catalog, "kitchen")).rejects.toThrow(
      /no category 'kitchen'; categories are: architecture, load-balancing, .*quick-reference, building-blocks/,
    );
  });

  it("does not guess between two categories that share a prefix", async () => {
    // "data" starts both data-flow and data-processing.
    await expect(resolveCategory(catalog, "data")).rejects.toThrow(/no category 'data'/);
  });
});

describe("misspelt names and words", () => {
  it.each([
    ["sahrding", "sharding"],
    ["microservies", "microservices"],
    ["twiter", "twitter"],
  ])("shows %s as %s when nothing else comes close", async (typed, id) => {
    expect((await resolveName(catalog, typed)).id).toBe(id);
  });

  it.each(["cahce", "kafka", "redis", "postgres"])(
    "still lists candidates for %s",
    async (typed) => {
      await expect(resolveName(catalog, typed)).rejects.toThrow(/did you mean/);
    },
  );

  it("prints a diagram named twice once", async () => {
    expect((await resolveNames(catalog, ["uber", "lyft"])).map((e) => e.id)).toEqual(["uber"]);
  });

  it("speaks of all the words when none of them names a diagram", async () => {
    await expect(resolveNames(catalog, ["load", "balancr"])).rejects.toThrow(
      /no diagram named 'load balancr'/,
    );
  });
});
