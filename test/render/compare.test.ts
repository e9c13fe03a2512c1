import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/core/width.js";
import { renderCompare } from "../../src/render/compare.js";
import { PLAIN } from "../../src/render/style.js";
import { catalog, run } from "../helpers.js";

const entry = (id: string) =>
  catalog.diagrams.find((e) => e.id === id) as (typeof catalog.diagrams)[0];
const PAIRS = [
  ["write-through", "write-back"],
  ["two-phase-commit", "saga"],
  ["master-slave-replication", "master-master-replication"],
  ["cache-aside", "cqrs"],
] as const;

describe("renderCompare", () => {
  it.each(PAIRS)("puts %s and %s side by side at 200 columns, no line wider", (a, b) => {
    const out = renderCompare(entry(a), entry(b), PLAIN, 200);
    for (const line of out.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(200);
    const titles = out.split("\n")[0] as string;
    expect(titles).toContain(entry(b).title);
    // Every line of both drawings is there whole, the second beside the first.
    for (const id of [a, b]) {
      for (const line of entry(id).diagram.split("\n")) expect(out).toContain(line.trimEnd());
    }
  });

  it.each(PAIRS.slice(0, 3))("puts %s above %s at 80 columns", (a, b) => {
    const out = renderCompare(entry(a), entry(b), PLAIN, 80);
    const rows = out.split("\n");
    expect(rows[0]).not.toContain(entry(b).title);
    const second = rows.findIndex((row) => row.startsWith(entry(b).title));
    expect(second).toBeGreaterThan(entry(a).diagram.split("\n").length);
    // Notes are wrapped to the width; drawings never are.
    for (const line of rows) {
      if (line.startsWith("- ") || line.startsWith("  "))
        expect(displayWidth(line)).toBeLessThanOrEqual(80);
    }
    for (const id of [a, b]) {
      for (const line of entry(id).diagram.split("\n")) expect(out).toContain(line.trimEnd());
    }
  });

  it("starts both lists of notes on one row, trade-offs beside each other", () => {
    const out = renderCompare(entry("write-through"), entry("write-back"), PLAIN, 200);
    const row = out.split("\n").find((line) => line.startsWith("- ")) as string;
    expect(row).toMatch(/^- .+ {2,}- /);
    // Both drawings start on the row under the titles and the blank line.
    expect(out.split("\n")[2]).toMatch(/^┌─+┐ {20,}┌─+┐$/);
  });

  it("puts narrow drawings side by side even at 80 columns", () => {
    const out = renderCompare(entry("cache-aside"), entry("cqrs"), PLAIN, 80);
    expect(out.split("\n")[0]).toMatch(/^Cache-Aside Pattern · .+ {4}CQRS Pattern · /);
    for (const line of out.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it("lists a trade-off note first", () => {
    const out = renderCompare(entry("b-tree"), entry("lsm-tree"), PLAIN, 80);
    const notes = out.split("\n").filter((line) => line.startsWith("- "));
    expect(notes[0]).toMatch(/^- Trade-off/);
  });
});

describe("sysdiag compare", () => {
  it("is side by side on a 200-column terminal and stacked on an 80-column one", async () => {
    const wide = await run(["compare", "2pc", "saga"], {
      tty: true,
      columns: 200,
      env: { NO_COLOR: "1" },
    });
    const narrow = await run(["compare", "2pc", "saga"], {
      tty: true,
      columns: 80,
      env: { NO_COLOR: "1" },
    });
    expect(wide.code).toBe(0);
    expect(wide.stdout.split("\n")[0]).toMatch(/^Two-Phase Commit \(2PC\) · .+ {4}Saga Pattern · /);
    expect(narrow.stdout.split("\n")[0]).toBe("Two-Phase Commit (2PC) · Distributed Systems");
    expect(narrow.stdout).toMatch(/\n\nSaga Pattern · Distributed Systems\n/);
  });

  it.each([
    [["compare", "2pc", "no-such-thing"], 1, /no diagram named 'no-such-thing'/],
    [["compare", "2pc", "two-phase-commit"], 2, /both names are two-phase-commit/],
    [["compare", "2pc"], 2, /missing|argument/],
  ])("%j exits %i", async (argv, code, message) => {
    const result = await run(argv);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
  });
});
