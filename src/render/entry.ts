import type { Entry } from "../types.js";
import { highlightDiagram } from "./diagram.js";
import { frame } from "./frame.js";
import type { Style } from "./style.js";

export function entryHeading(entry: Entry): string {
  return `${entry.title} · ${entry.category}`;
}

/**
 * A diagram for people: framed and titled when the frame fits in `columns`;
 * otherwise a title line and the bare diagram, never a wrapped diagram line.
 */
export async function renderEntry(
  entry: Entry,
  style: Style,
  columns: number | undefined,
): Promise<string> {
  const body = highlightDiagram(entry.diagram, style);
  const heading = entryHeading(entry);
  const framed = await frame(body, heading, style, columns);
  if (framed !== undefined) return `${framed}\n`;
  return `${style.title(heading)}\n${body}\n`;
}

/** `--raw`: the diagram exactly as in the catalog, and a newline. */
export function renderRaw(entry: Entry): string {
  return `${entry.diagram}\n`;
}
