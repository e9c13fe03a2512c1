import { GraphTooLargeError } from "../core/errors.js";
import { extractGraph, type Graph } from "../diagram/graph.js";
import { type Graded, names, nameWords, type Verdict } from "./grade.js";
import type { Material } from "./material.js";

/**
 * The redraw drill: a drawing made from memory, read as a graph and compared with the
 * original's: which of its labelled nodes and its edges the drawing has, what it
 * missed and what it added. Lines starting with `#` are the instructions, not the drawing.
 */

/** What the editor opens: the instructions, then room to draw. */
export function redrawTemplate(title: string): string {
  return (
    `# Draw "${title}" from memory, below these lines, with boxes and arrows\n` +
    "# (+--+ | -> v, or box drawing). Save and quit the editor to have it graded;\n" +
    "# lines starting with # are not read.\n\n"
  );
}

function graphOf(drawing: string): Graph | undefined {
  try {
    return extractGraph(drawing);
  } catch (error) {
    if (error instanceof GraphTooLargeError) return undefined;
    throw error;
  }
}

/** The labels of the original's nodes each drawn label names (the original's ids). */
function matchesOf(original: Graph, drawn: Graph): Map<string, Set<string>> {
  const matches = new Map<string, Set<string>>();
  for (const node of drawn.nodes) {
    const words = nameWords(node.label);
    if (words.length === 0) continue;
    const named = original.nodes.filter((o) => names(words, o.label)).map((o) => o.id);
    matches.set(node.id, new Set(named));
  }
  return matches;
}

const arrow = (directed: boolean) => (directed ? "->" : "--");

export function gradeRedraw(material: Material, text: string): Graded {
  const original = material.graph as Graph;
  const drawing = text
    .split("\n")
    .filter((line) => !line.startsWith("#"))
    .join("\n");
  const drawn = drawing.trim() === "" ? undefined : graphOf(drawing);
  const label = new Map(original.nodes.map((n) => [n.id, n.label]));
  const matches = drawn ? matchesOf(original, drawn) : new Map<string, Set<string>>();
  const drawnOf = new Set([...matches.values()].flatMap((set) => [...set]));
  const nodes = original.nodes.filter((n) => nameWords(n.label).length > 0);
  const foundNodes = nodes.filter((n) => drawnOf.has(n.id));
  const has = (id: string, set: Set<string> | undefined) => set?.has(id) === true;
  const foundEdges = original.edges.filter((edge) =>
    (drawn?.edges ?? []).some(
      (d) =>
        (has(edge.from, matches.get(d.from)) && has(edge.to, matches.get(d.to))) ||
        (!edge.directed && has(edge.to, matches.get(d.from)) && has(edge.from, matches.get(d.to))),
    ),
  );
  const total = nodes.length + original.edges.length;
  const share = total === 0 ? 0 : (foundNodes.length + foundEdges.length) / total;
  const verdict: Verdict = share >= 0.8 ? "right" : share >= 0.4 ? "partial" : "wrong";
  const missedNodes = nodes.filter((n) => !drawnOf.has(n.id)).map((n) => n.label);
  const missedEdges = original.edges
    .filter((e) => !foundEdges.includes(e))
    .map((e) => `${label.get(e.from)} ${arrow(e.directed)} ${label.get(e.to)}`);
  const added = (drawn?.nodes ?? [])
    .filter((n) => nameWords(n.label).length > 0 && matches.get(n.id)?.size === 0)
    .map((n) => n.label);
  return {
    verdict,
    answer: [
      `boxes ${foundNodes.length} of ${nodes.length}, arrows ${foundEdges.length} of ${original.edges.length}${drawn ? "" : " (nothing drawn)"}`,
      ...(missedNodes.length > 0 ? [`missed: ${missedNodes.join(", ")}`] : []),
      ...(missedEdges.length > 0 ? [`missed arrows: ${missedEdges.join("; ")}`] : []),
      ...(added.length > 0 ? [`added: ${added.join(", ")}`] : []),
    ],
  };
}
