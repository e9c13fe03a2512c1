import type { Catalog } from "../types.js";
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
export const FUZZY_FIELDS: ReadonlySet<Field> = new Set(["name", "aliases", "tags", "category"]);

/** A word in one entry: the strongest field it stands in, and its weight there. */
export interface Posting {
  /** Index into FIELDS. */
  field: number;
  /** The strongest field's weight, plus a little for each other field that has the word too. */
  weight: number;
}

/** What a word counts for in each further field it appears in. */
const ECHO = 0.1;

export interface SearchIndex {
  /** word -> entry (its index in the catalog) -> where the word stands in it. */
  postings: Map<string, Map<number, Posting>>;
  /** Words that occur in a fuzzy field, for typo matching. */
  fuzzyWords: string[];
  /** Every word, sorted, for prefix matching. */
  sortedWords: string[];
  size: number;
}

/** Words of each field of an entry; names and aliases also run together ("writethrough"). */
function fieldTexts(entry: Catalog["diagrams"][number]): Record<Field, string[]> {
  const names = [entry.id, entry.title];
  return {
    name: [...names.flatMap(words), ...names.map(compact)],
    aliases: [...entry.aliases.flatMap(words), ...entry.aliases.map(compact)],
    tags: [...entry.tags.flatMap(words), ...entry.tags.map(compact)],
    category: [...words(entry.category), ...words(entry.categoryId)],
    summary: words(entry.summary),
    diagram: words(entry.diagram),
  };
}

export function buildIndex(catalog: Catalog): SearchIndex {
  const postings = new Map<string, Map<number, Posting>>();
  const fuzzy = new Set<string>();
  catalog.diagrams.forEach((entry, doc) => {
    const texts = fieldTexts(entry);
    // FIELDS run strongest first, so the first field a word is seen in is its best.
    FIELDS.forEach((field, f) => {
      const weight = WEIGHTS[field];
      for (const word of new Set(texts[field])) {
        let docs = postings.get(word);
        if (!docs) {
          docs = new Map();
          postings.set(word, docs);
        }
        const posting = docs.get(doc);
        if (posting) posting.weight += ECHO * weight;
        else docs.set(doc, { field: f, weight });
        if (FUZZY_FIELDS.has(field)) fuzzy.add(word);
      }
    });
  });
  return {
    postings,
    fuzzyWords: [...fuzzy],
    sortedWords: [...postings.keys()].sort(),
    size: catalog.diagrams.length,
  };
}
