import type { Entry } from "../core/types.js";
import type { Meta, Row, Span } from "./store-format.js";

/** Reads an entry's drawing (or original) from the store's bodies, or else from the sources. */
export type ReadBody = (id: string, field: "diagram" | "original", at: Span) => string;

/** Where an entry's drawings are, and what has been read of them. */
interface Lazy {
  read: ReadBody;
  row: Row;
  diagram?: string;
  original?: string;
}

const lazies = new WeakMap<object, Lazy>();

/**
 * One getter and setter for every entry's `diagram` (and `original`): V8 gives
 * objects sharing them one shape, where a closure each (or an object literal's
 * accessors) would give each of 10,000 entries its own and make reading a big
 * catalog three times slower.
 */
const accessor = (field: "diagram" | "original", at: 10 | 11): PropertyDescriptor => ({
  enumerable: true,
  configurable: true,
  get(this: Entry) {
    const lazy = lazies.get(this) as Lazy;
    lazy[field] ??= lazy.read(this.id, field, lazy.row[at] as Span);
    return lazy[field];
  },
  set(this: Entry, value: string) {
    (lazies.get(this) as Lazy)[field] = value;
  },
});
const DIAGRAM = accessor("diagram", 10);
const ORIGINAL = accessor("original", 11);

/**
 * The entry a store's row holds, whose drawing is read (by `read`) when first asked
 * for, with its keys in the catalog's order.
 */
export function entryOf(row: Row, { categories, sources }: Meta, read: ReadBody): Entry {
  const [id, title, c, aliases, tags, summary, related, line, s, overrides, , original] = row;
  const [category = "", categoryId = ""] = categories[c] ?? [];
  const entry = { id, title, category, categoryId, aliases, tags, summary, related } as Entry;
  Object.defineProperty(entry, "diagram", DIAGRAM);
  if (original) Object.defineProperty(entry, "original", ORIGINAL);
  entry.line = line;
  entry.source = sources[s] as string;
  if (overrides !== null) entry.overrides = sources[overrides] as string;
  lazies.set(entry, { read, row });
  return entry;
}
