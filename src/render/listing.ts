import type { Ranked } from "../search/rank.js";
import type { Catalog, Entry } from "../types.js";
import { explainMatches } from "./explain.js";
import type { Style } from "./style.js";

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - text.length));

/** `list`: ids and titles under category headings, ids aligned across all groups. */
export function formatList(catalog: Catalog, entries: Entry[], style: Style): string {
  const idWidth = Math.max(0, ...entries.map((e) => e.id.length));
  const blocks: string[] = [];
  for (const category of catalog.categories) {
    const members = entries.filter((e) => e.categoryId === category.id);
    if (members.length === 0) continue;
    const rows = members.map((e) => `  ${style.id(pad(e.id, idWidth))}  ${e.title}`);
    blocks.push(
      [`${style.heading(category.name)} ${style.dim(`(${category.id})`)}`, ...rows].join("\n"),
    );
  }
  return `${blocks.join("\n\n")}\n`;
}

/** `categories`: id, name and number of diagrams, one category a line. */
export function formatCategories(catalog: Catalog, style: Style): string {
  const idWidth = Math.max(...catalog.categories.map((c) => c.id.length));
  const nameWidth = Math.max(...catalog.categories.map((c) => c.name.length));
  const counts = countByCategory(catalog);
  return catalog.categories
    .map((c) => {
      const count = String(counts.get(c.id) ?? 0).padStart(3);
      return `${style.id(pad(c.id, idWidth))}  ${pad(c.name, nameWidth)}  ${count}\n`;
    })
    .join("");
}

export function countByCategory(catalog: Catalog): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of catalog.diagrams) {
    counts.set(entry.categoryId, (counts.get(entry.categoryId) ?? 0) + 1);
  }
  return counts;
}

/** `search`: rank, id, title and category, columns aligned; with `explain`, why each ranks. */
export function formatResults(results: Ranked[], style: Style, explain = false): string {
  const rankWidth = String(results.length).length;
  const idWidth = Math.max(...results.map((r) => r.entry.id.length));
  const titleWidth = Math.max(...results.map((r) => r.entry.title.length));
  const indent = " ".repeat(rankWidth + 2);
  return results
    .map(({ entry: e, score, matches }, i) => {
      const rank = String(i + 1).padStart(rankWidth);
      const line = `${style.dim(`${rank}.`)} ${style.id(pad(e.id, idWidth))}  ${pad(e.title, titleWidth)}  ${style.dim(e.category)}\n`;
      return explain ? `${line}${indent}${explainMatches(score, matches, style)}\n` : line;
    })
    .join("");
}

/**
 * Prose Markdown: as written when plain (pasteable Markdown); with colour,
 * headings and **bold** stand out instead of their markers.
 */
export function formatProse(title: string, markdown: string, style: Style): string {
  if (!style.color) return `## ${title}\n\n${markdown}\n`;
  const body = markdown
    .split("\n")
    .map((line) => {
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading) return style.heading(heading[1] as string);
      return line.replace(/\*\*([^*]+)\*\*/g, (_, text: string) => style.heading(text));
    })
    .join("\n");
  return `${style.title(title)}\n\n${body}\n`;
}
