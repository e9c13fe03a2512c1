import type { Entry } from "../types.js";
import { toAscii } from "./ascii.js";
import { highlightDiagram } from "./diagram.js";
import { frame } from "./frame.js";
import type { Style } from "./style.js";
import { widestLine } from "./width.js";

// DECAWM off/on: the terminal clips long lines instead of wrapping them (as `less -S` does).
const NO_WRAP = "\u001b[?7l";
const WRAP = "\u001b[?7h";

export function entryHeading(entry: Entry, ascii = false): string {
  return `${entry.title} ${ascii ? "-" : "·"} ${entry.category}`;
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
  ascii = false,
): Promise<string> {
  // Colour first, on the Unicode strokes it tells apart; the codes are ASCII already.
  const convert = ascii ? toAscii : (text: string) => text;
  const plain = convert(entry.diagram);
  const body = convert(highlightDiagram(entry.diagram, style));
  const heading = entryHeading(entry, ascii);
  const notes = footer(entry, style);
  const framed = await frame({ plain, styled: body }, heading, style, columns, ascii);
  if (framed !== undefined) return `${framed}\n${notes}`;
  const bare = `${style.title(heading)}\n${body}\n`;
  // columns is only known for a terminal, so a pipe never gets these codes.
  if (columns !== undefined && (await widestLine(plain)) > columns) {
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

/** `--raw`: the diagram exactly as in the catalog (or in ASCII), and a newline. */
export function renderRaw(entry: Entry, ascii = false): string {
  return `${ascii ? toAscii(entry.diagram) : entry.diagram}\n`;
}

/** `--format md`: a heading, the summary, and the diagram fenced, for a design doc. */
export function renderMarkdown(entry: Entry, ascii = false): string {
  const summary = entry.summary ? `${entry.summary}\n\n` : "";
  return `## ${entry.title}\n\n${summary}\`\`\`text\n${ascii ? toAscii(entry.diagram) : entry.diagram}\n\`\`\`\n`;
}
