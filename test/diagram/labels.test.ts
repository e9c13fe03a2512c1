import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { labelDifference, labelsByLine } from "../../src/diagram/labels.js";
import { repairMojibake } from "../../src/document/encoding.js";
import { parseDocument } from "../../src/document/markdown.js";
import { catalog, ROOT } from "../helpers.js";

// Decoded here, independently of the catalog, so a repair cannot vouch for itself.
const source = repairMojibake(readFileSync(`${ROOT}data/source/system-design-diagrams.md`, "utf8"));
const blocks = new Map(
  parseDocument(source).flatMap((s) => s.diagrams.map((d) => [d.title, d.diagram] as const)),
);

// The source document's diagrams are the ones repaired; those written in the repository
// (data/catalog/, named by `file`) are drawn straight and have no original to keep.
const fromSource = catalog.diagrams.filter((d) => d.file === undefined);

describe("every repair keeps every label on its line, in order", () => {
  it("covers every diagram of the source document, and only those", () => {
    expect(fromSource.map((d) => d.title).sort()).toEqual([...blocks.keys()].sort());
    for (const written of catalog.diagrams.filter((d) => d.file !== undefined)) {
      expect(written.original, written.id).toBeUndefined();
    }
  });
  it.each(fromSource.map((d) => [d.id, d] as const))("%s", (_id, entry) => {
    const original = blocks.get(entry.title);
    expect(original).toBeDefined();
    expect(entry.original ?? entry.diagram).toBe(original);
    expect(labelDifference(original as string, entry.diagram)).toBeUndefined();
  });
});

describe("labelDifference", () => {
  it("lets labels move along their line", () => {
    expect(labelDifference("│ A  │ B", "│ A │  B")).toBeUndefined();
  });
  it.each([
    ["a changed word", "│ Ab │", "│ Ac │", 1],
    ["swapped words", "x\nA B", "x\nB A", 2],
    ["a word moved to another line", "A\n", "\nA", 1],
  ])("finds %s", (_name, a, b, line) => {
    expect(labelDifference(a, b)).toBe(line);
  });
  it("reads words between strokes", () => {
    expect(labelsByLine("│Cass │ │Redis│\n└─┬─┘ x")).toEqual([["Cass", "Redis"], ["x"]]);
  });
});
