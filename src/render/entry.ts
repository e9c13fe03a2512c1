import type { Entry } from "../types.js";
import { highlightDiagram } from "./diagram.js";
import { frame } from "./frame.js";
import type { Style } from "./style.js";
import { widestLine } from "./width.js";

// DECAWM off/on: the terminal clips long lines instead of wrapping them (as `less -S` does).
const NO_WRAP = "\u001b[?7l";
const WRAP = "\u001b[?7h";

export function entryHeading(entry: Entry): string {
  return `${entry.title} · ${entry.category}`;
}

/**
 * A diagram for people: framed and titled when the frame fits in `columns`;
 * otherwise a title line and the bare diagram, which the terminal is told to clip
 * rather than wrap when even that is too wide.
 */
export async function renderEntry(
  entry: Entry,
  style: Style,
  columns: number | undefined,
): Promise<string> {
  const body = highlightDiagram(entry.diagram, style);
  const heading = entryHeading(entry);
  const notes = footer(entry, style);
  const framed = await frame({ plain: entry.diagram, styled: body }, heading, style, columns);
  if (framed !== undefined) return `${framed}\n${notes}`;
  const bare = `${style.title(heading)}\n${body}\n`;
  // columns is only known for a terminal, so a pipe never gets these codes.
  if (columns !== undefined && (await widestLine(entry.diagram)) > columns) {
    return NO_WRAP + bare + WRAP + notes;
  }
  return bare + notes;
}

/** The summary and what to look at next, under the diagram; prose may wrap. */
function footer(entry: Entry, style: Style): string {
  let text = "";
  if (entry.summary) text += `${entry.summary}\n`;
  if (entry.related.length > 0) {
    text += `${style.dim("Related:")} ${entry.related.map((id) => style.id(id)).join(", ")}\n`;
  }
  return text;
}

/** `--raw`: the diagram exactly as in the catalog, and a newline. */
export function renderRaw(entry: Entry): string {
  return `${entry.diagram}\n`;
}
