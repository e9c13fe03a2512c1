import { GraphTooLargeError } from "../core/errors.js";
import type { Entry } from "../core/types.js";
import { type Box, findBoxes } from "../diagram/boxes.js";
import { extractGraph, type Graph } from "../diagram/graph.js";
import { Grid } from "../diagram/grid.js";

/**
 * What drills are made of, read once from a diagram: its graph, the boxes whose text
 * can be masked, the steps of its flow and its distinct labels.
 */
export interface Material {
  entry: Entry;
  /** Undefined when the drawing is too large to read as a graph. */
  graph: Graph | undefined;
  /** Boxes with no box inside and a label found once in the drawing's boxes. */
  maskable: MaskableBox[];
  /** The steps of its flow, in order: numbered labels, or the one path through the graph. */
  steps: string[];
  /** The labels of its nodes, each once (case and spacing aside). */
  labels: string[];
}

export interface MaskableBox extends Box {
  label: string;
}

/** Words and letters at least: a box of "..." or "1" is nothing to remember. */
const MEANINGFUL = /\p{L}.*\p{L}/u;

const key = (label: string) => label.toLowerCase().replace(/\s+/g, " ").trim();

/** The text inside a box, its lines joined by a space, as the graph names a box. */
function textIn(grid: Grid, box: Box): string {
  const lines: string[] = [];
  for (let row = box.top + 1; row < box.bottom; row++) {
    const line = grid.text(row, box.left + 1, box.right).trim();
    if (line !== "") lines.push(line);
  }
  return lines.join(" ").replace(/\s+/g, " ");
}

const inside = (inner: Box, outer: Box) =>
  inner !== outer &&
  inner.top > outer.top &&
  inner.bottom < outer.bottom &&
  inner.left > outer.left &&
  inner.right < outer.right;

function maskableBoxes(grid: Grid, graph: Graph): MaskableBox[] {
  const boxes = findBoxes(grid);
  const leaves = boxes.filter((box) => !boxes.some((other) => inside(other, box)));
  const labelled = leaves.map((box) => ({ ...box, label: textIn(grid, box) }));
  const count = new Map<string, number>();
  for (const box of labelled) count.set(key(box.label), (count.get(key(box.label)) ?? 0) + 1);
  const nodeLabels = new Set(graph.nodes.map((node) => key(node.label)));
  const maskable = labelled.filter(
    (box) =>
      MEANINGFUL.test(box.label) &&
      count.get(key(box.label)) === 1 &&
      nodeLabels.has(key(box.label)),
  );
  // Numbers in a label ("Leaf page 100, 150") are rarely what the drawing teaches.
  const worded = maskable.filter((box) => !/\d/.test(box.label));
  return worded.length >= 2 ? worded : maskable;
}

/**
 * `1. Check Cache`, `(2) Query`, `Step 3: Store`, and a number after other words
 * (`Cache Miss 2. Query DB`, where two labels meet): the number and what follows it.
 */
const NUMBERED = /(?:^|\s)(?:step\s*)?\(?(\d{1,2})[.):]\s+(\p{L}.*)$/iu;

/** The flow's steps from numbered labels (edges' and nodes'), when three or more are numbered 1, 2, 3…. */
function numberedSteps(graph: Graph): string[] | undefined {
  const labels = [
    ...graph.edges.map((edge) => edge.label),
    ...graph.nodes.map((node) => node.label),
  ];
  const steps = new Map<number, string>();
  for (const label of labels) {
    const match = label === undefined ? null : NUMBERED.exec(label.trim());
    if (match && !steps.has(Number(match[1]))) steps.set(Number(match[1]), match[2] as string);
  }
  const numbers = [...steps.keys()].sort((a, b) => a - b);
  if (numbers.length < 3 || numbers.some((n, i) => n !== (numbers[0] as number) + i)) {
    return undefined;
  }
  return numbers.map((n) => steps.get(n) as string);
}

/**
 * The one path through the graph, when its directed edges form a single chain of three
 * or more distinct labels (each node one way in and one way out): the order the
 * drawing reads in.
 */
function chainSteps(graph: Graph): string[] | undefined {
  const directed = graph.edges.filter((edge) => edge.directed && edge.from !== edge.to);
  if (directed.length < 2) return undefined;
  const next = new Map<string, string>();
  const into = new Map<string, number>();
  for (const edge of directed) {
    if (next.has(edge.from)) return undefined;
    next.set(edge.from, edge.to);
    into.set(edge.to, (into.get(edge.to) ?? 0) + 1);
  }
  if ([...into.values()].some((n) => n > 1)) return undefined;
  const starts = [...next.keys()].filter((id) => !into.has(id));
  if (starts.length !== 1) return undefined;
  const label = new Map(graph.nodes.map((node) => [node.id, node.label]));
  const chain: string[] = [];
  for (let at: string | undefined = starts[0]; at !== undefined; at = next.get(at)) {
    chain.push(label.get(at) ?? at);
    if (chain.length > directed.length + 1) return undefined;
  }
  const distinct = new Set(chain.map(key)).size === chain.length;
  return chain.length >= 3 && chain.length === directed.length + 1 && distinct ? chain : undefined;
}

function graphOf(entry: Entry): Graph | undefined {
  try {
    return extractGraph(entry.diagram);
  } catch (error) {
    if (error instanceof GraphTooLargeError) return undefined;
    throw error;
  }
}

export function materialOf(entry: Entry): Material {
  const graph = graphOf(entry);
  if (!graph) return { entry, graph, maskable: [], steps: [], labels: [] };
  const seen = new Set<string>();
  const labels: string[] = [];
  for (const node of graph.nodes) {
    if (!MEANINGFUL.test(node.label) || seen.has(key(node.label))) continue;
    seen.add(key(node.label));
    labels.push(node.label);
  }
  return {
    entry,
    graph,
    maskable: maskableBoxes(new Grid(entry.diagram), graph),
    steps: numberedSteps(graph) ?? chainSteps(graph) ?? [],
    labels,
  };
}
