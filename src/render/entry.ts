import { sanitize, sanitizeLine } from "../core/sanitize.js";
import type { Entry } from "../core/types.js";
import { cutToWidth, displayWidth, fenceFor, layOut } from "../core/width.js";
import { wordsOf, wrapWords } from "../core/wrap.js";
import { toAscii } from "./ascii.js";
import { frame } from "./frame.js";
import { highlightDiagram } from "./highlight.js";
import type { Style } from "./style.js";

/** Marks a diagram line cut at the terminal's edge. */
const CLIPPED = { unicode: "›", ascii: "$" };

export function entryHeading(entry: Entry, ascii = false): string {
  return `${sanitizeLine(entry.title)} ${ascii ? "-" : "·"} ${sanitizeLine(entry.category)}`;
}

/**
 * Tabs as the spaces a terminal would show, so that a frame's right side stays put:
 * the grid's own layout of the line (its cells joined), in one pass.
 */
export function expandTabs(line: string): string {
  return line.includes("\t") ? layOut(line).join("") : line;
}

/** The diagram's text as it may reach a terminal: controls escaped, tabs expanded. */
export function displayDiagram(diagram: string): string {
  return sanitize(diagram).split("\n").map(expandTabs).join("\n");
}

/**
 * A diagram for people: framed and titled when the frame fits in `columns`;
 * otherwise a title line and the bare diagram, each line too wide for the terminal
 * cut at its edge and marked, with one note on how to see it whole. A diagram line
 * is never wrapped: a wrapped line draws strokes where the diagram has none.
 */
export function renderEntry(
  entry: Entry,
  style: Style,
  columns: number | undefined,
  ascii = false,
  /** The command that prints this diagram whole, for the note under a cut one. */
  whole = `sysdiag show ${entry.id} --raw`,
): string {
  // Colour first, on the Unicode strokes it tells apart; the codes are ASCII already.
  const convert = ascii ? toAscii : (text: string) => text;
  const diagram = displayDiagram(entry.diagram);
  const heading = entryHeading(entry, ascii);
  const notes = footer(entry, style, columns);
  const framed = frame(
    { plain: convert(diagram), styled: convert(highlightDiagram(diagram, style)) },
    heading,
    style,
    columns,
    ascii,
  );
  if (framed !== undefined) return `${framed}\n${notes}`;
  const title = wrapWords(wordsOf(heading), columns)
    .map((line) => style.title(line))
    .join("\n");
  if (columns === undefined) {
    return `${title}\n${convert(highlightDiagram(diagram, style))}\n${notes}`;
  }
  // Cut first, then colour the cut drawing as one grid, so that each cell is read in
  // the context it is shown in.
  let clipped = 0;
  const marker = style.dim(ascii ? CLIPPED.ascii : CLIPPED.unicode);
  const cuts = diagram.split("\n").map((line) => {
    if (displayWidth(line) <= columns) return { text: line, pad: undefined };
    clipped++;
    const { text, width } = cutToWidth(line, columns - 1);
    // A wide character left out at the edge leaves a blank, not half a glyph.
    return { text, pad: " ".repeat(columns - 1 - width) };
  });
  const coloured = convert(highlightDiagram(cuts.map((c) => c.text).join("\n"), style)).split("\n");
  const lines = coloured.map((line, i) => {
    const pad = cuts[i]?.pad;
    return pad === undefined ? line : `${line}${pad}${marker}`;
  });
  // The command is kept on one line where it fits, so that it can be copied as it stands.
  const hint =
    clipped === 0
      ? ""
      : `${[
          ...wrapWords(
            wordsOf(
              `${ascii ? CLIPPED.ascii : CLIPPED.unicode} ${clipped} ${clipped === 1 ? "line is" : "lines are"} cut at ${columns} columns; to see the whole diagram:`,
            ),
            columns,
          ),
          ...commandLines(`${sanitizeLine(whole)} | less -S`, columns),
        ]
          .map((line) => style.dim(line))
          .join("\n")}\n`;
  return `${title}\n${lines.join("\n")}\n${hint}${notes}`;
}

/**
 * A command to copy, indented: on one line where it fits, else broken between words
 * with a trailing backslash, which a shell reads as one line (never mid-word).
 */
function commandLines(command: string, columns: number): string[] {
  const line = `  ${command}`;
  if (displayWidth(line) <= columns) return [line];
  // Shell words: a quoted name with a blank in it ('my file.txt') is one.
  const words = command.match(/(?:'[^']*'|[^\s'])+/g) ?? [command];
  const lines = wrapWords(words, Math.max(1, columns - 4), "");
  return lines.map(
    (text, i) => `${i === 0 ? "  " : "    "}${text}${i < lines.length - 1 ? " \\" : ""}`,
  );
}

/** The summary and what to look at next, under the diagram: prose, wrapped at words. */
function footer(entry: Entry, style: Style, columns: number | undefined): string {
  let text = "";
  if (entry.summary) {
    text += `${wrapWords(wordsOf(sanitizeLine(entry.summary)), columns).join("\n")}\n`;
  }
  if (entry.related.length > 0) {
    const ids = entry.related.map(sanitizeLine);
    const words = ["Related:", ...ids.map((id, i) => (i < ids.length - 1 ? `${id},` : id))];
    const lines = wrapWords(words, columns, "  ");
    // Colour after wrapping, so that the codes take no room in the measure.
    const colour = (token: string) => {
      if (token === "Related:") return style.dim(token);
      const id = token.endsWith(",") ? token.slice(0, -1) : token;
      return style.id(id) + token.slice(id.length);
    };
    text += `${(style.color ? lines.map((line) => line.replace(/\S+/g, colour)) : lines).join("\n")}\n`;
  }
  return text;
}

/**
 * `--raw`: the diagram as in the catalog (or in ASCII), and a newline. Control
 * characters a catalog may hold are shown escaped, here as everywhere.
 */
export function renderRaw(entry: Entry, ascii = false): string {
  const diagram = sanitize(entry.diagram);
  return `${ascii ? toAscii(diagram) : diagram}\n`;
}

/**
 * `--format md`: a heading, the summary, and the diagram fenced, for a design doc.
 * The fence is longer than any run of backticks in the diagram and the title one
 * line, so that nothing in the entry can end the block or start another.
 */
export function renderMarkdown(entry: Entry, ascii = false): string {
  const diagram = sanitize(entry.diagram);
  const body = ascii ? toAscii(diagram) : diagram;
  const fence = fenceFor(body);
  const title = sanitizeLine(entry.title.replace(/\s+/g, " ").trim());
  const summary = entry.summary
    ? `${sanitizeLine(entry.summary.replace(/\s+/g, " ").trim())}\n\n`
    : "";
  return `## ${title}\n\n${summary}${fence}text\n${body}\n${fence}\n`;
}
