import { LIMITS, thousands } from "../core/limits.js";
import { KEBAB, normalizeName } from "../core/names.js";
import type { Entry } from "../core/types.js";
import { fenceFor } from "../core/width.js";
import { type DrawnBlock, drawnBlocks, isDrawing } from "./blocks.js";
import { repairMojibake } from "./encoding.js";
import { scanMarkdown, type Token, trimNewlines } from "./fences.js";
import { NUMBERED } from "./markdown.js";
import { listOf, type Meta, type Problem, readMeta } from "./meta.js";

export type { Problem } from "./meta.js";

/**
 * A user's document: Markdown laid out like the shipped one (`##` category,
 * `###` title, a fenced drawing), with optional facts per diagram in an HTML
 * comment between the title and the drawing:
 *
 *     ### Write-Behind Cache
 *     <!-- sysdiag
 *     id: write-behind
 *     aliases: write behind, lazy write
 *     tags: Redis, Kafka
 *     summary: Writes go to the cache and reach the database later, in batches.
 *     related: write-back, cache-aside
 *     notes:
 *     - Use it when writes come in bursts the database cannot take one by one.
 *     - A cache lost before it drains loses the writes it held.
 *     references:
 *     - Designing Data-Intensive Applications, ch. 3
 *     -->
 *
 * A list key (aliases, tags, related: comma-separated on its line) may go on in
 * `- item` lines under it, an item a line, continued on indented lines; notes and
 * references take items only that way or one on the key's own line, since a note
 * may hold commas.
 * Unlike the shipped document, nothing in it stops the rest from loading: every
 * problem is reported with its line and that diagram is skipped.
 */

export interface DocumentEntry
  extends Pick<
    Entry,
    "id" | "title" | "category" | "aliases" | "tags" | "summary" | "related" | "diagram" | "line"
  > {
  notes: string[];
  references: string[];
  /** 1-based line of the drawing's first line. */
  bodyLine?: number;
  /** 1-based first line of the drawing's own part: its sysdiag comment, else its block. */
  ownLine?: number;
  /** 1-based last line of its block (a fence's closing line). */
  endLine?: number;
  /** Columns taken off each line of an indented drawing (4), so that a column in it is one in the file less this. */
  indent?: number;
}

export interface ReadDocument {
  diagrams: DocumentEntry[];
  problems: Problem[];
}

export interface ReadOptions {
  /**
   * The title of drawings that stand under no heading (a file's name, as `render`
   * titles them); without it such a drawing is a problem.
   */
  name?: string;
  /** The category of drawings whose comment names none (`add --category`). */
  category?: string;
}

/** The category of diagrams that stand under no `##` heading and in no `#` titled document. */
const DEFAULT_CATEGORY = "My Diagrams";

/** A caption taken into a title: a line of text of at most this many characters. */
const CAPTION_CHARS = 60;

/** Garbled box drawing, as UTF-8 read through a Windows code page makes it ("â”Œ"). */
const MOJIBAKE =
  /\u00e2[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2013-\u203a\u20ac\u2122]/;

/** The text with its encoding repaired when it is box drawing garbled in transit, else as it is. */
function repairIfGarbled(text: string): string {
  if (!MOJIBAKE.test(text)) return text;
  try {
    return repairMojibake(text);
  } catch {
    return text;
  }
}

/** A short, stable id for a title with no letters a kebab-case id can hold ("缓存"). */
function hashId(title: string): string {
  let hash = 2166136261;
  for (const char of title) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619);
  return `diagram-${(hash >>> 0).toString(16).padStart(8, "0")}`;
}

/** An id from a title, cut at a dash to the longest an id may be. */
function idOf(title: string): string {
  const id = normalizeName(title) || hashId(title);
  if (id.length <= LIMITS.idChars) return id;
  const cut = id.slice(0, LIMITS.idChars + 1);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : LIMITS.idChars);
}

/** `base` with `-2`, `-3`… until no id of `taken` has it, kept within the id's length. */
function unique(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, LIMITS.idChars - suffix.length).replace(/-$/, "")}${suffix}`;
    if (!taken.has(id)) return id;
  }
}

/** A heading that titles the drawings under it: the first by its text, the next ones after it. */
interface Heading {
  title: string;
  line: number;
  /** Drawings titled by it so far. */
  taken: number;
}

/** What reading a document has found so far, and where it stands. */
interface Reading {
  diagrams: DocumentEntry[];
  problems: Problem[];
  options: ReadOptions;
  /** Ids given so far: a derived one that is taken gets a suffix. */
  ids: Set<string>;
  /** The last `#` heading: the category of drawings in no `##` section. */
  documentTitle?: string;
  /** The `##` section the next drawings stand in. */
  section?: string;
  /** The last heading of level 1 to 3: it titles the next drawing. */
  heading?: Heading;
  /** A sysdiag comment read, waiting for the drawing under it. */
  pending?: Meta;
  /** A sysdiag comment opened on an earlier line and not yet closed. */
  comment?: { line: number; lines: string[] };
  /** The paragraph (or `####` heading) since the last drawing: a later drawing's caption. */
  above?: { text: string; lines: number; blankAfter: boolean };
}

/**
 * The diagrams of a document: every drawing the one reader finds (drawnBlocks, as
 * `render` and `lint` find them), titled by the heading over it. A second drawing
 * under one heading is titled by the heading and the line of text just above it (a
 * caption), or numbered ("Read path (2)"); every id is unique in the document.
 */
export function readDocument(raw: string, options: ReadOptions = {}): ReadDocument {
  const text = repairIfGarbled(raw);
  const tokens = scanMarkdown(text);
  const reading: Reading = { diagrams: [], problems: [], options, ids: new Set() };
  if (options.name !== undefined) reading.heading = { title: options.name, line: 1, taken: 0 };
  const markdown = tokens.some((t) => t.kind !== "text");
  if (!markdown && options.name !== undefined) {
    // Plain text: the whole of it is one drawing, as render takes it.
    const whole = trimNewlines(text);
    if (isDrawing(whole)) {
      takeDrawing(reading, { line: 1, text: whole, first: 0, last: tokens.length - 1 }, "plain");
    }
    return { diagrams: reading.diagrams, problems: reading.problems };
  }
  const blocks = new Map(drawnBlocks(tokens).map((b) => [b.first, b]));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (reading.comment && readCommentLine(reading, token)) continue;
    const block = blocks.get(i);
    if (token.kind === "fence" && !token.closed) {
      reading.problems.push({ line: token.line, message: "fenced block is never closed" });
      break;
    }
    if (block) {
      takeDrawing(reading, block, block.fence ? "fenced" : "indented");
      i = block.last;
    } else if (token.kind === "heading") readHeading(reading, token);
    else if (token.kind === "text") readText(reading, token);
    else reading.above = undefined; // code: no caption reaches over it
  }
  unusedComment(reading);
  return { diagrams: reading.diagrams, problems: reading.problems };
}

/** A sysdiag comment that no drawing took: said, since what it gives would be lost unseen. */
function unusedComment(reading: Reading): void {
  if (!reading.pending) return;
  reading.problems.push({
    line: reading.pending.line,
    message: "a sysdiag comment with no drawing under it",
  });
  reading.pending = undefined;
}

/**
 * A line of an open sysdiag comment: kept, or (with its `-->`) the comment read.
 * False when the token is not the comment's (a fence: the comment was never closed).
 */
function readCommentLine(reading: Reading, token: Token): boolean {
  const comment = reading.comment as NonNullable<Reading["comment"]>;
  if (token.kind === "fence") {
    reading.problems.push({
      line: comment.line,
      message: "a sysdiag comment that is never closed with -->",
    });
    reading.comment = undefined;
    return false;
  }
  const line = token.kind === "heading" ? token.raw : token.text;
  const end = line.indexOf("-->");
  if (end < 0) {
    comment.lines.push(line);
    return true;
  }
  comment.lines.push(line.slice(0, end));
  giveMeta(reading, comment.lines, comment.line, false);
  reading.comment = undefined;
  return true;
}

/** A comment's entries, for the next drawing under the heading above it. */
function giveMeta(reading: Reading, lines: string[], line: number, sameLine: boolean): void {
  const meta = readMeta(lines, line, sameLine, reading.problems);
  if (!reading.heading) {
    reading.problems.push({ line, message: "a sysdiag comment with no heading above it" });
    return;
  }
  unusedComment(reading);
  reading.pending = meta;
}

function readHeading(reading: Reading, token: Extract<Token, { kind: "heading" }>): void {
  if (token.level > 3) {
    // A `####` over a drawing is its caption, as a line of text would be.
    reading.above = { text: token.text, lines: 1, blankAfter: false };
    return;
  }
  unusedComment(reading);
  reading.above = undefined;
  if (token.level === 1) {
    reading.documentTitle = token.text.replace(NUMBERED, "");
    reading.section = undefined;
  }
  if (token.level === 2) reading.section = token.text.replace(NUMBERED, "");
  reading.heading = { title: token.text.replace(NUMBERED, ""), line: token.line, taken: 0 };
}

/** A line of text: a sysdiag comment's start, or prose a caption may be taken from. */
function readText(reading: Reading, token: Extract<Token, { kind: "text" }>): void {
  const open = /^\s*<!--\s*sysdiag\b(.*)$/s.exec(token.text);
  if (open) {
    const rest = open[1] as string;
    const end = rest.indexOf("-->");
    if (end >= 0) giveMeta(reading, rest.slice(0, end).split(";"), token.line, true);
    else reading.comment = { line: token.line, lines: [rest] };
    return;
  }
  if (token.comment) return;
  if (token.text.trim() === "") {
    if (reading.above) reading.above.blankAfter = true;
  } else if (reading.above && !reading.above.blankAfter) reading.above.lines++;
  else reading.above = { text: token.text, lines: 1, blankAfter: false };
}

/** The caption a line of text gives a drawing below it: one short line, its markup and colon gone. */
function captionOf(above: Reading["above"]): string | undefined {
  if (above?.lines !== 1) return undefined;
  const text = above.text
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "")
    .replace(/[*_`]/g, "")
    .replace(/[\s:.]+$/, "")
    .replace(/\s+/g, " ")
    .trim();
  return text !== "" && text.length <= CAPTION_CHARS ? text : undefined;
}

/** The lines of an indented code block without the four columns that make it one. */
function dedent(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/^( {4}| {0,3}\t)/, ""))
    .join("\n");
}

/** A drawing: titled by the heading over it (and its caption or number), with its comment's facts. */
function takeDrawing(
  reading: Reading,
  block: DrawnBlock,
  set: "fenced" | "indented" | "plain",
): void {
  const { problems } = reading;
  const meta = reading.pending;
  reading.pending = undefined;
  const caption = captionOf(reading.above);
  reading.above = undefined;
  const heading = reading.heading;
  if (!heading) {
    problems.push({
      line: set === "fenced" ? block.line - 1 : block.line,
      message: "a drawing with no heading above it to title it",
    });
    return;
  }
  const n = heading.taken++;
  const title =
    meta?.values.title ||
    (n === 0
      ? heading.title
      : caption
        ? `${heading.title}: ${caption}`
        : `${heading.title} (${n + 1})`);
  if (block.text.length > LIMITS.diagramChars) {
    problems.push({
      line: block.line,
      message: `the drawing of '${title}' is over ${thousands(LIMITS.diagramChars)} characters`,
    });
    return;
  }
  const given = meta?.values.id;
  const id =
    given ??
    unique(
      n === 0 || caption || meta?.values.title ? idOf(title) : `${idOf(heading.title)}-${n + 1}`,
      reading.ids,
    );
  if (!KEBAB.test(id) || id.length > LIMITS.idChars) {
    problems.push({
      line: meta?.line ?? heading.line,
      message: `id '${id}' is not kebab-case (a-z, 0-9 and single dashes, at most ${LIMITS.idChars})`,
    });
    return;
  }
  reading.ids.add(id);
  const ownLine = meta?.line ?? (set === "fenced" ? block.line - 1 : block.line);
  const lastLine = block.line + block.text.split("\n").length - 1;
  reading.diagrams.push({
    id,
    title: title.replace(/\s+/g, " ").trim(),
    category:
      meta?.values.category ||
      reading.options.category ||
      reading.section ||
      reading.documentTitle ||
      DEFAULT_CATEGORY,
    aliases: listOf(meta, "aliases"),
    tags: listOf(meta, "tags"),
    summary: (meta?.values.summary ?? "").trim(),
    related: listOf(meta, "related"),
    notes: listOf(meta, "notes"),
    references: listOf(meta, "references"),
    diagram: trimNewlines(set === "indented" ? dedent(block.text) : block.text),
    line: n === 0 ? heading.line : ownLine,
    bodyLine: block.line,
    ownLine,
    endLine: set === "fenced" ? lastLine + 1 : lastLine,
    ...(set === "indented" ? { indent: 4 } : {}),
  });
}

/** One line that cannot end the comment it is written in (`-->`, or HTML's `--!>`). */
const flat = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .replace(/--(!?)>/g, "-- $1>")
    .trim();

type Formatted = Omit<DocumentEntry, "notes" | "references"> &
  Partial<Pick<Entry, "notes" | "references">>;

/**
 * A sysdiag comment holding an entry's facts, as `readDocument` reads them back;
 * `also` adds the title and the category, for a drawing whose heading does not say them.
 */
export function formatMeta(
  entry: Formatted,
  also: { title?: boolean; category?: boolean } = {},
): string {
  const meta = [
    `id: ${entry.id}`,
    also.title ? `title: ${flat(entry.title)}` : "",
    also.category ? `category: ${flat(entry.category)}` : "",
    entry.aliases.length > 0
      ? `aliases: ${entry.aliases.map((a) => flat(a).replace(/,/g, " ")).join(", ")}`
      : "",
    entry.tags.length > 0
      ? `tags: ${entry.tags.map((t) => flat(t).replace(/,/g, " ")).join(", ")}`
      : "",
    entry.summary ? `summary: ${flat(entry.summary)}` : "",
    entry.related.length > 0 ? `related: ${entry.related.join(", ")}` : "",
    ...(["notes", "references"] as const).map((key) =>
      (entry[key] ?? []).length > 0
        ? `${key}:\n${(entry[key] ?? []).map((item) => `- ${flat(item)}`).join("\n")}`
        : "",
    ),
  ].filter(Boolean);
  return `<!-- sysdiag\n${meta.join("\n")}\n-->`;
}

/**
 * One diagram as a document `readDocument` reads back the same (what `add` and `edit`
 * write). `titleInFacts`: the title goes in the comment too (a drawing that shares
 * its heading).
 */
export function formatDocument(entry: Formatted, titleInFacts = false): string {
  const fence = fenceFor(entry.diagram);
  return `## ${flat(entry.category)}\n\n### ${flat(entry.title)}\n${formatMeta(entry, { title: titleInFacts })}\n${fence}text\n${entry.diagram}\n${fence}\n`;
}
