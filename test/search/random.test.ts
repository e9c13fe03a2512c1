import { describe, expect, it } from "vitest";
import { mulberry32, pick } from "../../src/search/random.js";

describe("pick", () => {
  const items = Array.from({ length: 51 }, (_, i) => i);

  it("picks the same item for the same seed, and nothing from nothing", () => {
    for (const seed of [0, 1, 42, 2 ** 40 + 3]) expect(pick(items, seed)).toBe(pick(items, seed));
    expect(pick([], 1)).toBeUndefined();
    expect(pick([])).toBeUndefined();
  });

  it("spreads seeds over the items", () => {
    const picked = new Set(Array.from({ length: 500 }, (_, seed) => pick(items, seed)));
    expect(picked.size).toBeGreaterThan(45);
  });

  it("without a seed, varies", () => {
    const picked = new Set(Array.from({ length: 50 }, () => pick(items)));
    expect(picked.size).toBeGreaterThan(10);
  });

  it("mulberry32 is the published generator (first outputs for seed 0)", () => {
    const next = mulberry32(0);
    const first = [next(), next(), next()];
    for (const x of first) expect(x).toBeGreaterThanOrEqual(0);
    for (const x of first) expect(x).toBeLessThan(1);
    expect(first[0]).toBeCloseTo(0.26642920868471265, 12);
  });
});
