import { describe, expect, it } from "vitest";
import { findBoxes } from "../../src/diagram/boxes.js";
import { Grid } from "../../src/diagram/grid.js";
import { lintDiagram } from "../../src/diagram/lint.js";
import { catalog } from "../helpers.js";

const rules = (text: string) => lintDiagram(text).map((d) => `${d.line}:${d.column} ${d.rule}`);

describe("lintDiagram finds each kind of defect", () => {
  it.each([
    [
      "a right edge one column out on one line",
      ["┌─────┐", "│ App  │", "└─────┘"].join("\n"),
      ["2:7 box-right"],
    ],
    [
      "a label wider than its box",
      ["┌────┐", "│Fallback│", "└────┘"].join("\n"),
      ["2:6 box-right"],
    ],
    [
      "a bottom corner one column out",
      ["┌─────┐", "│ App │", "└────┘"].join("\n"),
      ["3:6 box-bottom"],
    ],
    [
      "a top edge that never reaches its corner",
      ["┌───  ", "│ A │", "└───┘"].join("\n"),
      ["1:5 box-top"],
    ],
    [
      "a line that stops one column short of another",
      ["┌───┐", "│ A ├─ ──┐", "└───┘    │"].join("\n"),
      ["2:6 gap", "2:8 gap"],
    ],
    [
      "a line meeting an edge with no junction",
      ["  │  ", "┌─────┐", "│ A   │", "└─────┘"].join("\n"),
      ["2:3 junction"],
    ],
    [
      "an arrow with no line into it",
      ["┌───┐", "│ A │", "└───┘", "", "  ▼", "┌───┐", "│ B │", "└───┘"].join("\n"),
      ["5:3 arrow-shaft"],
    ],
    [
      "an arrow pointing at nothing",
      ["┌───┐", "│ A │", "└─┬─┘", "  ▼", "", "┌───┐", "│ B │", "└───┘"].join("\n"),
      ["4:3 arrow-target"],
    ],
    [
      "lines running across a label",
      ["  │ │", "Prepared?", "  │ │"].join("\n"),
      ["2:3 into-label", "2:5 into-label"],
    ],
  ])("%s", (_name, text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  it.each([
    [
      "a closed box with a connector and an arrow",
      ["┌───┐", "│ A │", "└─┬─┘", "  │ note", "  ▼", "┌───┐", "│ B │", "└───┘"],
    ],
    ["an arrow set in an edge", ["  │", "┌─▼─┐", "│ A │", "└───┘"]],
    ["a bracket fanning out to arrows", ["  ┌─┴─┐", "  ▼   ▼", "  x   y"]],
    ["text with arrows", ["Write ──► Master DB ──► Replicas", "Request 1 → Server 1"]],
    ["a word set on a line as a node", ["    │", "Consistency", "    │"]],
  ])("accepts %s", (_name, lines) => {
    expect(lintDiagram(lines.join("\n"))).toEqual([]);
  });

  it("says where, in words", () => {
    const defect = lintDiagram(["┌─────┐", "│ App  │", "└─────┘"].join("\n")).find(
      (d) => d.rule === "box-right",
    );
    expect(defect?.message).toBe("right edge of the box is at column 8, its corner at column 7");
  });
});

describe("the shipped catalog", () => {
  it.each(catalog.diagrams.map((d) => [d.id, d.diagram]))("%s has no defect", (_id, diagram) => {
    expect(lintDiagram(diagram)).toEqual([]);
  });

  it("was not all clean as drawn: the repairs are real", () => {
    const repaired = catalog.diagrams.filter((d) => d.original !== undefined);
    expect(repaired.length).toBeGreaterThanOrEqual(17);
    for (const entry of repaired)
      expect(lintDiagram(entry.original as string).length, entry.id).toBeGreaterThan(0);
  });
});

describe("findBoxes", () => {
  it("finds closed boxes only, nested ones too", () => {
    const grid = new Grid(
      ["┌───────┐", "│ ┌───┐ │", "│ │ A │ │", "│ └───┘ │", "└───────┘", "┌───  "].join("\n"),
    );
    expect(findBoxes(grid)).toEqual([
      { top: 0, left: 0, bottom: 4, right: 8 },
      { top: 1, left: 2, bottom: 3, right: 6 },
    ]);
  });
});
