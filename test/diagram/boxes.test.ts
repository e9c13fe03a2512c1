import { describe, expect, it } from "vitest";
import { outlines, perimeterCounter } from "../../src/diagram/boxes.js";
import { Grid } from "../../src/diagram/grid.js";
import { toAscii } from "../../src/render/ascii.js";
import { catalog } from "../helpers.js";
import { cornerColumn } from "./shapes.js";

/** Every outline's box, as the SVG asks about it (to the lower of its two bottoms). */
function boxesOf(grid: Grid) {
  return outlines(grid).map((o) => ({
    top: o.top,
    left: o.left,
    right: o.right,
    bottom: Math.max(o.bottom, o.rightBottom),
  }));
}

describe("perimeterCounter", () => {
  it("counts the same from its index as cell by cell, for every catalog drawing and its ASCII", () => {
    let compared = 0;
    for (const entry of catalog.diagrams) {
      for (const text of [entry.diagram, toAscii(entry.diagram)]) {
        const grid = new Grid(text);
        const byHand = perimeterCounter(grid, Number.POSITIVE_INFINITY);
        const indexed = perimeterCounter(grid, 0);
        for (const box of boxesOf(grid)) {
          expect(indexed(box), `${entry.id} ${JSON.stringify(box)}`).toEqual(byHand(box));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it.each([
    ["a box", "┌──┐\n│  │\n└──┘", { drawn: 6, cells: 6 }],
    [
      "a box with a gap in its left edge",
      "┌───┐\n│   │\n    │\n│   │\n└───┘",
      { drawn: 11, cells: 12 },
    ],
    // The top's five, and nothing under it: a line fanning out, not a box.
    ["a fan-out top", "┌──┴──┐\n▼     ▼", { drawn: 5, cells: 10 }],
    ["an ASCII box with an arrow set in its edge", "+-v-+\n|   >\n+---+", { drawn: 8, cells: 8 }],
  ])("%s", (_name, text, expected) => {
    const grid = new Grid(text);
    const [box] = boxesOf(grid);
    expect(box).toBeDefined();
    if (!box) return;
    expect(perimeterCounter(grid, 0)(box)).toEqual(expected);
    expect(perimeterCounter(grid, Number.POSITIVE_INFINITY)(box)).toEqual(expected);
  });

  it("counts the boxes of a column of corners on one long edge, each as tall as the drawing", () => {
    // 6,667 outlines whose right edge runs on to the bottom (by hand, 130 million cells in
    // all: `npm run bench` times the SVG of it).
    const grid = new Grid(cornerColumn(240_000));
    const boxes = boxesOf(grid);
    expect(boxes.length).toBe(6667);
    const count = perimeterCounter(grid);
    const last = boxes[boxes.length - 1];
    const first = boxes[0];
    if (!first || !last) return;
    expect(first.bottom).toBeGreaterThanOrEqual(grid.height - 1);
    expect(count(first).cells).toBe(2 * 2 + 2 * (first.bottom - 1));
    expect(count(last)).toEqual(perimeterCounter(grid, Number.POSITIVE_INFINITY)(last));
  });
});
