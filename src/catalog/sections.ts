import { type DocumentEntry, formatDocument, readDocument } from "../document/document.js";
import { scanMarkdown } from "../document/fences.js";

/**
 * A diagram's place in a user's own document, which may hold prose, other
 * drawings and appendices around it: `remove` takes out only that place, and
 * `add --replace` writes the new diagram there, so that nothing else of the
 * document is lost or moved.
 */

/**
 * 1-based lines: where the diagram's part starts (its heading, or, for a drawing
 * that shares its heading with another, its own comment or block), the heading's
 * level (0 for such a part), the drawing's last line and the part's last line.
 */
export interface Section {
  heading: number;
  level: number;
  drawingEnd: number;
  end: number;
}

/** Where the diagram with this id stands in `text`; undefined when no diagram there has it. */
export function sectionOf(text: string, id: string): Section | undefined {
  const { diagrams } = readDocument(text);
  const at = diagrams.findIndex((d) => d.id === id);
  const entry = diagrams[at];
  if (!entry?.endLine || !entry.ownLine) return undefined;
  const tokens = scanMarkdown(text);
  const headingAt = (line: number) =>
    tokens.find((t) => t.kind === "heading" && t.line === line && t.level <= 3);
  const heading = headingAt(entry.line);
  const drawingEnd = entry.endLine;
  // The prose after the drawing is its own, up to the next heading of any level.
  const next = tokens.find((t) => t.kind === "heading" && t.line > drawingEnd);
  const title = tokens.find((t) => t.kind === "heading" && t.level <= 3 && t.line > drawingEnd);
  const after = diagrams[at + 1];
  // The next drawing titled by the same heading: taking the heading away would retitle it.
  const sibling = after && !headingAt(after.line) && (!title || after.line < title.line);
  const lineCount = text.split("\n").length;
  if (heading?.kind !== "heading" || sibling) {
    return {
      heading: entry.ownLine,
      level: 0,
      drawingEnd,
      end: sibling ? drawingEnd : next ? next.line - 1 : lineCount,
    };
  }
  return {
    heading: heading.line,
    level: heading.level,
    drawingEnd,
    end: next ? next.line - 1 : lineCount,
  };
}

/** Whether a document holds nothing but headings and blank lines: nothing of a person's to keep. */
export function holdsNothing(text: string): boolean {
  return scanMarkdown(text).every(
    (t) => t.kind === "heading" || (t.kind === "text" && t.text.trim() === ""),
  );
}

/**
 * Whether a document holds nothing of a person's but drawings and their facts: headings,
 * fenced blocks, `<!-- sysdiag … -->` comments and blank lines, as `add` writes a file.
 * Such a file whose drawing no longer parses may go whole; one with prose may not.
 */
export function holdsOnlyDrawings(text: string): boolean {
  let inFacts = false;
  return scanMarkdown(text).every((t) => {
    if (t.kind !== "text") return true;
    const line = t.text.trim();
    if (inFacts || line.startsWith("<!-- sysdiag")) {
      inFacts = !line.endsWith("-->");
      return true;
    }
    return line === "";
  });
}

/** The document without the diagram's section (its heading to the next heading). */
export function withoutSection(text: string, section: Section): string {
  const lines = text.split("\n");
  return [...lines.slice(0, section.heading - 1), ...lines.slice(section.end)].join("\n");
}

/**
 * The document with the diagram's heading, facts and drawing replaced by `entry`'s,
 * under a heading of the same level; the prose around it is kept. Its category
 * stays the one of its place in the document.
 */
export function withReplaced(text: string, section: Section, entry: DocumentEntry): string {
  const lines = text.split("\n");
  // formatDocument's `## category`, a blank line, then `### title`, the facts and the drawing;
  // a part under a shared heading keeps the heading, its title given in the facts.
  const own = formatDocument(entry, section.level === 0)
    .split("\n")
    .slice(2, -1);
  if (section.level === 0) own.shift();
  else own[0] = `${"#".repeat(section.level)}${(own[0] as string).slice(3)}`;
  return [...lines.slice(0, section.heading - 1), ...own, ...lines.slice(section.drawingEnd)].join(
    "\n",
  );
}
