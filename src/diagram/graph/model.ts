/**
 * A drawing read as a graph: its closed boxes (and the loose text its arrows point at)
 * are the nodes, the stroke paths between them the edges. The JSON form of this is
 * `--format graph`, documented as stable: change it only by adding optional fields.
 */
export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Which way the drawing flows, as its arrows point (not in `--format graph`'s JSON). */
  direction?: Direction;
  /**
   * A sequence drawing (lifelines and messages), which a flowchart cannot show: read
   * with no edges (not in `--format graph`'s JSON).
   */
  sequence?: boolean;
}

/** Top-down, left to right, bottom-up, right to left: Mermaid's names. */
export type Direction = "TD" | "LR" | "BT" | "RL";

export interface GraphNode {
  id: string;
  label: string;
  kind: "box" | "text";
  /** The id of the box this one is drawn inside. */
  parent?: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  label?: string;
  directed: boolean;
}
