import { extractGraph, type Graph } from "../../src/diagram/graph.js";
import { catalog } from "../helpers.js";

/** Every catalog diagram's graph, with the title its writers are given. */
export const catalogGraphs = catalog.diagrams.map((d) => ({
  id: d.id,
  title: d.title,
  graph: extractGraph(d.diagram),
}));

/**
 * Labels that break a writer that does not escape: quotes, brackets, `;`, `#`, `|`,
 * backslashes, substitutions, entities, keywords as ids and labels, CJK, an empty label,
 * a line break, a box in a box in a box, and an edge to a box that has boxes in it.
 */
export const NASTY: Graph = {
  nodes: [
    {
      id: "end",
      label: 'He said "hi" [x] (y) {z} ; # \\ 日本語 <b> & `t` \u0024{v} | a --> b',
      kind: "box",
    },
    { id: "class", label: "end", kind: "box", parent: "end" },
    { id: "style-2", label: "subgraph\nline two", kind: "text" },
    { id: "graph", label: "", kind: "box", parent: "class" },
    { id: "box-5", label: "#quot; &amp; \\n %% ;; -- -> :", kind: "box" },
  ],
  edges: [
    { from: "class", to: "style-2", label: 'l "q" ; # \\ \u0024{x} |p| 中文', directed: true },
    { from: "end", to: "style-2", directed: false },
    { from: "graph", to: "box-5", label: "a]b[c{d}e(f)g", directed: true },
    { from: "box-5", to: "end", label: "%% not a comment", directed: false },
  ],
};
