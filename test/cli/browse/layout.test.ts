import { describe, expect, it } from "vitest";
import { drawScreen, panes, previewLines, type View } from "../../../src/cli/browse/layout.js";
import { START } from "../../../src/cli/browse/state.js";
import type { Entry } from "../../../src/core/types.js";
import { displayWidth } from "../../../src/core/width.js";
import { createStyle, PLAIN } from "../../../src/render/style.js";
import { ANSI, catalog } from "../../helpers.js";

const plain = { style: PLAIN, ascii: false };
/** The view's total is the catalog's size, read from the data, not written here. */
const TOTAL = catalog.diagrams.length;
const byId = (id: string) => catalog.diagrams.find((d) => d.id === id) as Entry;
const view = (over: Partial<View> = {}): View => ({
  state: START,
  results: catalog.diagrams,
  total: catalog.diagrams.length,
  category: undefined,
  widest: 53,
  ...over,
});

describe("panes", () => {
  it.each([
    // columns, rows, beside, list rows, preview width, preview rows
    [80, 24, false, 5, 80, 16],
    [100, 30, true, 28, 69, 28],
    [85, 24, true, 22, 54, 22],
    [84, 24, false, 5, 84, 16],
    [40, 10, false, 3, 40, 4],
    [200, 60, true, 58, 169, 58],
  ])(
    "%ix%i: beside %s, %i list rows, preview %ix%i",
    (columns, rows, beside, listRows, width, height) => {
      const p = panes({ columns, rows }, 53);
      expect([p.beside, p.listRows, p.previewWidth, p.previewRows]).toEqual([
        beside,
        listRows,
        width,
        height,
      ]);
    },
  );
});

describe("drawScreen", () => {
  it.each([
    [80, 24],
    [100, 30],
    [60, 20],
    [30, 8],
  ])("fills %ix%i exactly: one line a row, none wider than the terminal", (columns, rows) => {
    const { lines, cursor } = drawScreen(view(), { columns, rows }, plain);
    expect(lines).toHaveLength(rows);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
    expect(cursor).toBe(2);
  });

  it("at 80x24 shows the query, the highlighted row, the preview's title and the keys", () => {
    const entries = [byId("master-slave-replication"), byId("read-replicas")];
    const { lines } = drawScreen(
      view({ results: entries, state: { ...START, query: "repl" } }),
      { columns: 80, rows: 24 },
      plain,
    );
    expect(lines[0]).toMatch(new RegExp(`^> repl +2/${TOTAL} {2}all categories$`));
    expect(lines[1]).toBe(`› master-slave-replication${" ".repeat(80 - 26)}`);
    expect(lines[2]?.trimEnd()).toBe("  read-replicas");
    expect(lines[6]).toBe("─".repeat(80));
    expect(lines[7]).toBe(" Master-Slave Replication · Database Architectures");
    expect(lines[23]).toBe("↑↓ move  Tab category  Enter print  Esc quit  ? keys");
  });

  it("puts the preview beside the list when it fits", () => {
    const { lines } = drawScreen(view(), { columns: 100, rows: 30 }, plain);
    expect(lines[1]).toMatch(/^› monolith +│ Monolithic Architecture · Architecture Patterns$/);
    expect(lines[2]).toMatch(/^ {2}microservices +│ ┌─+┐$/);
  });

  it("says so when nothing matches", () => {
    const { lines } = drawScreen(view({ results: [] }), { columns: 80, rows: 24 }, plain);
    expect(lines[1]).toMatch(/^ {2}no match/);
    expect(lines[0]).toMatch(new RegExp(` 0/${TOTAL} `));
  });

  it.each([
    [100, 30],
    [80, 24],
    [30, 8],
  ])("at %ix%i says the whole hint when nothing matches, never a clipped word", (columns, rows) => {
    const { lines } = drawScreen(view({ results: [] }), { columns, rows }, plain);
    const list = lines.slice(1, 3).map((line) => line.replace(/│.*$/, "").trim());
    expect(list.join(" ").trim()).toBe("no match: fewer words, or Tab");
  });

  it.each([
    [80, 300],
    [100, 50_000],
    [40, 40],
  ])("at %i columns keeps the count beside a query of %i characters", (columns, length) => {
    const state = { ...START, query: "x".repeat(length) };
    const { lines, cursor } = drawScreen(
      view({ results: [], state }),
      { columns, rows: 24 },
      plain,
    );
    expect(lines[0]).toMatch(new RegExp(`^> x+ {2}0/${TOTAL} {2}all categories$`));
    expect(displayWidth(lines[0] as string)).toBe(columns);
    expect(cursor).toBe(displayWidth((lines[0] as string).replace(/ +0\/.*$/, "")));
  });

  it("gives a narrow terminal's line to the query, not the count", () => {
    const state = { ...START, query: "x".repeat(300) };
    const { lines, cursor } = drawScreen(view({ state }), { columns: 30, rows: 8 }, plain);
    expect(lines[0]).toBe(`> ${"x".repeat(27)}`);
    expect(cursor).toBe(29);
  });

  it("shows the keys with ?", () => {
    const { lines } = drawScreen(
      view({ state: { ...START, help: true } }),
      { columns: 80, rows: 24 },
      plain,
    );
    expect(lines.join("\n")).toMatch(/Tab {2}Shift-Tab +next, previous category/);
    expect(lines.join("\n")).not.toMatch(/monolith/);
  });

  it("names the category and counts within it", () => {
    const { lines } = drawScreen(
      view({ results: [byId("cache-aside")], total: 4, category: "Caching Strategies" }),
      { columns: 80, rows: 24 },
      plain,
    );
    expect(lines[0]).toMatch(/1\/4 {2}Caching Strategies$/);
  });

  it("has no colour codes without colour, and colour with it", async () => {
    const size = { columns: 100, rows: 30 };
    expect(drawScreen(view(), size, plain).lines.join("\n")).not.toMatch(ANSI);
    const colour = { style: await createStyle(true), ascii: false };
    expect(drawScreen(view(), size, colour).lines.join("\n")).toMatch(ANSI);
  });

  it("draws only ASCII with --ascii", () => {
    const { lines } = drawScreen(view(), { columns: 100, rows: 30 }, { style: PLAIN, ascii: true });
    expect(lines.join("\n")).toMatch(/^[\x20-\x7e\n]*$/);
    expect(lines[1]).toMatch(/^> monolith +\| Monolithic Architecture - Architecture Patterns$/);
  });
});

describe("previewLines", () => {
  it.each([
    ["microservices", 30, 40],
    ["multi-region", 25, 40],
    ["cache-aside", 20, 40],
  ])("clips %s at %i columns, never wraps", (id, width, rows) => {
    const entry = byId(id);
    const lines = previewLines(entry, width, rows, plain);
    const diagram = entry.diagram.split("\n");
    expect(lines).toHaveLength(rows);
    diagram.forEach((line, i) => {
      const shown = lines[i + 1] as string;
      expect(displayWidth(shown)).toBeLessThanOrEqual(width);
      if (shown.endsWith("›")) {
        expect(` ${line}`.startsWith(shown.slice(0, -1).trimEnd())).toBe(true);
        expect(displayWidth(` ${line}`)).toBeGreaterThan(width);
      } else expect(shown).toBe(` ${line}`);
    });
  });

  it("says how many lines are left out at the bottom", () => {
    const entry = byId("microservices");
    const total = entry.diagram.split("\n").length;
    const lines = previewLines(entry, 80, 10, plain);
    expect(lines).toHaveLength(10);
    expect(lines[9]).toBe(` … ${total - 8} more lines: Enter prints it whole`);
    expect(lines[8]).toBe(` ${entry.diagram.split("\n")[7]}`);
  });
});
