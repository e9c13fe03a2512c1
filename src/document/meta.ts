/**
 * The `<!-- sysdiag … -->` comment: `key: value` lines, a list key's items
 * comma-separated on its line or one `- item` a line under it (an indented line
 * going on with the item above). Read into what the next drawing takes.
 */

export interface Problem {
  line: number;
  message: string;
}

export const KEYS = [
  "id",
  "title",
  "category",
  "aliases",
  "tags",
  "summary",
  "related",
  "notes",
  "references",
] as const;
const KNOWN = new Set<string>(KEYS);
/** Keys whose value is a list, which may go on in `- item` lines under the key. */
const LIST_KEYS = new Set(["aliases", "tags", "related", "notes", "references"]);
/** List keys whose line holds one item, not a comma-separated list. */
const ITEM_KEYS = new Set(["notes", "references"]);

export interface Meta {
  /** 1-based line of the comment's first line. */
  line: number;
  /** Each key's value as written on its line. */
  values: Record<string, string>;
  /** A list key's `- item` lines, each item whole. */
  items: Record<string, string[]>;
}

const split = (value: string) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/** A list key's items: its line's (comma-separated, or one item for notes), then its `- item` lines. */
export function listOf(meta: Meta | undefined, key: string): string[] {
  if (!meta) return [];
  const value = meta.values[key] ?? "";
  const onLine = ITEM_KEYS.has(key) ? (value ? [value] : []) : split(value);
  return [...onLine, ...(meta.items[key] ?? [])].filter(Boolean);
}

/**
 * A comment's entries. `sameLine`: the entries are a one-line comment's, split at
 * `;`, all on its line. Lines that are no entry are problems, at their line.
 */
export function readMeta(
  lines: readonly string[],
  line: number,
  sameLine: boolean,
  problems: Problem[],
): Meta {
  const meta: Meta = { line, values: {}, items: {} };
  // The list key the lines below may go on with, and whether an item is open for an
  // indented line to continue.
  let listKey: string | undefined;
  let inItem = false;
  lines.forEach((entry, i) => {
    if (entry.trim() === "") return;
    const match = /^\s*([a-z]+)\s*:\s*(.*)$/s.exec(entry);
    if (match && KNOWN.has(match[1] as string)) {
      const key = match[1] as string;
      meta.values[key] = (match[2] as string).trim();
      meta.items[key] = [];
      listKey = LIST_KEYS.has(key) && !sameLine ? key : undefined;
      inItem = false;
      return;
    }
    const items = listKey === undefined ? undefined : meta.items[listKey];
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
      message: `'${entry.trim()}' is not one of ${KEYS.join(", ")} (key: value, or a '- item' under a list key)`,
    });
  });
  return meta;
}
