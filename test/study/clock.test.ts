import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/core/errors.js";
import { clockOf } from "../../src/study/clock.js";

describe("clockOf", () => {
  it.each([
    ["2026-03-01T09:00:00Z", "2026-03-01T09:00:00.000Z"],
    ["2026-03-01T09:00:00.250Z", "2026-03-01T09:00:00.250Z"],
    ["2026-03-01T10:00:00+01:00", "2026-03-01T09:00:00.000Z"],
    ["2026-03-01T10:00+0100", "2026-03-01T09:00:00.000Z"],
    ["2026-03-01", "2026-03-01T00:00:00.000Z"],
  ])("SYSDIAG_NOW=%s is %s, every time it is asked", (value, iso) => {
    const clock = clockOf({ SYSDIAG_NOW: value });
    expect(clock().toISOString()).toBe(iso);
    expect(clock().toISOString()).toBe(iso);
  });

  it.each(["tomorrow", "2026-13-01", "1700000000", "2026-03-01T25:00Z", " "])(
    "SYSDIAG_NOW=%j is a usage error",
    (value) => {
      expect(() => clockOf({ SYSDIAG_NOW: value })).toThrow(UsageError);
    },
  );

  it("is the system's clock without SYSDIAG_NOW (or with it empty)", () => {
    for (const env of [{}, { SYSDIAG_NOW: "" }]) {
      const before = Date.now();
      const now = clockOf(env)().getTime();
      expect(now).toBeGreaterThanOrEqual(before);
      expect(now).toBeLessThanOrEqual(Date.now());
    }
  });
});
