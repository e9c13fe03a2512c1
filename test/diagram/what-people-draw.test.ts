import { describe, expect, it } from "vitest";
import { extractGraph, type Graph } from "../../src/diagram/graph.js";

/** Slips and styles seen in real drawings (test/diagram/real/), each read as its author meant. */

const draw = (...lines: string[]) => lines.join("\n");
const edges = (graph: Graph) =>
  graph.edges.map(
    (e) => `${e.from} ${e.directed ? "->" : "--"} ${e.to}${e.label ? ` : ${e.label}` : ""}`,
  );

describe("extractGraph: boxes drawn with a slip", () => {
  it.each([
    [
      "a side two columns right after a row of CJK text is still the box",
      draw(
        "┌─────────────────────────────┐",
        "│  App                        │",
        "│  本地DB: 离线缓存 + 本地歌曲  │",
        "└───────────┬─────────────────┘",
        "            │",
        "            ▼",
        "        ┌───────┐",
        "        │ API   │",
        "        └───────┘",
      ),
      ["app-db -> api"],
    ],
    [
      "nested boxes whose sides shift right past wide characters are all boxes",
      draw(
        "┌─────────────────────────────────┐",
        "│ ┌──────────┐ ┌──────────────┐ │",
        "│ │ admin/   │ │  Service     │ │",
        "│ │ 管理页面  │ │  业务逻辑     │ │",
        "│ └──┬───────┘ └──────┬───────┘ │",
        "│    └────────────────┘          │",
        "└─────────────────────────────────┘",
      ),
      ["admin -- service"],
    ],
    [
      "an ASCII box whose top and bottom rows sit a column left of its sides",
      draw(
        "+------+      +--------+",
        "| A    +----->+ B      |",
        "+------+      +--------+",
        "                  |",
        "                  v",
        "              +--------+",
        "               | C      |",
        "              +--------+",
      ),
      ["a -> b", "b -> c"],
    ],
    [
      "a head set in a box's top two columns off the line that reaches it is that line's",
      draw(
        "     ┌───┐",
        "     │ A │",
        "     └─┬─┘",
        "   ┌───┴───┐",
        "   │       │",
        "┌──▼──┐ ┌▼────┐",
        "│ B   │ │ C   │",
        "└─────┘ └─────┘",
      ),
      ["a -> b", "a -> c"],
    ],
  ])("%s", (_, text, want) => {
    expect(edges(extractGraph(text))).toEqual(want);
  });

  it("takes a row of wide characters no further than a side can slip", () => {
    const text = draw("┌──────┐", "│ 离线缓存离线缓存离线缓存离线缓存      │", "└──────┘");
    expect(extractGraph(text).nodes.filter((n) => n.kind === "box")).toEqual([]);
  });
});

describe("extractGraph: labels written into lines, text arrows, decisions", () => {
  it.each([
    [
      "a label written into a line labels it (`──── Extract Audio ────►`)",
      draw(
        "┌───────┐                            ┌──────┐",
        "│ Video │──── Extract Audio ────────►│ Text │",
        "└───────┘                            └──────┘",
      ),
      ["video -> text : Extract Audio"],
    ],
    [
      "a label written into a line going down labels it",
      draw("┌───┐", "│ A │", "└─┬─┘", "  │", " pay", "  ▼", "┌───┐", "│ B │", "└───┘"),
      ["a -> b : pay"],
    ],
    [
      "`──► Server ──►` is a chain through a text node, as drawn",
      draw("┌────────┐", "│ Client │──► Server ──► DB", "└────────┘"),
      ["client -> server", "server -> db"],
    ],
    [
      "`──→` ends in a head, as `──►` does",
      draw("┌───┐       ┌───┐", "│ A │──────→│ B │", "└───┘       └───┘"),
      ["a -> b"],
    ],
    [
      "a `↓` under a line is its head",
      draw("┌───┐", "│ A │", "└─┬─┘", "  ↓", "┌───┐", "│ B │", "└───┘"),
      ["a -> b"],
    ],
    [
      "an arrow in a label is text, and an annotation `← note` beside a box no edge",
      draw("┌─────────────┐", "│ App → Cache │  ← note", "└─────────────┘"),
      [],
    ],
    [
      "a decision drawn as `╱──╲ < text > ╲──╱` is a node, its branches labelled",
      draw(
        "   ╱──────╲",
        "  < Valid? >",
        "   ╲──┬───╱",
        "  ┌───┴────┐",
        " yes       no",
        "  ▼        ▼",
        "┌────┐  ┌─────┐",
        "│ Go │  │ Err │",
        "└────┘  └─────┘",
      ),
      ["valid -> go : yes", "valid -> err : no"],
    ],
  ])("%s", (_, text, want) => {
    expect(edges(extractGraph(text))).toEqual(want);
  });
});
