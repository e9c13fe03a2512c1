import { readText } from "../core/io.js";
import { SOURCE_LIMIT } from "../core/limits.js";
import type { Catalog, Entry } from "../core/types.js";
import { compact, words } from "./tokens.js";

/** Searchable fields, strongest first. `name` is the id and the title. */
export const FIELDS = ["name", "aliases", "tags", "category", "summary", "diagram"] as const;
export type Field = (typeof FIELDS)[number];

export const WEIGHTS: Record<Field, number> = {
  name: 10,
  aliases: 8,
  tags: 6,
  category: 4,
  summary: 3,
  diagram: 1.5,
};

/** Fields short and curated enough to be matched with typos; diagram text is not. */
const FUZZY_FIELDS: ReadonlySet<Field> = new Set(["name", "aliases", "tags", "category"]);

/** What a word counts for in each further field it appears in. */
const ECHO = 0.1;

/**
 * An inverted index in plain arrays, so that it is written to JSON at extract time
 * and read back with no rebuilding: a catalog of 51 diagrams takes longer to index
 * than a whole `sysdiag list` takes to run.
 */
export interface SearchIndex {
  version: 1;
  /** Catalog ids in order, to tell whether the index belongs to a catalog. */
  ids: string[];
  /** Every word, sorted (for prefix matching by binary search). */
  words: Words;
  /**
   * For each word, flat triples: entry (index into the catalog), field (index
   * into FIELDS: the strongest one the word stands in), weight (that field's,
   * plus a little for each other field that has the word too).
   * In entry order, each entry once (a search finds an entry's by binary search).
   */
  postings: Postings;
  /** Indices into `words` of the words of fuzzy fields: the candidates for typo matching. */
  fuzzy: ArrayLike<number> & Iterable<number>;
}

/**
 * The words by position. An array is one; a compiled store gives one that slices
 * each word out of one text when it is looked at, never splitting all of them.
 */
export interface Words {
  readonly length: number;
  at(at: number): string | undefined;
}

/**
 * Each word's posting list by the word's position. An array of arrays is one (as
 * built, and as read from JSON); a compiled store (src/catalog/stored-index.ts) gives one
 * that makes a word's list from typed arrays only when the word is looked up.
 */
export interface Postings {
  readonly length: number;
  at(at: number): ArrayLike<number> | undefined;
}

/** An index as buildIndex makes it: plain arrays throughout. */
export interface BuiltIndex extends SearchIndex {
  words: string[];
  postings: number[][];
  fuzzy: number[];
}

function fieldWords(entry: Entry): Record<Field, string[]> {
  const names = [entry.id, entry.title];
  // Names run together too, so "writethrough" and "pubsub" meet "write-through" and "pub/sub".
  return {
    name: [...names.flatMap(words), ...names.map(compact)],
    aliases: [...entry.aliases.flatMap(words), ...entry.aliases.map(compact)],
    tags: [...entry.tags.flatMap(words), ...entry.tags.map(compact)],
    category: [...words(entry.category), ...words(entry.categoryId)],
    summary: words(entry.summary),
    diagram: words(entry.diagram),
  };
}

export function buildIndex(catalog: Catalog): BuiltIndex {
  const byWord = new Map<string, Map<number, { field: number; weight: number }>>();
  const fuzzy = new Set<string>();
  catalog.diagrams.forEach((entry, doc) => {
    const texts = fieldWords(entry);
    // FIELDS run strongest first, so the first field a word is seen in is its best.
    FIELDS.forEach((field, f) => {
      for (const word of new Set(texts[field])) {
        let docs = byWord.get(word);
        if (!docs) {
          docs = new Map();
          byWord.set(word, docs);
        }
        const posting = docs.get(doc);
        if (posting) posting.weight += ECHO * WEIGHTS[field];
        else docs.set(doc, { field: f, weight: WEIGHTS[field] });
        if (FUZZY_FIELDS.has(field)) fuzzy.add(word);
      }
    });
  });
  const sorted = [...byWord.keys()].sort();
  return {
    version: 1,
    ids: catalog.diagrams.map((d) => d.id),
    words: sorted,
    postings: sorted.map((word) =>
      [...(byWord.get(word) ?? [])].flatMap(([doc, p]) => [doc, p.field, round(p.weight)]),
    ),
    fuzzy: sorted.flatMap((word, i) => (fuzzy.has(word) ? [i] : [])),
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Whether `index` was built from `catalog` (and not from an older version of it). */
export function indexMatches(index: SearchIndex | undefined, catalog: Catalog): boolean {
  if (index?.version !== 1 || index.ids.length !== catalog.diagrams.length) return false;
  return catalog.diagrams.every((d, i) => index.ids[i] === d.id);
}

/** Position of the first word ≥ `term` in the sorted words. */
export function lowerBound(words: Words, term: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((words.at(mid) as string) < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The committed form: one line a part and a posting list a line, so that a
 * re-extraction shows up in a diff as the words that changed.
 */
export function serializeIndex(index: BuiltIndex): string {
  const postings = index.postings.map((p) => JSON.stringify(p)).join(",\n");
  return `{\n"version": 1,\n"ids": ${JSON.stringify(index.ids)},\n"words": ${JSON.stringify(index.words)},\n"fuzzy": ${JSON.stringify(index.fuzzy)},\n"postings": [\n${postings}\n]\n}\n`;
}

/** The catalog's index written beside it, or, when absent or out of date, a new one. */
export function readIndex(path: string, catalog: Catalog): SearchIndex {
  try {
    const index = JSON.parse(readText(path, SOURCE_LIMIT)) as SearchIndex;
    if (indexMatches(index, catalog)) return index;
  } catch {
    // No index file (a user's catalog, say), or not one: searching still works, only slower.
  }
  return buildIndex(catalog);
}

/** data/diagrams.json -> data/diagrams.index.json */
export function indexPathFor(catalogPath: string): string {
  return catalogPath.replace(/(\.json)?$/, ".index.json");
}
