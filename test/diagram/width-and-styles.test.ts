import { describe, expect, it } from "vitest";
import { findBoxes } from "../../src/diagram/boxes.js";
import { BOX_DRAWING } from "../../src/diagram/charset.js";
import { Grid } from "../../src/diagram/grid.js";
import { lintDiagram } from "../../src/diagram/lint.js";
import { isDrawing } from "../../src/document/blocks.js";
import { toAscii } from "../../src/render/ascii.js";
import { catalog } from "../helpers.js";

const rules = (lines: string[]) =>
  lintDiagram(lines.join("\n")).map((d) => `${d.line}:${d.column} ${d.rule}`);
const boxes = (lines: string[]) => findBoxes(new Grid(lines.join("\n")));

describe("lint measures labels as a terminal shows them", () => {
  it.each([
    ["CJK drawn to display width", ["┌──────┐", "│ 缓存 │", "└──────┘"]],
    ["CJK beside a box", ["缓存 ┌─┐", "缓存 │a│", "缓存 └─┘"]],
    ["an emoji drawn to display width", ["┌────────┐", "│ 🚀 App │", "└────────┘"]],
    ["a combining accent", ["┌──────┐", "│ Cafe\u0301 │", "└──────┘"]],
    ["a tab to column 8", ["┌──────────┐", "│\tX  │", "└──────────┘"]],
    ["fullwidth text under an arrow", ["┌──────┐", "│ ＡＢ │", "└──┬───┘", "   ▼", " 数据库"]],
  ])("%s is sound", (_name, lines) => {
    expect(rules(lines)).toEqual([]);
    expect(boxes(lines)).toHaveLength(1);
  });

  it.each([
    ["CJK drawn to character count", ["┌────┐", "│ 缓存 │", "└────┘"], ["2:6 box-right"]],
    [
      "an emoji drawn to character count",
      ["┌───────┐", "│ 🚀 App │", "└───────┘"],
      ["2:9 box-right"],
    ],
    ["a tab counted as one column", ["┌────┐", "│\tX  │", "└────┘"], ["2:6 box-right"]],
    [
      "a box after CJK, in display columns",
      ["缓存 ┌─┐", "缓存 │a │", "缓存 └─┘"],
      ["2:8 box-right"],
    ],
  ])("%s is broken", (_name, lines, expected) => {
    expect(rules(lines)).toEqual(expected);
    expect(boxes(lines)).toEqual([]);
  });

  it("names a wide character in a message whole", () => {
    const [defect] = lintDiagram(["┌────┐", "│ 缓存 缓│", "└────┘"].join("\n"));
    expect(defect?.message).toBe("the label crosses the right edge of the box at '存'");
  });
});

describe("box styles, all traced by the one tracer", () => {
  it.each([
    ["rounded", ["╭───╮", "│ A │", "╰───╯"]],
    ["double", ["╔═══╗", "║ A ║", "╚═══╝"]],
    ["heavy", ["┏━━━┓", "┃ A ┃", "┗━━━┛"]],
    ["mixed: double top, single sides", ["╒═══╕", "│ A │", "╘═══╛"]],
    ["a titled frame", ["╭── Title ──╮", "│ body      │", "╰───────────╯"]],
    [
      "a titled frame of two words",
      ["┌─ Load Balancer ─┐", "│                 │", "└─────────────────┘"],
    ],
    ["a titled frame in CJK", ["╭── 缓存 ──╮", "│          │", "╰──────────╯"]],
    ["an ASCII box", ["+---+", "| A |", "+---+"]],
    ["an ASCII box fed by an arrow", ["  |", "  v", "+---+", "| A |", "+---+"]],
  ])("%s: found, and clean", (_name, lines) => {
    expect(boxes(lines)).toHaveLength(1);
    expect(rules(lines)).toEqual([]);
  });

  it.each([
    ["double", ["╔═══╗", "║ A  ║", "╚═══╝"], ["2:5 box-right"]],
    ["heavy", ["┏━━━┓", "┃ A ┃", "┗━━┛"], ["3:4 box-bottom"]],
    ["ASCII", ["+---+", "| A  |", "+---+"], ["2:5 box-right"]],
    ["ASCII, bottom short", ["+---+", "| A |", "+--+"], ["3:4 box-bottom"]],
    ["a titled frame with no corner", ["╭── Title ──", "│ A", "╰──"], ["1:4 box-top"]],
  ])("a broken %s box is reported", (_name, lines, expected) => {
    expect(rules(lines)).toEqual(expected);
  });

  it("does not bridge a top edge to a far stroke across prose", () => {
    expect(rules(["┌──   far  away   ──┐", "│ A │", "└───┘"])).toEqual(["1:4 box-top"]);
  });
});

describe("one finding per slip", () => {
  it("reports a right edge out on many lines once", () => {
    const lines = ["┌─────┐", "│ App  │", "│ Db   │", "│ Q    │", "└─────┘"];
    const found = lintDiagram(lines.join("\n")).filter((d) => d.rule === "box-right");
    expect(found).toEqual([
      {
        line: 2,
        column: 7,
        rule: "box-right",
        message:
          "right edge of the box is at column 8, its corner at column 7 (on 3 lines from here)",
      },
    ]);
  });

  it("reports a box side out of line by the box alone, not by the gaps it leaves", () => {
    // The source document's monolith: an inner and an outer box, each a column wide on some lines.
    const monolith = catalog.diagrams.find((d) => d.id === "monolith")?.original as string;
    expect(lintDiagram(monolith).map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      "6:43 box-right",
      "16:40 box-right",
    ]);
    // A gap with no box side out of line beside it is still a gap.
    expect(
      lintDiagram(["┌───┐", "│ A ├─ ──┐", "└───┘    │"].join("\n")).map((d) => d.rule),
    ).toEqual(["gap", "gap"]);
  });

  it("suggests a junction in the drawing's own characters", () => {
    const ascii = lintDiagram(["+----+", "| A  |---|", "+----+   |"].join("\n"));
    expect(ascii.map((d) => d.message)).toEqual([
      "'-' meets '|' without a junction (expected '+')",
      "'-' meets '|' without a junction (expected '+')",
    ]);
    const light = lintDiagram(["┌────┐", "│ A  │───│", "└────┘   │"].join("\n"));
    expect(light.map((d) => d.message)).toEqual([
      "'─' meets '│' without a junction (expected '├')",
      "'─' meets '│' without a junction (expected '┤')",
    ]);
  });
});

describe("an ASCII diagram lints as its Unicode original", () => {
  it.each(catalog.diagrams.map((d) => [d.id, d.original ?? d.diagram, d.diagram] as const))(
    "%s",
    (_id, original, diagram) => {
      const ascii = toAscii(diagram);
      expect(lintDiagram(ascii)).toEqual([]);
      expect(findBoxes(new Grid(ascii))).toEqual(findBoxes(new Grid(diagram)));
      // A diagram drawn with lines still draws them in ASCII. (One of text and arrows
      // alone, as lb-algorithms' list, becomes text and `>`: no drawing left to find.)
      if (BOX_DRAWING.test(diagram)) expect(isDrawing(ascii)).toBe(isDrawing(diagram));
      if (original !== diagram) {
        const where = (text: string) => lintDiagram(text).length > 0;
        expect(where(toAscii(original))).toBe(where(original));
      }
    },
  );

  it("finds `sysdiag --ascii show cqrs --raw` a drawing with its boxes", () => {
    const cqrs = catalog.diagrams.find((d) => d.id === "cqrs");
    const ascii = toAscii(cqrs?.diagram ?? "");
    expect(isDrawing(ascii)).toBe(true);
    expect(findBoxes(new Grid(ascii)).length).toBeGreaterThan(2);
  });
});

describe("drawings that are not boxes and lines are not defects", () => {
  it.each([
    [
      "a chart's axes, each ending in a head",
      [" ▲", " │    *", " │  *", " └──────────►", "   time"],
    ],
    ["a ruler of ticks under a timeline", ["····────X────····", "├───┼───┼───┤"]],
    ["a ruler with its numbers", ["┼───┬───┬───┼", "0   1   2   3"]],
    ["a tree", ["root", "├── a", "│   └── b", "└── c"]],
  ])("%s", (_what, lines) => {
    expect(lintDiagram(lines.join("\n"))).toEqual([]);
  });

  it.each([
    ["one arrow out of a box, at nothing", ["┌───┐", "│ A ├──►", "└───┘"], ["2:8 arrow-target"]],
    [
      "two arrows at nothing, not at a right angle from one corner",
      ["┌───┐", "│ A ├──►", "└─┬─┘", "  │", "  ▼"],
      ["2:8 arrow-target", "5:3 arrow-target"],
    ],
    ["a line meeting another without a junction", ["──────", "   │", "   │"], ["1:4 junction"]],
  ])("but %s is", (_what, lines, expected) => {
    expect(lintDiagram(lines.join("\n")).map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(
      expected,
    );
  });
});
