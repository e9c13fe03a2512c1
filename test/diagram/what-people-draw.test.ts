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
  ])("%s", (_, text, want) => {
    expect(edges(extractGraph(text))).toEqual(want);
  });

  it("takes a row of wide characters no further than a side can slip", () => {
    const text = draw("┌──────┐", "│ 离线缓存离线缓存离线缓存离线缓存      │", "└──────┘");
    expect(extractGraph(text).nodes.filter((n) => n.kind === "box")).toEqual([]);
  });
});
