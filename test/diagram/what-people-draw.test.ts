import { describe, expect, it } from "vitest";
import { singleSpaced } from "../../src/diagram/graph/text.js";
import { extractGraph, type Graph } from "../../src/diagram/graph.js";
import { graphWarning } from "../../src/render/graph-warning.js";

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
      "`==>` and `<==>` are arrows in an ASCII drawing; `a == b` in a box is text",
      draw(
        "+-------+      +--------+       +-------+",
        "| Nginx | ==>  | a == b | <==>  | Redis |",
        "+-------+      +--------+       +-------+",
      ),
      ["nginx -> a-b", "a-b -> redis", "redis -> a-b"],
    ],
    [
      "a `↓` alone between two rows of text is an edge from one to the other",
      draw("AUTO-COMMIT MODE", "    ↓", "BEGIN TRANSACTION"),
      ["auto-commit-mode -> begin-transaction"],
    ],
    [
      "a `↓` under text with nothing below it is text",
      draw("AUTO-COMMIT MODE", "    ↓", "", "BEGIN TRANSACTION"),
      [],
    ],
    [
      "a drawing double-spaced, a blank row after each, is read as if single-spaced",
      draw("", "Pipeline", "", "├──► Calibration", "", "└──► Software", ""),
      ["pipeline -> calibration", "pipeline -> software"],
    ],
    [
      "ER marks at a line's ends label it, between the boxes past them",
      draw(
        "┌──────┐          ┌───────┐     ┌──────┐",
        "│ User │1────────N│ Order │ 1──*│ Item │",
        "└──────┘          └───────┘     └──────┘",
      ),
      ["user -- order : 1 N", "order -- item : 1 *"],
    ],
    [
      "a `║` or `│` inside a box's label leaves the label to the box",
      draw("┌──────────┐     ┌───┐", "│ a ║ b    │────►│ C │", "└──────────┘     └───┘"),
      ["a-b -> c"],
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

describe("extractGraph: tables and stacks are not graphs", () => {
  it.each([
    [
      "a table",
      draw(
        "┌──────┬───────┐",
        "│ Name │ Value │",
        "├──────┼───────┤",
        "│ a    │ 1     │",
        "│ b    │ 2     │",
        "└──────┴───────┘",
      ),
    ],
    [
      "an ASCII table",
      draw(
        "+------+-------+",
        "| Name | Value |",
        "+------+-------+",
        "| a    | 1     |",
        "+------+-------+",
      ),
    ],
    [
      "a stack of layers",
      draw(
        "┌──────────────┐",
        "│ Presentation │",
        "├──────────────┤",
        "│ Business     │",
        "├──────────────┤",
        "│ Data         │",
        "└──────────────┘",
      ),
    ],
  ])("%s gives no edge", (_, text) => {
    expect(extractGraph(text).edges).toEqual([]);
  });
});

describe("extractGraph: sequence drawings", () => {
  const handshake = draw(
    "┌────────┐          ┌────────┐",
    "│ Client │          │ Server │",
    "└───┬────┘          └───┬────┘",
    "    │   SYN             │",
    "    ├──────────────────►│",
    "    │   SYN-ACK         │",
    "    │◄──────────────────┤",
    "    │   ACK             │",
    "    ├──────────────────►│",
    "    │                   │",
  );

  it("reads lifelines and messages as a sequence: its participants, no flowchart edges", () => {
    const graph = extractGraph(handshake);
    expect(graph.sequence).toBe(true);
    expect(graph.nodes.map((n) => n.label)).toEqual(["Client", "Server"]);
    expect(graph.edges).toEqual([]);
  });

  it("says so on an export, in one line", async () => {
    const warning = await graphWarning("mermaid", handshake, "sysdiag lint");
    expect(warning).toMatch(/^warning: this is a sequence drawing .*no edges$/);
  });

  it("does not take two long lines between boxes for lifelines", () => {
    const text = draw(
      "┌───┐      ┌───┐",
      "│ A │      │ B │",
      "└─┬─┘      └─┬─┘",
      "  │          │",
      "  │          │",
      "  │          │",
      "  ▼          ▼",
      "┌───┐      ┌───┐",
      "│ C ├─────►│ D │",
      "└───┘      └───┘",
    );
    const graph = extractGraph(text);
    expect(graph.sequence).toBeUndefined();
    expect(edges(graph)).toEqual(["a -> c", "b -> d", "c -> d"]);
  });
});

describe("singleSpaced", () => {
  it.each([
    ["a blank row after every drawn row is taken out", "\nA\n\nB\n\nC\n", "\nA\nB\nC\n"],
    ["two drawn rows together leave the drawing as it is", "A\n\nB\nB2\n\nC", "A\n\nB\nB2\n\nC"],
    ["two blank rows together leave it as it is", "A\n\n\nB\n\nC", "A\n\n\nB\n\nC"],
    [
      "a box over a caption (two rows a blank apart) is left alone",
      "Box\n\nCaption",
      "Box\n\nCaption",
    ],
  ])("%s", (_, text, want) => {
    expect(singleSpaced(text)).toBe(want);
  });
});
