import type { SourceReport } from "../catalog/sources.js";
import { sanitize, sanitizeLine } from "../core/sanitize.js";
import type { Catalog, Category, Listed } from "../core/types.js";
import { cutToWidth, displayWidth, largest, padEnd } from "../core/width.js";
import type { Ranked } from "../search/rank.js";
import { explainMatches } from "./explain.js";
import type { Style } from "./style.js";

/** Columns a search row's category keeps before its title column is narrowed. */
const MIN_CATEGORY = 12;
const widest = (texts: string[]) => largest(texts.map(displayWidth));
// biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what is measured out
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, "");

/**
 * Text cut to `width` columns with an ellipsis when it is wider: a row of a listing
 * fits its terminal rather than wrapping mid-word onto the next line. Too little room
 * (under 4 columns) leaves it whole.
 */
function clip(text: string, width: number, ascii = false): string {
  if (width < 4 || displayWidth(text) <= width) return text;
  const more = ascii ? "..." : "…";
  return `${cutToWidth(text, width - displayWidth(more)).text.trimEnd()}${more}`;
}

/**
 * `list`: ids and titles under category headings, ids aligned across all groups. On a
 * terminal (`columns`), a title too long for its row is clipped.
 */
export function formatList(
  catalog: Pick<Catalog, "categories">,
  entries: readonly Listed[],
  style: Style,
  columns?: number,
  ascii = false,
): string {
  const idWidth = widest(entries.map((e) => sanitizeLine(e.id)));
  // A user's 10,000 diagrams come from a few files: each file's note is made once.
  const notes = new Map<string, string>();
  const noteOf = (e: Listed) => {
    const key = `${e.source}\n${e.overrides ?? ""}`;
    let note = notes.get(key);
    if (note === undefined) {
      note = sourceNote(e, style);
      notes.set(key, note);
    }
    return note;
  };
  const byCategory = new Map<string, Listed[]>();
  for (const e of entries) {
    const members = byCategory.get(e.categoryId);
    if (members) members.push(e);
    else byCategory.set(e.categoryId, [e]);
  }
  const blocks: string[] = [];
  for (const category of catalog.categories) {
    const members = byCategory.get(category.id) ?? [];
    if (members.length === 0) continue;
    const rows = members.map((e) => {
      const note = noteOf(e);
      const room =
        columns === undefined
          ? Number.POSITIVE_INFINITY
          : columns - 4 - idWidth - displayWidth(plain(note));
      return `  ${style.id(padEnd(sanitizeLine(e.id), idWidth))}  ${clip(sanitizeLine(e.title), room, ascii)}${note}`;
    });
    blocks.push(
      [
        `${style.heading(clip(sanitizeLine(category.name), (columns ?? Number.POSITIVE_INFINITY) - 3 - displayWidth(sanitizeLine(category.id)), ascii))} ${style.dim(`(${sanitizeLine(category.id)})`)}`,
        ...rows,
      ].join("\n"),
    );
  }
  return `${blocks.join("\n\n")}\n`;
}

/** Where a user's diagram comes from, and what it hides; nothing for a built-in one. */
function sourceNote(entry: Listed, style: Style): string {
  if (entry.source === undefined || entry.source === "built-in") return "";
  const hides = entry.overrides
    ? `, hides the ${entry.overrides === "built-in" ? "built-in one" : entry.overrides}`
    : "";
  return `  ${style.dim(`(${sanitizeLine(entry.source)}${hides})`)}`;
}

/** `list --ids`: the ids in the order `list` shows them, one a line, nothing else. */
export function formatIds(
  catalog: Pick<Catalog, "categories">,
  entries: readonly Listed[],
): string {
  const ids = catalog.categories.flatMap((category) =>
    entries.filter((e) => e.categoryId === category.id).map((e) => `${sanitizeLine(e.id)}\n`),
  );
  return ids.join("");
}

/** `categories`: id, name and number of diagrams, one category a line. */
/** Categories and how many diagrams each has: of a catalog, or of a store's listing. */
export interface Counted {
  categories: readonly Category[];
  entries: readonly { categoryId: string }[];
}

export function formatCategories(catalog: Counted, style: Style): string {
  const ids = catalog.categories.map((c) => sanitizeLine(c.id));
  const names = catalog.categories.map((c) => sanitizeLine(c.name));
  const idWidth = widest(ids);
  const nameWidth = widest(names);
  const counts = countByCategory(catalog.entries);
  return catalog.categories
    .map((c, i) => {
      const count = String(counts.get(c.id) ?? 0).padStart(3);
      return `${style.id(padEnd(ids[i] as string, idWidth))}  ${padEnd(names[i] as string, nameWidth)}  ${count}\n`;
    })
    .join("");
}

export function countByCategory(entries: Counted["entries"]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    counts.set(entry.categoryId, (counts.get(entry.categoryId) ?? 0) + 1);
  }
  return counts;
}

/** What `search` shows besides the hits. */
export interface ResultsLook {
  /** Why each hit is there: its matches, its score and the words it lacks. */
  explain?: boolean;
  ascii?: boolean;
  /** The terminal's width: a summary is clipped to it; none when not a terminal. */
  columns?: number;
}

/** Words a list names; a longer query's other words are counted, not said back. */
const LISTED_WORDS = 10;

/** `a`, `a or b`, `a, b or c`, `a, b, … or 3 more`: words of the query, quoted. */
export function wordList(words: readonly string[], joiner = "or"): string {
  const shown = words.length > LISTED_WORDS ? words.slice(0, LISTED_WORDS - 1) : words;
  const quoted = shown.map((w) => `'${sanitizeLine(w)}'`);
  if (shown.length < words.length) quoted.push(`${words.length - shown.length} more`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} ${joiner} ${quoted.at(-1)}`;
}

/**
 * `search`: rank, id, title and category, columns aligned; under each its one-line
 * summary, clipped to the terminal. A hit that holds only part of the query says
 * which words it holds; with `explain`, why each ranks and what it lacks.
 */
export function formatResults(results: Ranked[], style: Style, look: ResultsLook = {}): string {
  const { explain = false, ascii = false, columns } = look;
  const rankWidth = String(results.length).length;
  const ids = results.map((r) => sanitizeLine(r.entry.id));
  let titles = results.map((r) => sanitizeLine(r.entry.title));
  let categories = results.map((r) => sanitizeLine(r.entry.category));
  const idWidth = widest(ids);
  let titleWidth = widest(titles);
  if (columns !== undefined) {
    // What a row has besides its title and category: rank, id and the gaps.
    const room = columns - (rankWidth + 2) - idWidth - 4;
    const categoryWidth = widest(categories);
    if (room - titleWidth >= MIN_CATEGORY) {
      // The titles fit: only a category too long for its row is clipped.
      categories = categories.map((c) => clip(c, room - titleWidth, ascii));
    } else if (titleWidth + categoryWidth > room) {
      // The title keeps what it needs, down to half the room; the category the rest.
      titleWidth = Math.min(titleWidth, Math.max(Math.ceil(room / 2), room - categoryWidth));
      titles = titles.map((t) => clip(t, titleWidth, ascii));
      titleWidth = widest(titles);
      categories = categories.map((c) => clip(c, room - titleWidth, ascii));
    }
  }
  const indent = " ".repeat(rankWidth + 2);
  return results
    .map((hit, i) => {
      const { entry: e, missing, matches } = hit;
      const rank = String(i + 1).padStart(rankWidth);
      const partialText =
        missing.length > 0 && !explain
          ? `(matches ${wordList(
              matches.map((m) => m.term),
              "and",
            )}; not ${wordList(missing)})`
          : "";
      const row = `${style.dim(`${rank}.`)} ${style.id(padEnd(ids[i] as string, idWidth))}  ${padEnd(titles[i] as string, titleWidth)}  ${style.dim(categories[i] as string)}`;
      // On a narrow terminal the words it matched get a line of their own, clipped.
      const rowWidth =
        rankWidth + 2 + idWidth + 2 + titleWidth + 2 + displayWidth(categories[i] as string);
      const partial =
        partialText === ""
          ? ""
          : columns === undefined || rowWidth + 2 + displayWidth(partialText) <= columns
            ? `  ${style.dim(partialText)}`
            : `\n${indent}${style.dim(clip(partialText, columns - indent.length, ascii))}`;
      const line = `${row}${partial}\n`;
      const summary = sanitizeLine(e.summary).trim();
      const about =
        summary === ""
          ? ""
          : `${indent}${columns === undefined ? summary : clip(summary, columns - indent.length, ascii)}\n`;
      const why = explain ? `${indent}${explainMatches(hit, style, ascii)}\n` : "";
      return line + about + why;
    })
    .join("");
}

/**
 * Prose Markdown: as written when plain (pasteable Markdown); with colour,
 * headings and **bold** stand out instead of their markers.
 */
export function formatProse(title: string, markdown: string, style: Style): string {
  const safeTitle = sanitizeLine(title);
  const safe = sanitize(markdown);
  if (!style.color) return `## ${safeTitle}\n\n${safe}\n`;
  const body = safe
    .split("\n")
    .map((line) => {
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading) return style.heading(heading[1] as string);
      return line.replace(/\*\*([^*]+)\*\*/g, (_, text: string) => style.heading(text));
    })
    .join("\n");
  return `${style.title(safeTitle)}\n\n${body}\n`;
}

const ORIGIN: Record<SourceReport["origin"], string> = {
  "--catalog": "--catalog",
  SYSDIAG_PATH: "SYSDIAG_PATH",
  project: "project",
  user: "user",
  "built-in": "built-in",
};

/** `paths`: each place, highest first, what it gave, and what was wrong in it. */
export function formatPaths(reports: SourceReport[], style: Style): string {
  const pathWidth = widest(reports.map((r) => sanitizeLine(r.path)));
  const originWidth = widest(reports.map((r) => ORIGIN[r.origin]));
  return reports
    .map((report, i) => {
      const gave = report.present
        ? `${report.diagrams} ${report.diagrams === 1 ? "diagram" : "diagrams"}`
        : // A project's .sysdiag/ that is absent says nothing; one with a problem was skipped.
          style.dim(
            report.origin === "project" && report.problems.length > 0 ? "skipped" : "not present",
          );
      const head = `${String(i + 1).padStart(2)}. ${padEnd(ORIGIN[report.origin], originWidth)}  ${style.id(padEnd(sanitizeLine(report.path), pathWidth))}  ${gave}\n`;
      return (
        head + report.problems.map((p) => `      ${style.dim("!")} ${sanitizeLine(p)}\n`).join("")
      );
    })
    .join("");
}
