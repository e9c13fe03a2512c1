import type { SourceReport } from "../catalog/sources.js";
import { sanitize, sanitizeLine } from "../core/sanitize.js";
import type { Catalog, Category, Listed } from "../core/types.js";
import { displayWidth, largest, padEnd } from "../core/width.js";
import type { Ranked } from "../search/rank.js";
import { explainMatches } from "./explain.js";
import type { Style } from "./style.js";

const widest = (texts: string[]) => largest(texts.map(displayWidth));

/** What a listing reads of an entry (a compiled store gives only this for `list`). */
/** `list`: ids and titles under category headings, ids aligned across all groups. */
export function formatList(
  catalog: Pick<Catalog, "categories">,
  entries: readonly Listed[],
  style: Style,
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
    const rows = members.map(
      (e) =>
        `  ${style.id(padEnd(sanitizeLine(e.id), idWidth))}  ${sanitizeLine(e.title)}${noteOf(e)}`,
    );
    blocks.push(
      [
        `${style.heading(sanitizeLine(category.name))} ${style.dim(`(${sanitizeLine(category.id)})`)}`,
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

/** `search`: rank, id, title and category, columns aligned; with `explain`, why each ranks. */
export function formatResults(
  results: Ranked[],
  style: Style,
  explain = false,
  ascii = false,
): string {
  const rankWidth = String(results.length).length;
  const ids = results.map((r) => sanitizeLine(r.entry.id));
  const titles = results.map((r) => sanitizeLine(r.entry.title));
  const idWidth = widest(ids);
  const titleWidth = widest(titles);
  const indent = " ".repeat(rankWidth + 2);
  return results
    .map(({ entry: e, score, matches }, i) => {
      const rank = String(i + 1).padStart(rankWidth);
      const line = `${style.dim(`${rank}.`)} ${style.id(padEnd(ids[i] as string, idWidth))}  ${padEnd(titles[i] as string, titleWidth)}  ${style.dim(sanitizeLine(e.category))}\n`;
      return explain ? `${line}${indent}${explainMatches(score, matches, style, ascii)}\n` : line;
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
