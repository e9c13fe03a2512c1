import { describe, expect, it } from "vitest";
import { CONTINUATION, plainWidth as displayWidth, isLoose, layOut } from "../../src/core/width.js";
import { horizontalEdge } from "../../src/diagram/boxes.js";
import {
  ARMS,
  BY_ARMS,
  DCOL,
  DIRS,
  DROW,
  E,
  N,
  OPPOSITE,
  S,
  W,
} from "../../src/diagram/charset.js";
import { classTable, Grid } from "../../src/diagram/grid.js";
import { catalog } from "../helpers.js";
import * as SHAPES from "./shapes.js";

describe("layOut: one cell per terminal column", () => {
  it.each([
    ["narrow text", "ab─┐", ["a", "b", "─", "┐"]],
    ["East Asian wide", "缓存", ["缓", CONTINUATION, "存", CONTINUATION]],
    ["fullwidth forms", "Ａ1", ["Ａ", CONTINUATION, "1"]],
    ["an emoji", "a🚀b", ["a", "🚀", CONTINUATION, "b"]],
    ["an emoji sequence as one", "👩‍💻", ["👩‍💻", CONTINUATION]],
    ["a combining accent on its letter", "Cafe\u0301", ["C", "a", "f", "e\u0301"]],
    ["a zero-width space on the cell before", "a\u200bb", ["a\u200b", "b"]],
    ["a mark after a wide character on it", "缓\u0301", ["缓\u0301", CONTINUATION]],
    ["a tab to the next stop of 8", "ab\tc", ["a", "b", " ", " ", " ", " ", " ", " ", "c"]],
    ["a tab at a stop: a full 8", "\tx", [" ", " ", " ", " ", " ", " ", " ", " ", "x"]],
    ["a tab after a wide character", "缓\tx", ["缓", CONTINUATION, ...Array(6).fill(" "), "x"]],
  ])("%s", (_name, line, cells) => {
    expect(layOut(line)).toEqual(cells);
    expect(displayWidth(line)).toBe(cells.length);
  });
});

describe("Grid", () => {
  const grid = new Grid("│缓存│\r\n└──┘");

  it("lays each line out in display columns, a carriage return dropped", () => {
    expect(grid.width).toBe(6);
    expect(grid.columns(1)).toBe(4);
    expect(grid.at(0, 5)).toBe("│");
  });
  it("makes the second half of a wide character part of its label", () => {
    expect(grid.at(0, 2)).toBe(CONTINUATION);
    expect([1, 2, 3, 4].map((c) => grid.kind(0, c))).toEqual(["label", "label", "label", "label"]);
  });
  it("gives back the text of a column range", () => {
    expect(grid.text(0, 1, 5)).toBe("缓存");
    expect(grid.text(0, 0, 3)).toBe("│缓");
    expect(grid.text(9, 0, 3)).toBe("");
  });
  it("counts the cells it reads", () => {
    const g = new Grid("ab");
    g.kind(0, 0);
    g.at(0, 1);
    expect(g.probes).toBeGreaterThanOrEqual(2);
  });
});

describe("ASCII drawings", () => {
  it("reads `+` arms from its neighbours, `-` and `|` as lines", () => {
    const g = new Grid(["+--+", "|  |", "+--+--> x"].join("\n"));
    expect(g.ascii).toBe(true);
    expect([g.arms(0, 0), g.arms(0, 3), g.arms(2, 0), g.arms(2, 3)]).toEqual([
      E | S,
      S | W,
      N | E,
      N | E | W,
    ]);
    expect(g.kind(1, 0)).toBe("stroke");
    expect(g.head(2, 6)).toBe(E);
  });
  it("leaves a hyphenated word, a sum and a `v` in a word as text", () => {
    const g = new Grid(["+--+", "|a-b a+b via|", "+--+"].join("\n"));
    expect(g.kind(1, 2)).toBe("label");
    expect(g.kind(1, 6)).toBe("label");
    expect(g.kind(1, 9)).toBe("label");
  });
  it("is off for a Unicode drawing and for prose", () => {
    expect(new Grid("┌─┐ a-b +--+").ascii).toBe(false);
    expect(new Grid("a - b | c").ascii).toBe(false);
    expect(new Grid("a - b | c").kind(0, 4)).toBe("label");
  });
});

describe("charset", () => {
  it("gives every box-drawing character but the diagonals its arms", () => {
    const missing: string[] = [];
    for (let code = 0x2500; code <= 0x257f; code++) {
      const char = String.fromCodePoint(code);
      if (!ARMS.has(char)) missing.push(char);
    }
    expect(missing.join("")).toBe("╱╲╳");
  });
  it("holds nothing else: 125 characters, each one code unit of the block", () => {
    expect(ARMS.size).toBe(128 - 3);
    for (const char of ARMS.keys()) expect(/^[\u2500-\u257f]$/.test(char), char).toBe(true);
  });
  it.each([
    ["═", E | W],
    ["║", N | S],
    ["╔", E | S],
    ["┓", S | W],
    ["╚", N | E],
    ["┛", N | W],
    ["╬", N | E | S | W],
    ["╤", E | S | W],
  ])("%s has its arms", (char, arms) => {
    expect(ARMS.get(char)).toBe(arms);
  });
  it("draws each set of arms light", () => {
    expect([...BY_ARMS.values()].slice(0, 11).join("")).toBe("─│┌┐└┘├┤┬┴┼");
  });
});

describe("isLoose: a line laid out a UTF-16 unit a grapheme, without Intl.Segmenter", () => {
  const segmenter = new Intl.Segmenter();
  const graphemes = (text: string) => [...segmenter.segment(text)].length;

  it("passes only characters that Intl.Segmenter parts from any other it passes", () => {
    // Grapheme breaks are decided pair by pair for what it passes (no joiner, no mark, no
    // jamo, no pair of regional indicators): one of each kind stands for all.
    const partners = ["a", "中", "가", "각", "─", "▼", "©", "⌚", "\u0e01", "ｱ", "\u0915"];
    for (const partner of partners) expect(isLoose(partner), partner).toBe(true);
    const passed: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      if (isLoose(char)) passed.push(char);
    }
    expect(passed.length).toBeGreaterThan(50_000);
    // Each between partners (both orders at once), 128 to a string: the segmenter is slow
    // on long strings, and a call per pair is a million calls.
    for (const partner of partners) {
      for (let i = 0; i < passed.length; i += 128) {
        const text = partner + passed.slice(i, i + 128).join(partner) + partner;
        if (graphemes(text) !== text.length) {
          const joined = [...segmenter.segment(text)].find((g) => g.segment.length > 1);
          throw new Error(`${JSON.stringify(joined?.segment)} is one grapheme`);
        }
      }
    }
  });

  it.each([
    ["CJK, Hangul syllables, box drawing", "缓存 가각 ─┐", true],
    ["a combining mark", "e\u0301", false],
    ["a half-width voiced sound mark (a letter that extends)", "ｶ\uff9e", false],
    ["Thai SARA AM (a letter that is a spacing mark)", "\u0e01\u0e33", false],
    ["an Arabic prepended mark", "\u0600\u0661", false],
    ["Hangul jamo, which join", "\u1100\u1161", false],
    ["a zero-width joiner", "a\u200db", false],
    ["a tab, a carriage return and another control (each a grapheme)", "a\tb\rc\u0001", true],
    ["an emoji (beyond the BMP)", "a🚀", false],
    ["a lone surrogate", "a\ud800", false],
  ])("%s", (_name, line, loose) => {
    expect(isLoose(line)).toBe(loose);
    if (loose) expect(graphemes(line)).toBe(line.length);
  });

  it("lays a loose line out as the segmenter would: tabs to their stops, controls on the cell before", () => {
    expect(layOut("中\tx\u0001")).toEqual(["中", CONTINUATION, ...Array(6).fill(" "), "x\u0001"]);
  });
});

describe("layOut of a long line", () => {
  // Segmented in pieces (Intl.Segmenter is not linear on Node 20): no grapheme may be cut.
  it.each([
    ["a mark at a piece's edge", `${"x".repeat(255)}e\u0301中`, 255, "e\u0301"],
    ["a joined emoji at a piece's edge", `${"x".repeat(254)}👩\u200d💻中`, 254, "👩\u200d💻"],
    ["a variation selector at a piece's edge", `${"x".repeat(255)}☁\ufe0f中`, 255, "☁\ufe0f"],
    // क ् and a joiner, then ष at the piece's edge: one conjunct (Unicode 15.1, GB9c).
    ["a conjunct joined at a piece's edge", `${"x".repeat(253)}क्\u200dष中`, 253, "क्\u200dष"],
  ])("keeps %s whole", (_name, line, at, cell) => {
    const cells = layOut(line);
    expect(cells[at]).toBe(cell);
    expect(cells.at(-2)).toBe("中");
    expect(cells.join("")).toBe(line);
  });

  it("parts a joiner from a letter after it, where a piece may end", () => {
    // Each `a` and its joiner is one grapheme: a piece ends between them and the next `a`.
    const cells = layOut(`${"a\u200d".repeat(300)}中`);
    expect(cells).toHaveLength(302);
    expect(cells.slice(0, 300).every((cell) => cell === "a\u200d")).toBe(true);
  });

  it("lays out 100,000 narrow characters and a wide one", () => {
    const cells = layOut(`${"x".repeat(100_000)}中`);
    expect(cells).toHaveLength(100_002);
  });
});

describe("Grid's flat cells, against a cell-by-cell reading", () => {
  // Narrow rows, a wide row, CRLF, a tab, an empty line, a last line without a newline,
  // and an ASCII drawing (classed by its neighbours).
  const texts = [
    "┌──┐\n│ab│\n└──┘\n",
    "┌─缓存─┐\r\n│ ── │\r\n\r\n└─┬──┘ ──▶ x",
    "a\t──┐\n  ──┘ ▲\n",
    "+--+\n|  |--> x\n+--+",
    "",
    "\n\n──",
    `+--+\n${"x\n".repeat(40)}+-+ +--+\n|  |`,
    "┌┐ ┌─┐\n└┘ 缓┌┐\n┌┐ └┘",
    "┌──┐  ╭─╮\n│A ├─►│B│\n└──┘  ╰┬╯\n       ▼\n  ┼ ╳ ═",
    "漢字 ──► 😀\n\te\u0301 │\n  ▼\n┌─┐ ─┐",
    // Every catalog diagram, and each shape of test/diagram/shapes.ts larger than one.
    ...catalog.diagrams.map((d) => d.diagram),
    ...Object.values(SHAPES).map((shape) => shape(3000)),
  ];
  const across = classTable(
    (arms, head) => (arms & (E | W)) === (E | W) || head === N || head === S,
  );

  it.each(texts.map((t) => [JSON.stringify(t.slice(0, 60)), t]))("%s", (_, text) => {
    const grid = new Grid(text);
    // A Unicode drawing's strokes are found by searching its text: each cell is still
    // what its character is.
    if (!grid.ascii) {
      for (let row = 0; row < grid.height; row++) {
        for (let col = 0; col < grid.columns(row); col++) {
          const cell = grid.at(row, col);
          expect(grid.arms(row, col), `${row}:${col}`).toBe(ARMS.get(cell) ?? 0);
        }
      }
    }
    const places = new Set<number>();
    for (let row = 0; row < grid.height; row++) {
      expect(grid.cellAt(row, -1)).toBe(-1);
      expect(grid.cellAt(row, grid.columns(row))).toBe(-1);
      const ends = new Int32Array(grid.placeCount);
      grid.runsAcross(row, across, ends);
      for (let col = 0; col < grid.columns(row); col++) {
        const at = grid.cellAt(row, col);
        expect(at).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThan(grid.placeCount);
        expect(places.has(at)).toBe(false);
        places.add(at);
        // The run's end, counted cell by cell.
        let end = col;
        while (end < grid.columns(row) && horizontalEdge(grid, row, end)) end++;
        const found = ends[at] as number;
        expect(found === 0 ? col : found - 1 - (at - col), `${row}:${col}`).toBe(end);
      }
    }
    expect(grid.cellAt(-1, 0)).toBe(-1);
    expect(grid.cellAt(grid.height, 0)).toBe(-1);
    // Loose ends: heads, and strokes with an arm the next cell does not reach back along.
    const loose: number[] = [];
    for (let row = 0; row < grid.height; row++) {
      for (let col = 0; col < grid.columns(row); col++) {
        const arms = grid.arms(row, col);
        const open = DIRS.some(
          (d) => (arms & d) !== 0 && !grid.reaches(row + DROW[d], col + DCOL[d], OPPOSITE[d]),
        );
        if (grid.head(row, col) !== undefined || open) loose.push(row, col);
      }
    }
    expect(grid.looseEnds()).toEqual(loose);
    // Strokes by their arms, in reading order.
    for (let arms = 1; arms < 16; arms++) {
      const strokes: number[] = [];
      for (let row = 0; row < grid.height; row++) {
        for (let col = 0; col < grid.columns(row); col++) {
          if (grid.arms(row, col) === arms) strokes.push(row, col);
        }
      }
      expect(grid.strokesWith(arms), `arms ${arms}`).toEqual(strokes);
    }
  });
  it("refuses a table that passes text", () => {
    const grid = new Grid("┌─┐ a");
    expect(() =>
      grid.runsAcross(
        0,
        classTable(() => true),
        new Int32Array(grid.placeCount),
      ),
    ).toThrow("a table passing text");
  });
});
