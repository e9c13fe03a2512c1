import { closedBoxes } from "./boxes.js";
import { analyse } from "./cells.js";
import { diamonds } from "./graph/diamonds.js";
import { flowOf } from "./graph/direction.js";
import { driftedBoxes } from "./graph/drift.js";
import { labelEdgesOf } from "./graph/edge-labels.js";
import { draftEdges, finishEdges, groupBy } from "./graph/edges.js";
import { extraction, isCrossingCell, rootOf, type TextRun } from "./graph/extraction.js";
import { joinThroughText } from "./graph/inline-labels.js";
import type { Graph } from "./graph/model.js";
import { placeNodes } from "./graph/nodes.js";
import { endpointsOf, joinPaths, resolveCrossings } from "./graph/paths.js";
import { isSequence } from "./graph/sequence.js";
import { claimTextNodes, textNodesOf } from "./graph/text-nodes.js";

export type { Direction, Graph, GraphEdge, GraphNode } from "./graph/model.js";

import { singleSpaced } from "./graph/text.js";

export { slug } from "./graph/text.js";

/**
 * Reads a drawing as a graph, in steps that each have a module in graph/: the cells of
 * paths joined (extraction, paths, and through text written into a line: inline-labels), where paths end (paths), which loose text is a node
 * (text-nodes), the edges each path makes (edges), the labels written on them
 * (edge-labels), and the nodes named in reading order (nodes).
 */
export function extractGraph(diagram: string): Graph {
  const text = singleSpaced(diagram);
  const { cells, outlines } = analyse(text);
  const x = extraction(cells, [
    ...closedBoxes(outlines),
    ...driftedBoxes(cells.grid, outlines),
    ...diamonds(cells.grid, text),
  ]);
  // A sequence drawing read as a flowchart is a wrong one: its participants, no edges.
  if (isSequence(x))
    return { nodes: placeNodes(x, new Set(), new Map()).nodes, edges: [], sequence: true };
  const pathCells = joinPaths(x);
  const inline = joinThroughText(x, pathCells);
  const runs = new Map<string, TextRun>();
  const endpoints = endpointsOf(x, pathCells, runs);
  // Only a drawing with a `┼` on a path pays for compiling resolveCrossings().
  const crossings = pathCells.filter((cell) => isCrossingCell(x, cell));
  if (crossings.length > 0) resolveCrossings(x, endpoints, crossings);
  const byRoot = groupBy(endpoints, (e) => rootOf(x, e.slot));
  const textNodes = textNodesOf(byRoot);
  const textEnds = claimTextNodes(x, endpoints, textNodes);
  const drafts = draftEdges(byRoot, textNodes);
  labelEdgesOf(x, endpoints, textNodes, textEnds, drafts, inline);
  const { nodes, ids, order } = placeNodes(x, textNodes, runs);
  const edges = finishEdges(drafts, ids, order);
  const nodeEnds = [...byRoot.values()].map((g) =>
    g.filter((e) => !e.text || textNodes.has(e.node)),
  );
  return { nodes, edges, direction: flowOf(nodeEnds) };
}
