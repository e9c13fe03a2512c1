import { describe, expect, it } from "vitest";
import { GraphTooLargeError } from "../../src/core/errors.js";
import { extractGraph, type Graph, slug } from "../../src/diagram/graph.js";
import { catalog } from "../helpers.js";
import { labelsBesideLine, longTopLine, textUnderLines } from "./shapes.js";

const draw = (...lines: string[]) => lines.join("\n");
const edges = (graph: Graph) =>
  graph.edges.map(
    (e) => `${e.from} ${e.directed ? "->" : "--"} ${e.to}${e.label ? ` : ${e.label}` : ""}`,
  );
const nodes = (graph: Graph) =>
  graph.nodes.map(
    (n) => `${n.id}${n.kind === "text" ? " (text)" : ""}${n.parent ? ` < ${n.parent}` : ""}`,
  );
const diagram = (id: string) => catalog.diagrams.find((d) => d.id === id)?.diagram as string;

describe("extractGraph: edges", () => {
  it.each([
    [
      "one ┬ fanning out to four boxes is four edges",
      draw(
        "        ┌─────┐",
        "        │ Hub │",
        "        └──┬──┘",
        "  ┌─────┬──┴──┬─────┐",
        "  ▼     ▼     ▼     ▼",
        "┌───┐ ┌───┐ ┌───┐ ┌───┐",
        "│ A │ │ B │ │ C │ │ D │",
        "└───┘ └───┘ └───┘ └───┘",
      ),
      ["hub -> a", "hub -> b", "hub -> c", "hub -> d"],
    ],
    [
      "three clients merging at a ┼ into one gateway are three edges",
      draw(
        "┌────┐  ┌────┐  ┌────┐",
        "│ C1 │  │ C2 │  │ C3 │",
        "└─┬──┘  └─┬──┘  └─┬──┘",
        "  └───────┼───────┘",
        "          ▼",
        "     ┌─────────┐",
        "     │ Gateway │",
        "     └─────────┘",
      ),
      ["c1 -> gateway", "c2 -> gateway", "c3 -> gateway"],
    ],
    [
      "two lines that only cross at a ┼ stay two edges",
      draw(
        "      ┌───┐",
        "      │ N │",
        "      └─┬─┘",
        "┌───┐   │   ┌───┐",
        "│ W ├───┼──►│ E │",
        "└───┘   │   └───┘",
        "        ▼",
        "      ┌───┐",
        "      │ S │",
        "      └───┘",
      ),
      ["n -> s", "w -> e"],
    ],
    [
      "a line with no head is undirected; heads at both ends go both ways",
      draw("┌───┐   ┌───┐   ┌───┐", "│ A ├───┤ B │◄─►│ C │", "└───┘   └───┘   └───┘"),
      ["a -- b", "b -> c", "c -> b"],
    ],
    [
      "a path followed round corners, with a head on the target's outline",
      draw(
        "┌───┐",
        "│ A ├──────┐",
        "└───┘      │",
        "     ┌─────▼─┐",
        "     │   B   │",
        "     └───────┘",
      ),
      ["a -> b"],
    ],
    [
      "an arrow pointing back up the drawing",
      draw("┌───┐", "│ A │", "└─▲─┘", "  │", "┌─┴─┐", "│ B │", "└───┘"),
      ["b -> a"],
    ],
    [
      "a line that stops short of any box is no edge",
      draw("┌───┐", "│ A │", "└─┬─┘", "  │", "  ▼", "", "┌───┐", "│ B │", "└───┘"),
      [],
    ],
  ])("%s", (_, text, want) => {
    expect(edges(extractGraph(text))).toEqual(want);
  });
});

describe("extractGraph: text nodes and edge labels", () => {
  it.each([
    [
      "`└──► Complete` makes loose text a text node",
      draw("┌──────┐", "│ Pay  │", "└──┬───┘", "   │", "   └──► Complete"),
      ["pay", "complete (text)"],
      ["pay -> complete"],
    ],
    [
      "text flows with no boxes at all",
      draw(
        "Client Request",
        "    │",
        "    ▼",
        "Load Balancer",
        "    │",
        "    ├───► Auth",
        "    ▼",
        "API Server",
      ),
      ["client-request (text)", "load-balancer (text)", "auth (text)", "api-server (text)"],
      ["client-request -> load-balancer", "load-balancer -> auth", "load-balancer -> api-server"],
    ],
    [
      "labels beside a vertical line, joined line by line",
      draw("┌───┐", "│ A │", "└─┬─┘", "  │ Write to", "  │ both", "  ▼", "┌───┐", "│ B │", "└───┘"),
      ["a", "b"],
      ["a -> b : Write to both"],
    ],
    [
      "a label written above a horizontal line",
      draw("        HTTP", "┌───┐          ┌───┐", "│ A ├─────────►│ B │", "└───┘          └───┘"),
      ["a", "b"],
      ["a -> b : HTTP"],
    ],
    [
      "each branch of a fork keeps its own label",
      draw(
        "┌───┐",
        "│ S │",
        "└─┬─┘",
        "  └─┬────┐",
        "    │Yes │ No",
        "    ▼    ▼",
        "  ┌───┐┌───┐",
        "  │ T ││ F │",
        "  └───┘└───┘",
      ),
      ["s", "t", "f"],
      ["s -> t : Yes", "s -> f : No"],
    ],
  ])("%s", (_, text, wantNodes, wantEdges) => {
    const graph = extractGraph(text);
    expect(nodes(graph)).toEqual(wantNodes);
    expect(edges(graph)).toEqual(wantEdges);
  });

  it("does not take the saga's `┌───┴───┐ │Success│` for a box: Success labels the edge", () => {
    const graph = extractGraph(diagram("saga"));
    expect(graph.nodes.map((n) => n.label)).toEqual([
      "Order Service",
      "Inventory Service",
      "Payment Service",
      "Compensate (Rollback)",
      "Complete",
    ]);
    expect(edges(graph)).toEqual([
      "order-service -> inventory-service : Create Order",
      "inventory-service -> payment-service : Reserve Items",
      "payment-service -> compensate-rollback : Failed",
      "payment-service -> complete : Success",
    ]);
  });
});

describe("extractGraph: nodes", () => {
  it("gives a box inside a box its parent, and a text node the box it is written in", () => {
    const text = draw(
      "┌─────────────────────┐",
      "│ VPC                 │",
      "│ ┌────────┐          │",
      "│ │ Subnet │          │",
      "│ │ ┌────┐ │          │",
      "│ │ │ VM │ │          │",
      "│ │ └─┬──┘ │          │",
      "│ └───┼────┘          │",
      "│     └──► Internet   │",
      "└─────────────────────┘",
    );
    const graph = extractGraph(text);
    expect(nodes(graph)).toEqual(["vpc", "subnet < vpc", "vm < subnet", "internet (text) < vpc"]);
  });

  it("names nodes by their labels, in reading order, unique and readable", () => {
    const text = draw(
      "┌──────────────┐ ┌──────────────┐ ┌────┐ ┌──────┐",
      "│ API Gateway  │ │ API Gateway  │ │    │ │ Café │",
      "│ (v2)         │ │ (v2)         │ │    │ │      │",
      "└──────────────┘ └──────────────┘ └────┘ └──────┘",
    );
    expect(extractGraph(text).nodes.map((n) => [n.id, n.label])).toEqual([
      ["api-gateway-v2", "API Gateway (v2)"],
      ["api-gateway-v2-2", "API Gateway (v2)"],
      ["box-3", ""],
      ["cafe", "Café"],
    ]);
  });

  it.each([
    ["API Gateway", "api-gateway"],
    ["  Redis (Cache) ", "redis-cache"],
    ["Crème brûlée", "creme-brulee"],
    ["日本", ""],
    ["10.0.0.0/16", "10-0-0-0-16"],
  ])("slug(%j) is %j", (label, want) => {
    expect(slug(label)).toBe(want);
  });

  it("slugs as the chain of patterns it replaced, for ASCII and beyond", () => {
    const byPatterns = (label: string) =>
      label
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
    const labels = [
      "",
      "-",
      "--a--",
      "A-B",
      "a  b",
      "İstanbul",
      "ǅemal",
      "ﬁle",
      "Ⅻ",
      "x²",
      "Ａｐｐ",
    ];
    for (let code = 0; code < 0x250; code++) labels.push(`a${String.fromCharCode(code)}b`);
    for (const label of labels) expect(slug(label), label).toBe(byPatterns(label));
  });

  it("reads every catalog diagram without throwing, with edges only between its own nodes", () => {
    for (const entry of catalog.diagrams) {
      const graph = extractGraph(entry.diagram);
      const ids = new Set(graph.nodes.map((n) => n.id));
      expect(ids.size, entry.id).toBe(graph.nodes.length);
      for (const e of graph.edges) {
        expect(ids.has(e.from) && ids.has(e.to) && e.from !== e.to, entry.id).toBe(true);
      }
    }
  });
});

describe("an ASCII drawing", () => {
  it("gives the same graph as its Unicode original, for every catalog diagram", async () => {
    const { toAscii } = await import("../../src/render/ascii.js");
    const { catalog } = await import("../helpers.js");
    let edges = 0;
    for (const entry of catalog.diagrams) {
      const unicode = extractGraph(entry.diagram);
      expect(extractGraph(toAscii(entry.diagram)), entry.id).toEqual(unicode);
      edges += unicode.edges.length;
    }
    expect(edges).toBeGreaterThan(100);
  });
});

/**
 * Drawings that made the extractor quadratic or worse (or a graph that grows with the
 * square of the drawing), at the largest size a drawing may have: each must be read
 * right, and a graph past the documented limits is refused, not built. Their times at
 * two sizes are in `npm run bench`.
 */
describe("extractGraph at any size", () => {
  const MAX = 250_000;

  it("reads the labels beside one long line as that line's label", () => {
    const text = labelsBesideLine(MAX);
    const rows = text.split("\n").length - 4;
    const graph = extractGraph(text);
    expect(graph.nodes.map((n) => n.id)).toEqual(["box-1", "box-2"]);
    expect(graph.edges).toHaveLength(1);
    expect(graph.edges[0]?.label).toBe(Array(rows).fill("a").join(" "));
  });

  it("joins the text under each of many short lines to its line", () => {
    const text = textUnderLines(MAX);
    const blocks = text.split("\n\n").length - 1;
    const graph = extractGraph(text);
    expect(graph.nodes).toHaveLength(200 * blocks);
    expect(graph.nodes.every((n) => n.kind === "text" && n.label === "a")).toBe(true);
  });

  it("takes the text under a bus of many branches for its labels", () => {
    const k = MAX / 8;
    const text = `┌─┐\n│s│\n└┬┘\n └${"──┬".repeat(k)}\n  ${"  │".repeat(k)}\n  ${"  x".repeat(k)}`;
    const graph = extractGraph(text);
    expect(graph.nodes.map((n) => n.id)).toEqual(["s"]);
    expect(graph.edges).toEqual([]);
  });

  const heads = (k: number, above = "") =>
    `${above ? ` ${above.repeat(k)}\n` : ""} ${"──┬".repeat(k)}\n ${"  ▼".repeat(k)}\n ${"  x".repeat(k)}`;

  it("makes each way between the heads of a bus, up to 100,000 edges", () => {
    // 316 heads make 316 × 315 = 99,540 edges, 317 make 100,172.
    expect(extractGraph(heads(316)).edges).toHaveLength(316 * 315);
    expect(() => extractGraph(heads(317))).toThrow(
      /^the drawing is too large to read as a graph: its lines make more than 100,000 edges/,
    );
    expect(() => extractGraph(heads(MAX / 8))).toThrow(GraphTooLargeError);
  });

  it("writes a label on every edge of its path, up to 1,000,000 characters in all", () => {
    // Text over the bus's trunk reaches no node of its own: it labels all 60 × 59 edges,
    // but for the last, which is beside the bend down to the last head.
    const graph = extractGraph(heads(60, " l "));
    expect(graph.edges).toHaveLength(60 * 59);
    expect(graph.edges[0]?.label).toBe(Array(59).fill("l").join(" "));
    // 100 one-letter labels on 100 × 99 edges: two million characters.
    expect(() => extractGraph(heads(100, " l "))).toThrow(
      /its edge labels come to more than 1,000,000 characters/,
    );
  });

  it("merges the labels of two lines between the same boxes, however many", () => {
    // 140,000 labels on one edge: merged one by one (as arguments, they overflowed the stack).
    const rows = 70_000;
    const text = [
      "┌─┐ ┌─┐",
      "│A│►│B│",
      "└┬┘ └─┘",
      " │   ▲",
      ...Array(rows).fill(" │x  │x"),
      " └───┘",
    ];
    const graph = extractGraph(text.join("\n"));
    expect(edges(graph)).toHaveLength(1);
    expect(graph.edges[0]?.label?.length).toBe(2 * rows * 2 - 1);
  });

  it("reads a long top line over many short lines", () => {
    const graph = extractGraph(longTopLine(MAX));
    expect([graph.nodes, graph.edges]).toEqual([[], []]);
  });
});

describe("extractGraph: what people draw", () => {
  it.each([
    [
      "a head one blank short of a box attaches to it",
      draw("┌───┐       ┌───┐", "│ A │ ───▶ │ B │", "└───┘       └───┘"),
      ["a -> b"],
    ],
    [
      "an ASCII head two blanks short of a box, and a tail one blank off, attach",
      draw("+---+      +---+", "| A | -->  | B |", "+---+      +---+"),
      ["a -> b"],
    ],
    [
      "a line three blanks off a box does not reach it",
      draw("┌───┐         ┌───┐", "│ A │ ───▶    │ B │", "└───┘         └───┘"),
      [],
    ],
    [
      "a right side one column off on one row is still the box, and its edges stay",
      draw(
        "┌─────────┐      ┌───┐",
        "│ Left     │────▶│ R │",
        "│ box     │      └───┘",
        "└─────────┘",
      ),
      ["left-box -> r"],
    ],
    [
      "a box whose sides and bottom corner all sit one column right of its top",
      draw("┌──────┐", "│  Top  │", "└──┬────┘", "   │", "   ▼", "┌─────┐", "│ Low │", "└─────┘"),
      ["top -> low"],
    ],
  ])("%s", (_, text, expected) => {
    expect(edges(extractGraph(text))).toEqual(expected);
  });

  it("joins a word broken over two lines at a hyphen, and keeps list dashes", () => {
    const graph = extractGraph(
      draw(
        "┌───────┐  ┌──────────┐",
        "│ Inter-│──│ Cart     │",
        "│ connect│  │ - Items  │",
        "└───────┘  └──────────┘",
      ),
    );
    expect(graph.nodes.map((n) => n.label)).toEqual(["Interconnect", "Cart - Items"]);
  });
});
