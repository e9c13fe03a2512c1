import { describe, expect, it } from "vitest";
import { thousands } from "../../src/core/limits.js";

describe("thousands", () => {
  it.each([
    [0, "0"],
    [7, "7"],
    [42, "42"],
    [999, "999"],
    [1000, "1,000"],
    [10_000, "10,000"],
    [100_000, "100,000"],
    [262_144, "262,144"],
    [1_000_000, "1,000,000"],
    [12_345_678, "12,345,678"],
  ])("%d is %s, as toLocaleString('en-US') writes it", (n, text) => {
    expect(thousands(n)).toBe(text);
    expect(thousands(n)).toBe(n.toLocaleString("en-US"));
  });
});
