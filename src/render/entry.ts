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
function expandTabs(line: string): string {
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

/**
 * A titled list under the diagram (`Notes:`, `References:`), after a blank line: an
 * item a point, wrapped at words with its continuation lines indented under it.
 */
function points(title: string, items: readonly string[], style: Style, columns?: number): string {
  if (items.length === 0) return "";
  const lines = items.flatMap((item) =>
    wrapWords(["-", ...wordsOf(sanitizeLine(item))], columns, "  "),
  );
  return `\n${style.dim(title)}\n${lines.join("\n")}\n`;
}

/**
 * Under the diagram, prose wrapped at words: the summary, the notes, the references,
 * and what to look at next.
 */
function footer(entry: Entry, style: Style, columns: number | undefined): string {
  let text = "";
  if (entry.summary) {
    text += `${wrapWords(wordsOf(sanitizeLine(entry.summary)), columns).join("\n")}\n`;
  }
  text += points("Notes:", entry.notes ?? [], style, columns);
  text += points("References:", entry.references ?? [], style, columns);
  if (entry.related.length > 0) {
    if (text.includes("\n\n")) text += "\n";
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

/** A Markdown list under a bold title, for `--format md`; a reference's web address is a link. */
const markdownPoints = (title: string, items: readonly string[] = [], links = false) =>
  items.length === 0
    ? ""
    : `**${title}**\n\n${items
        .map((item) => {
          const text = sanitizeLine(item.replace(/\s+/g, " ").trim());
          return `- ${links ? linkedText(text) : markdownText(text)}`;
        })
        .join("\n")}\n\n`;

/**
 * An http(s) address, of the characters an address may hold and none that could end an
 * autolink or start markup (`<`, `>`, quotes, spaces); ends before trailing punctuation.
 */
const WEB_ADDRESS = /\bhttps?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*[A-Za-z0-9\-_~/#=&%]/g;

/**
 * Text as markdownText makes it, but each web address an autolink (`<https://…>`), which
 * CommonMark takes literally (no escapes inside): only http and https, never an image.
 */
function linkedText(text: string): string {
  let out = "";
  let from = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    out += `${markdownText(text.slice(from, match.index))}<${match[0]}>`;
    from = match.index + match[0].length;
  }
  return out + markdownText(text.slice(from));
}

/**
 * Text that Markdown shows as it is, and no renderer takes for markup: every character that
 * can start inline syntax (emphasis, code, links and images, HTML and comments, entities,
 * strikethrough, a heading's closing #s, GitHub's bare links: `https:`, `www.`, `a@b`)
 * backslash-escaped, as CommonMark allows for any ASCII punctuation, and a line that would
 * start a block (a list, a quote, a rule) escaped at its start.
 */
function markdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>&~#!|@]|:(?=\/\/)/g, "\\$&")
    .replace(/\b(www)\./gi, "$1\\.")
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/**
 * `--format md`: a heading, the summary, and the diagram fenced, for a design doc.
 * The fence is longer than any run of backticks in the diagram, the title one line, and
 * the title and summary inert (markdownText), so that nothing in the entry can end the
 * block, start another, or become a link, an image or HTML.
 */
export function renderMarkdown(entry: Entry, ascii = false): string {
  const diagram = sanitize(entry.diagram);
  const body = ascii ? toAscii(diagram) : diagram;
  const fence = fenceFor(body);
  const line = (text: string) => markdownText(sanitizeLine(text.replace(/\s+/g, " ").trim()));
  const title = line(entry.title);
  const summary = entry.summary ? `${line(entry.summary)}\n\n` : "";
  const after =
    markdownPoints("Notes", entry.notes) + markdownPoints("References", entry.references, true);
  return `## ${title}\n\n${summary}${fence}text\n${body}\n${fence}\n${after ? `\n${after.trimEnd()}\n` : ""}`;
}
