import type { Graph, GraphEdge, GraphNode } from "../diagram/graph.js";

/**
 * A diagram's graph written out for other tools: JSON (the stable `--format graph`),
 * a Mermaid flowchart, a Graphviz graph and a D2 diagram. Each escapes labels for its
 * own syntax, draws boxes inside boxes as subgraphs/clusters/containers, and ends in a newline.
 */

/** The graph as JSON, keys in a fixed order: `{nodes: [{id, label, kind, parent?}], edges: [{from, to, label?, directed}]}`. */
export function toGraphJson(graph: Graph): string {
  const nodes = graph.nodes.map((n) => ({
    id: n.id,
    label: n.label,
    kind: n.kind,
    ...(n.parent !== undefined ? { parent: n.parent } : {}),
  }));
  const edges = graph.edges.map((e) => ({
    from: e.from,
    to: e.to,
    ...(e.label !== undefined ? { label: e.label } : {}),
    directed: e.directed,
  }));
  return `${JSON.stringify({ nodes, edges }, null, 2)}\n`;
}

/** Children of each node, and the nodes drawn at the top level, in the graph's order. */
function nesting(graph: Graph): { top: GraphNode[]; children: Map<string, GraphNode[]> } {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const children = new Map<string, GraphNode[]>();
  const top: GraphNode[] = [];
  for (const node of graph.nodes) {
    if (node.parent === undefined || !ids.has(node.parent)) {
      top.push(node);
      continue;
    }
    const list = children.get(node.parent);
    if (list) list.push(node);
    else children.set(node.parent, [node]);
  }
  return { top, children };
}

// Mermaid: labels go in double quotes, where only entity codes (`#quot;`, `#35;`) escape and
// a line break is `<br>`. Escaped besides the quote: `#` (an entity code), `<` and `>` (HTML),
// `&` (an HTML entity the browser would decode), a backtick (a Markdown string), `%` (a
// `%%{init}%%` directive or a `%%` comment, found anywhere in the text before it is parsed),
// a backslash (`\n` is drawn as a line break), and a `:` followed by more than a space
// (Mermaid takes `style …:…#…;` on a line for a style, and drops its last `;`).
// Node ids are prefixed so that no label can make one a keyword (`end`, `class`, `style`).
const mermaidId = (id: string) => `n_${id.replace(/[^A-Za-z0-9_]/g, "_")}`;

const MERMAID_CODES: Record<string, string> = {
  "#": "#35;",
  '"': "#quot;",
  "<": "#lt;",
  ">": "#gt;",
  "`": "#96;",
  "&": "#38;",
  "%": "#37;",
  ":": "#58;",
  "\\": "#92;",
};

function mermaidText(text: string): string {
  const escaped = text.replace(/[#"<>`&%\\]|:(?=\S)/g, (c) => MERMAID_CODES[c] as string);
  // An empty string is a parse error: a blank label is one space.
  return `"${escaped.replace(/\r?\n/g, "<br>") || " "}"`;
}

export function toMermaid(graph: Graph, title: string): string {
  // The title is YAML (a JSON string is one); `%` as `\u0025`, so that no directive is found in it.
  const yaml = JSON.stringify(title).replace(/%/g, "\\u0025");
  const out = ["---", `title: ${yaml}`, "---", `flowchart ${graph.direction ?? "TD"}`];
  const { top, children } = nesting(graph);
  const emit = (node: GraphNode, indent: string) => {
    const kids = children.get(node.id);
    const label = mermaidText(node.label);
    if (kids) {
      out.push(`${indent}subgraph ${mermaidId(node.id)}[${label}]`);
      for (const kid of kids) emit(kid, `${indent}  `);
      out.push(`${indent}end`);
    } else if (node.kind === "text") {
      out.push(`${indent}${mermaidId(node.id)}(${label})`);
    } else {
      out.push(`${indent}${mermaidId(node.id)}[${label}]`);
    }
  };
  for (const node of top) emit(node, "  ");
  for (const edge of graph.edges) {
    const arrow = edge.directed ? "-->" : "---";
    const label = edge.label ? `|${mermaidText(edge.label)}|` : "";
    out.push(`  ${mermaidId(edge.from)} ${arrow}${label} ${mermaidId(edge.to)}`);
  }
  return `${out.join("\n")}\n`;
}

// Graphviz: every id and label is a double-quoted string, where `\` and `"` escape (a
// backslash also starts `\N`, `\G`, `\l`…), and `&` starts an HTML entity that Graphviz decodes.
const dotString = (text: string) =>
  `"${text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/&/g, "&amp;")
    .replace(/\r?\n/g, "\\n")}"`;

export function toDot(graph: Graph, title: string): string {
  const directed = graph.edges.some((e) => e.directed);
  const out = [
    `${directed ? "digraph" : "graph"} ${dotString(title)} {`,
    `  label=${dotString(title)};`,
    "  labelloc=t;",
    "  node [shape=box];",
    // Graphviz ranks top to bottom unless told: said only for a drawing that flows another way.
    ...(graph.direction && graph.direction !== "TD" ? [`  rankdir=${graph.direction};`] : []),
  ];
  const { top, children } = nesting(graph);
  const joined = new Set(graph.edges.flatMap((e) => [e.from, e.to]));
  const emit = (node: GraphNode, indent: string) => {
    const kids = children.get(node.id);
    const shape = node.kind === "text" ? ", shape=plaintext" : "";
    if (!kids) {
      out.push(`${indent}${dotString(node.id)} [label=${dotString(node.label)}${shape}];`);
      return;
    }
    // A cluster cannot end an edge, so a box with boxes in it and edges of its own also
    // gets a node inside its cluster.
    out.push(`${indent}subgraph ${dotString(`cluster_${node.id}`)} {`);
    out.push(`${indent}  label=${dotString(node.label)};`);
    if (joined.has(node.id)) {
      out.push(`${indent}  ${dotString(node.id)} [label=${dotString(node.label)}, style=dashed];`);
    }
    for (const kid of kids) emit(kid, `${indent}  `);
    out.push(`${indent}}`);
  };
  for (const node of top) emit(node, "  ");
  for (const edge of graph.edges) {
    const attrs: string[] = [];
    if (edge.label) attrs.push(`label=${dotString(edge.label)}`);
    if (directed && !edge.directed) attrs.push("dir=none");
    const op = directed ? "->" : "--";
    const tail = attrs.length > 0 ? ` [${attrs.join(", ")}]` : "";
    out.push(`  ${dotString(edge.from)} ${op} ${dotString(edge.to)}${tail};`);
  }
  out.push("}");
  return `${out.join("\n")}\n`;
}

// D2: keys and labels are double-quoted strings, where `\`, `"`, `$` (a substitution) and a
// line break escape with a backslash.
const d2String = (text: string) =>
  `"${text.replace(/[\\"$]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n")}"`;

const D2_DIRECTION = { TD: "down", LR: "right", BT: "up", RL: "left" } as const;

/** No node id has an underscore, so the title's key cannot collide with one. */
const D2_TITLE = "diagram_title";

/**
 * Keys D2 takes for boards even quoted: a box labelled "Steps" (id `steps`) with an edge
 * failed to compile. Such an id's key gets an underscore, which no node id has.
 */
const D2_BOARDS = new Set(["layers", "scenarios", "steps"]);
const d2Key = (id: string) => d2String(D2_BOARDS.has(id) ? `${id}_` : id);

export function toD2(graph: Graph, title: string): string {
  const out = [
    `${d2String(D2_TITLE)}: ${d2String(title)} {`,
    "  shape: text",
    "  near: top-center",
    "}",
    ...(graph.direction && graph.direction !== "TD"
      ? [`direction: ${D2_DIRECTION[graph.direction]}`]
      : []),
  ];
  const { top, children } = nesting(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  // An edge names a node inside a container by its path from the top: "vpc"."subnet"."nat".
  // Made once a node: a node deep in boxes may be at the end of thousands of edges.
  const paths = new Map<string, string>();
  const path = (id: string): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const parts: string[] = [];
    const seen = new Set<string>();
    for (let node = byId.get(id); node && !seen.has(node.id); node = byId.get(node.parent ?? "")) {
      seen.add(node.id);
      parts.push(d2Key(node.id));
    }
    const made = parts.reverse().join(".");
    paths.set(id, made);
    return made;
  };
  const emit = (node: GraphNode, indent: string) => {
    const kids = children.get(node.id);
    const head = `${indent}${d2Key(node.id)}: ${d2String(node.label)}`;
    if (!kids && node.kind === "box") {
      out.push(head);
      return;
    }
    out.push(`${head} {`);
    if (node.kind === "text") out.push(`${indent}  shape: text`);
    for (const kid of kids ?? []) emit(kid, `${indent}  `);
    out.push(`${indent}}`);
  };
  for (const node of top) emit(node, "");
  for (const edge of graph.edges) out.push(d2Edge(edge, path));
  return `${out.join("\n")}\n`;
}

function d2Edge(edge: GraphEdge, path: (id: string) => string): string {
  const op = edge.directed ? "->" : "--";
  const label = edge.label ? `: ${d2String(edge.label)}` : "";
  return `${path(edge.from)} ${op} ${path(edge.to)}${label}`;
}

/**
 * One sentence an edge, for a screen reader and a search engine (the SVG's
 * <desc>): "App → Cache (Redis): 1. Check Cache; Cache — DB".
 */
export function describeGraph(graph: Graph): string {
  const label = new Map(graph.nodes.map((n) => [n.id, n.label || n.id]));
  return graph.edges
    .map((e) => {
      const link = e.directed ? "→" : "—";
      return `${label.get(e.from)} ${link} ${label.get(e.to)}${e.label ? `: ${e.label}` : ""}`;
    })
    .join("; ");
}
