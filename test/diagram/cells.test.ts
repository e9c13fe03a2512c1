import { describe, expect, it } from "vitest";
import { outlines } from "../../src/diagram/boxes.js";
import {
  analyse,
  BLANK,
  cellIndex,
  cellsOf,
  HEAD,
  kindAt,
  LABEL,
  reachesAt,
  STROKE,
} from "../../src/diagram/cells.js";
import { DIRS } from "../../src/diagram/charset.js";
import { Grid } from "../../src/diagram/grid.js";
import { toAscii } from "../../src/render/ascii.js";
import { catalog } from "../helpers.js";

const KIND = { blank: BLANK, stroke: STROKE, head: HEAD, label: LABEL } as const;

/**
 * Every answer the table holds, and a ring of cells around the drawing, against the grid's own.
 * Values are compared first and `expect` is called only for a cell that differs: a catalog
 * diagram has tens of thousands of cells, and an `expect` a cell made the catalog test slow.
 */
function agrees(text: string): void {
  const grid = new Grid(text);
  const cells = cellsOf(grid);
  for (let row = -2; row < grid.height + 2; row++) {
    for (let col = -2; col < grid.width + 2; col++) {
      const where = () => `${row}:${col} of ${JSON.stringify(text)}`;
      const kind = KIND[grid.kind(row, col)];
      if (kindAt(cells, row, col) !== kind) expect(kindAt(cells, row, col), where()).toBe(kind);
      for (const dir of DIRS) {
        const reaches = grid.reaches(row, col, dir);
        if (reachesAt(cells, row, col, dir) !== reaches) {
          expect(reachesAt(cells, row, col, dir), where()).toBe(reaches);
        }
      }
      const i = cellIndex(cells, row, col);
      // A cell the arrays do not hold is one past its row's end: blank.
      if (i < 0) {
        if (kind !== BLANK) expect(grid.kind(row, col), where()).toBe("blank");
        continue;
      }
      const arms = grid.arms(row, col);
      if (cells.arms[i] !== arms) expect(cells.arms[i], where()).toBe(arms);
      const head = grid.head(row, col) ?? 0;
      if (cells.head[i] !== head) expect(cells.head[i], where()).toBe(head);
    }
  }
}

describe("Cells: the grid's answers kept per cell", () => {
  it.each([
    ["box-drawing", "┌──┐  ╭─╮\n│A ├─►│B│\n└──┘  ╰┬╯\n       ▼\n  ┼ ╳ ═"],
    [
      "ASCII, hyphens in words and `v` in a word",
      "+--+     +-+\n|A |-->  |B|\n+--+  x  +-+\n   |  via\n   v\nwell-known <--",
    ],
    ["wide characters, marks, tabs", "漢字 ──► 😀\n\te\u0301 │\n  ▼"],
    ["empty lines and an empty drawing", "\n\n"],
    ["CRLF line ends", "┌─┐\r\n└─┘\r\n"],
  ])("%s", (_name, text) => agrees(text));

  it.each(catalog.diagrams.map((d) => [d.id, d.diagram] as const))(
    "catalog diagram %s, and its ASCII form",
    (_id, diagram) => {
      agrees(diagram);
      agrees(toAscii(diagram));
    },
  );
});

describe("Cells: the arrays", () => {
  it("hold a row's own cells, not the grid's width: they grow with the text", () => {
    // 100,000 columns by 100,001 rows: width × height would be 10 GB a byte per cell.
    const text = `┌${"─".repeat(99_998)}┐\n${"│\n".repeat(100_000)}`;
    const cells = cellsOf(new Grid(text));
    expect(cells.kind.length).toBe(200_000);
    expect(kindAt(cells, 100_000, 0)).toBe(STROKE);
    expect(kindAt(cells, 100_000, 1)).toBe(BLANK);
    expect(cellIndex(cells, 1, 0)).toBe(100_000);
    expect(cellIndex(cells, 1, 1)).toBe(-1);
    expect(cells.rowOf[100_000]).toBe(1);
  });
});

describe("analyse", () => {
  it("gives the grid's outlines, and the same analysis for the same drawing in a row", () => {
    const text = "┌─┐\n│A│\n└─┘";
    const first = analyse(text);
    expect(first.outlines).toEqual(outlines(new Grid(text)));
    expect(analyse(text)).toBe(first);
    const other = analyse(`${text}\n`);
    expect(other).not.toBe(first);
    expect(other.cells.h).toBe(4);
  });
});
