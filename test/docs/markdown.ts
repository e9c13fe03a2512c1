import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { filesUnder, ROOT } from "../helpers.js";

/**
 * What the documentation tests read of a Markdown page: its fenced blocks, its
 * headings and sections (code blocks never count as headings), its links.
 */

export interface Page {
  /** Relative to the repository: `README.md`, `docs/commands.md`. */
  path: string;
  text: string;
}

/** README.md and every page of docs/ (decision records included). */
export function pages(): Page[] {
  return [join(ROOT, "README.md"), ...filesUnder(join(ROOT, "docs"), ".md")].map((file) => ({
    path: relative(ROOT, file),
    text: readFileSync(file, "utf8"),
  }));
}

export const page = (path: string): Page => ({
  path,
  text: readFileSync(join(ROOT, path), "utf8"),
});

export interface Block {
  /** The info string after the opening fence: `sh`, `text`, or "". */
  info: string;
  body: string;
  /** The line of the opening fence, 1 first. */
  line: number;
}

/** The fenced code blocks, outermost only: a ```` fence holds ``` lines as text. */
export function blocks(text: string): Block[] {
  const found: Block[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const fence = open[1] as string;
    const close = lines.findIndex(
      (l, j) =>
        j > i && l.startsWith(fence) && /^`+\s*$/.test(l) && l.trim().length >= fence.length,
    );
    const end = close < 0 ? lines.length : close;
    found.push({
      info: (open[2] as string).trim(),
      body: lines.slice(i + 1, end).join("\n"),
      line: i + 1,
    });
    i = end;
  }
  return found;
}

/** The text with every fenced block's lines blanked (kept as empty lines, so lines still count). */
export function prose(text: string): string {
  const lines = text.split("\n");
  for (const b of blocks(text)) {
    const count = b.body === "" ? 0 : b.body.split("\n").length;
    for (let j = b.line - 1; j <= b.line + count && j < lines.length; j++) lines[j] = "";
  }
  return lines.join("\n");
}

export interface Section {
  heading: string;
  level: number;
  /** From the heading to the next heading of the same or a higher level, code blocks blanked. */
  body: string;
}

export function sections(text: string): Section[] {
  const lines = prose(text).split("\n");
  const heads = lines.flatMap((l, i) => {
    const m = /^(#{1,6}) (.+)$/.exec(l);
    return m ? [{ i, level: (m[1] as string).length, heading: m[2] as string }] : [];
  });
  return heads.map((h, k) => {
    const next = heads.slice(k + 1).find((n) => n.level <= h.level);
    return {
      heading: h.heading,
      level: h.level,
      body: lines.slice(h.i, next ? next.i : lines.length).join("\n"),
    };
  });
}

/** The one section with this heading; fails loudly when there is none or several. */
export function section(text: string, heading: string): string {
  const found = sections(text).filter((s) => s.heading === heading);
  if (found.length !== 1) throw new Error(`${found.length} sections headed '${heading}'`);
  return (found[0] as Section).body;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/ /g, "-");
}

/** Links and images of the prose: `[text](target)` and `<img src="target">`. */
export function links(text: string): string[] {
  const body = prose(text);
  return [
    ...[...body.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string),
    ...[...body.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1] as string),
  ];
}
