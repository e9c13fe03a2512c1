import { describe, expect, it } from "vitest";
import { isSwap, typoDistance, typoOf } from "../../src/search/typos.js";

describe("typoDistance", () => {
  it.each([
    ["kitten", "sitting", 3],
    ["cahce", "cache", 1],
    ["raft", "rate", 2],
    ["abc", "abc", 0],
    ["", "abc", 3],
    ["ca", "abc", 3],
  ])("%j to %j is %i", (a, b, d) => {
    expect(typoDistance(a, b, 9)).toBe(d);
  });

  it("gives up past the most asked for", () => {
    expect(typoDistance("kitten", "sitting", 1)).toBe(2);
    expect(typoDistance("a", "abcdef", 2)).toBe(3);
  });
});

describe("typoOf: short words need a closer match", () => {
  it.each([
    ["raft", "rate", undefined],
    ["maps", "master", undefined],
    ["maps", "mass", undefined],
    ["tier", "tire", 1],
    ["kafak", "kafka", 1],
    ["cahce", "cache", 1],
    ["circut", "circuit", 1],
    ["training", "tracing", undefined],
    ["microservies", "microservices", 1],
    ["sahrding", "sharding", 1],
    ["replicaton", "replication", 1],
    ["replcaton", "replication", 2],
    ["cat", "car", undefined],
    ["cache", "cache", undefined],
  ])("%j as a typo of %j: %s", (typed, word, expected) => {
    expect(typoOf(typed, word)).toBe(expected);
  });

  it("isSwap", () => {
    expect(isSwap("cahce", "cache")).toBe(true);
    expect(isSwap("cache", "cache")).toBe(false);
    expect(isSwap("cahe", "cache")).toBe(false);
  });
});
