import type { Catalog, Entry } from "../types.js";

export interface Ranked {
  entry: Entry;
  /** 0 is a perfect match, 1 no match at all (Fuse.js's scale). */
  score: number;
}

const KEYS = [
  { name: "id", weight: 3 },
  { name: "title", weight: 3 },
  { name: "aliases", weight: 2 },
  { name: "category", weight: 1 },
  { name: "diagram", weight: 0.5 },
];

/**
 * The one ranking behind `search`, `show`'s fuzzy fallback and "did you mean",
 * so that they never disagree. Fuse.js is loaded here, on first use, rather than
 * at startup: most commands never rank anything.
 */
export async function rank(catalog: Catalog, query: string): Promise<Ranked[]> {
  const { default: Fuse } = await import("fuse.js");
  const fuse = new Fuse(catalog.diagrams, {
    keys: KEYS,
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.4,
  });
  return fuse.search(query).map((hit) => ({ entry: hit.item, score: hit.score ?? 1 }));
}
