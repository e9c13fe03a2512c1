import { LIMITS, thousands } from "../core/limits.js";
import { KEBAB, normalizeName } from "../core/names.js";
import type { Entry } from "../core/types.js";
import { fenceFor } from "../core/width.js";
import { isDrawing } from "./blocks.js";
import { repairMojibake } from "./encoding.js";
import { scanMarkdown, type Token, trimNewlines } from "./fences.js";
import { NUMBERED } from "./markdown.js";

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
}

export interface Problem {
  line: number;
  message: string;
}

export interface ReadDocument {
  diagrams: DocumentEntry[];
  problems: Problem[];
}

/** The category of diagrams that stand under no `##` heading. */
const DEFAULT_CATEGORY = "My Diagrams";

const KEYS = new Set(["id", "aliases", "tags", "summary", "related", "notes", "references"]);
/** Keys whose value is a list, which may go on in `- item` lines under the key. */
const LIST_KEYS = new Set(["aliases", "tags", "related", "notes", "references"]);
/** List keys whose line holds one item, not a comma-separated list. */
const ITEM_KEYS = new Set(["notes", "references"]);
/** Info strings of fences that are drawings even without a box-drawing character. */
const DRAWING_INFO = new Set(["", "text", "txt", "plain", "ascii", "diagram", "sysdiag"]);

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

const list = (value: string) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/** A short, stable id for a title with no letters a kebab-case id can hold ("缓存"). */
function hashId(title: string): string {
  let hash = 2166136261;
  for (const char of title) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619);
  return `diagram-${(hash >>> 0).toString(16).padStart(8, "0")}`;
}

/** A heading that may title the next drawing, and the facts its sysdiag comment gave. */
interface Heading {
  title: string;
  line: number;
  /** Whether a drawing has been titled by it already. */
  used: boolean;
  /** Each key's value as written on its line. */
  meta: Record<string, string>;
  /** A list key's `- item` lines, each item whole. */
  items: Record<string, string[]>;
}

/** What reading a document has found so far, and where it stands. */
interface Reading {
  diagrams: DocumentEntry[];
  problems: Problem[];
  /** The `##` heading the next diagrams are filed under. */
  category?: string;
  /** The `###` heading that titles the next drawing. */
  heading?: Heading;
  /** The last `#` or `##` heading: it titles a drawing straight under it. */
  section?: Heading & { level: number };
  /** A sysdiag comment opened on an earlier line and not yet closed. */
  comment?: { line: number; lines: string[] };
}

export function readDocument(raw: string): ReadDocument {
  const reading: Reading = { diagrams: [], problems: [] };
  for (const token of scanMarkdown(repairIfGarbled(raw))) {
    if (reading.comment && readCommentLine(reading, token)) continue;
    if (token.kind === "heading") readHeading(reading, token);
    else if (token.kind === "text") openComment(reading, token);
    else if (!token.closed) {
      reading.problems.push({ line: token.line, message: "fenced block is never closed" });
      break;
    } else readFence(reading, token);
  }
  return { diagrams: reading.diagrams, problems: reading.problems };
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
  readMeta(reading, comment.lines, comment.line, false);
  reading.comment = undefined;
  return true;
}

/**
 * A sysdiag comment's entries (`key: value`), given to the heading above it.
 * `sameLine`: the entries are a one-line comment's, split at `;`, all on its line.
 */
function readMeta(reading: Reading, lines: string[], line: number, sameLine: boolean): void {
  const { heading, section, problems } = reading;
  const target = heading ?? (section && !section.used ? section : undefined);
  if (!target) {
    problems.push({ line, message: "a sysdiag comment with no heading above it" });
    return;
  }
  // The list key the lines below may go on with, and whether an item is open for an
  // indented line to continue.
  let listKey: string | undefined;
  let inItem = false;
  lines.forEach((entry, i) => {
    if (entry.trim() === "") return;
    const match = /^\s*([a-z]+)\s*:\s*(.*)$/s.exec(entry);
    if (match && KEYS.has(match[1] as string)) {
      const key = match[1] as string;
      target.meta[key] = (match[2] as string).trim();
      target.items[key] = [];
      listKey = LIST_KEYS.has(key) && !sameLine ? key : undefined;
      inItem = false;
      return;
    }
    const items = listKey === undefined ? undefined : target.items[listKey];
    const bullet = /^\s*[-*]\s+(.*)$/s.exec(entry);
    if (items && bullet) {
      items.push((bullet[1] as string).trim());
      inItem = true;
      return;
    }
    if (items && inItem && /^\s/.test(entry)) {
      items[items.length - 1] = `${items[items.length - 1]} ${entry.trim()}`;
      return;
    }
    problems.push({
      line: sameLine ? line : line + i,
      message: `'${entry.trim()}' is not one of id, aliases, tags, summary, related, notes, references (key: value, or a '- item' under a list key)`,
    });
  });
}

function readHeading(reading: Reading, token: Extract<Token, { kind: "heading" }>): void {
  if (token.level <= 2) {
    if (token.level === 2) reading.category = token.text;
    reading.heading = undefined;
    // A design doc titles its drawings with whatever heading stands over them: a `##`
    // (or `#`) with a drawing straight under it titles that drawing.
    reading.section = {
      title: token.text.replace(NUMBERED, ""),
      line: token.line,
      used: false,
      meta: {},
      items: {},
      level: token.level,
    };
  } else if (token.level === 3) {
    reading.heading = {
      title: token.text.replace(NUMBERED, ""),
      line: token.line,
      used: false,
      meta: {},
      items: {},
    };
  }
}

/** A line of text that opens a sysdiag comment: read at once when it closes on that line. */
function openComment(reading: Reading, token: Extract<Token, { kind: "text" }>): void {
  const open = /^\s*<!--\s*sysdiag\b(.*)$/s.exec(token.text);
  if (!open) return;
  const rest = open[1] as string;
  const end = rest.indexOf("-->");
  if (end >= 0) readMeta(reading, rest.slice(0, end).split(";"), token.line, true);
  else reading.comment = { line: token.line, lines: [rest] };
}

/** A closed fence: a diagram when it is a drawing under a heading that titles it. */
function readFence(reading: Reading, token: Extract<Token, { kind: "fence" }>): void {
  const { problems } = reading;
  const info = (token.info.split(/\s+/)[0] ?? "").toLowerCase();
  if (!DRAWING_INFO.has(info) && !isDrawing(token.body)) return; // code, not a drawing
  if (!reading.heading && reading.section && !reading.section.used) {
    reading.heading = reading.section;
    // Its own heading is its title; the category is the one it is filed under, if any.
    if (reading.section.level === 2) reading.category = undefined;
  }
  const heading = reading.heading;
  if (!heading) {
    problems.push({
      line: token.line,
      message: "a drawing with no heading above it to title it",
    });
    return;
  }
  if (heading.used) {
    problems.push({ line: token.line, message: `a second drawing under '### ${heading.title}'` });
    return;
  }
  heading.used = true;
  if (token.body.length > LIMITS.diagramChars) {
    problems.push({
      line: token.line,
      message: `the drawing of '${heading.title}' is over ${thousands(LIMITS.diagramChars)} characters`,
    });
    return;
  }
  if (token.body.trim() === "") {
    problems.push({ line: token.line, message: `the drawing of '${heading.title}' is empty` });
    return;
  }
  const { meta, items } = heading;
  // A list key's line (comma-separated, or one item for notes), then its `- item` lines.
  const listOf = (key: string) => {
    const value = meta[key] ?? "";
    const onLine = ITEM_KEYS.has(key) ? (value ? [value] : []) : list(value);
    return [...onLine, ...(items[key] ?? [])].filter(Boolean);
  };
  const id = meta.id ?? (normalizeName(heading.title) || hashId(heading.title));
  if (!KEBAB.test(id) || id.length > LIMITS.idChars) {
    problems.push({
      line: heading.line,
      message: `id '${id}' is not kebab-case (a-z, 0-9 and single dashes, at most ${LIMITS.idChars})`,
    });
    return;
  }
  reading.diagrams.push({
    id,
    title: heading.title.replace(/\s+/g, " ").trim(),
    category: reading.category ?? DEFAULT_CATEGORY,
    aliases: listOf("aliases"),
    tags: listOf("tags"),
    summary: (meta.summary ?? "").trim(),
    related: listOf("related"),
    notes: listOf("notes"),
    references: listOf("references"),
    diagram: trimNewlines(token.body),
    line: heading.line,
    bodyLine: token.line + 1,
  });
}

const flat = (text: string) => text.replace(/\s+/g, " ").replace(/-->/g, "-- >").trim();

/** One diagram as a document `readDocument` reads back the same (what `add` and `edit` write). */
export function formatDocument(
  entry: Omit<DocumentEntry, "notes" | "references"> & Partial<Pick<Entry, "notes" | "references">>,
): string {
  const fence = fenceFor(entry.diagram);
  const meta = [
    `id: ${entry.id}`,
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
  return `## ${flat(entry.category)}\n\n### ${flat(entry.title)}\n<!-- sysdiag\n${meta.join("\n")}\n-->\n${fence}text\n${entry.diagram}\n${fence}\n`;
}
