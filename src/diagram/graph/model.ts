/**
 * A drawing read as a graph: its closed boxes (and the loose text its arrows point at)
 * are the nodes, the stroke paths between them the edges. The JSON form of this is
 * `--format graph`, documented as stable: change it only by adding optional fields.
 */
export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

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
