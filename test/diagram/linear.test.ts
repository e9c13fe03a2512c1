import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Grid } from "../../src/diagram/grid.js";
import { lintGrid } from "../../src/diagram/lint.js";
import { toAscii } from "../../src/render/ascii.js";
import { boxRow, cornerColumn, crossedLabel, longLine } from "./shapes.js";

/**
 * Lint's work is counted in cells read (Grid.probes), not timed: a count is the same on
 * every machine, and a quadratic walk shows in it as a ratio that grows with the input
 * (the densest ASCII drawings read about 40 per cell: a `+` asks its four neighbours).
 */
const WORK_PER_CELL = 60;

/** Cells of the laid-out drawing, one per row besides: what linear work is measured by. */
function size(grid: Grid): number {
  let cells = grid.height;
  for (let row = 0; row < grid.height; row++) cells += grid.columns(row);
  return cells;
}

function workPerCell(text: string): number {
  const grid = new Grid(text);
  lintGrid(grid);
  return grid.probes / size(grid);
}

const ALPHABET = [..."─│┌┐└┘├┤┬┴┼╭╮╰╯═║╔╗╚╝━┃▼▲►◄→ ab缓🚀\t+-|v^<>", "e\u0301"];

/**
 * A random drawing made by repeating a random tile down and across, a line of it
 * perhaps drawn out long: repetition is what makes shared edges, long labels crossed
 * by many lines and long lines among short ones.
 */
const drawing = fc
  .record({
    tile: fc.array(fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 8 }), {
      minLength: 1,
      maxLength: 4,
    }),
    down: fc.integer({ min: 1, max: 30 }),
    across: fc.integer({ min: 1, max: 30 }),
    long: fc.option(fc.integer({ min: 0, max: 600 })),
  })
  .map(({ tile, down, across, long }) => {
    const lines: string[] = [];
    for (let i = 0; i < down; i++) {
      for (const row of tile) lines.push(row.join("").repeat(i % 7 === 3 ? 1 : across));
    }
    if (long !== null) lines[long % lines.length] = (lines[0] as string).repeat(across * 4);
    return lines.join("\n");
  });

describe("lint does work linear in its input", () => {
  it("reads each cell a bounded number of times, for random drawings", () => {
    fc.assert(
      fc.property(drawing, fc.boolean(), (text, ascii) => {
        const input = ascii ? toAscii(text) : text;
        expect(workPerCell(input)).toBeLessThanOrEqual(WORK_PER_CELL);
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    ["one 400 KB line among short ones", longLine],
    ["a column of corners on one 400 KB edge", cornerColumn],
    ["a 400 KB label crossed by many lines", crossedLabel],
    ["a 400 KB row of boxes side by side", boxRow],
  ])("%s, Unicode and ASCII", (_name, shape) => {
    const text = shape(400_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(380_000);
    expect(workPerCell(text)).toBeLessThanOrEqual(WORK_PER_CELL);
    expect(workPerCell(toAscii(text))).toBeLessThanOrEqual(WORK_PER_CELL);
  });
});
