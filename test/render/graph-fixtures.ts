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

/**
 * Labels that are syntax to a reader of the writers' output (issue 26): a Mermaid directive
 * that would restyle the page, a comment, a style or class statement, a click handler, HTML
 * and its entities, Mermaid's entity codes, Markdown, D2 substitutions and imports, Graphviz's
 * escapes. Each must come out of the other tool as the text it is.
 */
export const HOSTILE_LABELS = [
  '%%{init: {"theme":"dark","themeCSS":".node rect{fill:url(https://evil.example/x)}"}}%%',
  "%%{init: {}}%%",
  "style fill:#f00",
  "classDef x fill:#f00;",
  "%% a comment",
  "&lt;b&gt; &amp; &#35; &nbsp;",
  "<img src=x onerror=alert(1)>",
  'click n_b href "javascript:alert(1)"',
  "n_a:::x",
  "@{ shape: circle }",
  "#quot; #35; #lt;",
  "`**md**` *em* _u_",
  "a --> b ; end",
  "[x] (y) {z} |p| \\ \\n \\N \\G",
  "\u0024{x} $x ...@import *",
  "99.9% at 10:30",
];

/** A graph of every hostile label, on boxes, a text node, a box in a box and edges, and ids D2 keeps for boards. */
export const HOSTILE: Graph = {
  nodes: [
    ...HOSTILE_LABELS.map((label, i) => ({
      id: `h-${i}`,
      label,
      kind: i % 5 === 4 ? ("text" as const) : ("box" as const),
      ...(i === 2 ? { parent: "steps" } : {}),
    })),
    { id: "steps", label: "Steps", kind: "box" },
    { id: "layers", label: "Layers", kind: "box" },
    { id: "scenarios", label: "Scenarios", kind: "box" },
  ],
  edges: [
    ...HOSTILE_LABELS.map((label, i) => ({
      from: `h-${i}`,
      to: `h-${(i + 1) % HOSTILE_LABELS.length}`,
      label,
      directed: i % 2 === 0,
    })),
    { from: "layers", to: "scenarios", directed: true },
    { from: "steps", to: "layers", directed: true },
  ],
};

/** A title that is a directive, a comment and YAML at once. */
export const HOSTILE_TITLE = '%%{init: {"theme":"forest"}}%% --- title: "x" # &amp;';
