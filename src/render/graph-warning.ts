import type { Format } from "./formats.js";

/**
 * One line for standard error when an export of a drawing's graph may be wrong, or
 * undefined: an exported graph that is quietly wrong misleads whoever pastes it into a
 * document. Said when lint finds defects in the drawing (a box that does not close is no
 * node, a line that meets nothing is no edge), and, for the graph formats, when no edge
 * was read at all. `lint` is the command that shows where.
 */
export async function graphWarning(
  format: Format,
  diagram: string,
  lint: string,
): Promise<string | undefined> {
  const graphFormat =
    format === "graph" || format === "mermaid" || format === "dot" || format === "d2";
  if (!graphFormat && format !== "svg") return undefined;
  const { lintDiagram } = await import("../diagram/lint.js");
  const defects = lintDiagram(diagram).length;
  if (defects > 0) {
    const what = defects === 1 ? "1 defect" : `${defects} defects`;
    return `warning: the drawing has ${what} (boxes that do not close, lines that meet nothing), so its graph may miss or misread what they touch; \`${lint}\` shows where`;
  }
  if (!graphFormat) return undefined;
  const { extractGraph } = await import("../diagram/graph.js");
  const { sanitize } = await import("../core/sanitize.js");
  let graph: { edges: unknown[]; sequence?: boolean };
  try {
    graph = extractGraph(sanitize(diagram));
  } catch {
    // Too large to read: the export itself says so.
    return undefined;
  }
  if (graph.sequence) {
    return "warning: this is a sequence drawing (lifelines and messages), which a flowchart cannot show: its participants were exported with no edges";
  }
  return graph.edges.length === 0
    ? "warning: no edge was read from this drawing: it may be no graph of boxes and lines (a table, a chart, a list)"
    : undefined;
}
