import type { Catalog, Entries, Entry } from "../core/types.js";
import {
  buildIndex,
  FIELDS,
  type Field,
  lowerBound,
  type SearchIndex,
  WEIGHTS,
} from "./inverted-index.js";
import { compact, queryTerms } from "./tokens.js";

export type MatchKind = "exact" | "prefix" | "fuzzy";

/** Why an entry matched one word of the query: shown by `search --explain`. */
export interface Match {
  term: string;
  field: Field;
  word: string;
  kind: MatchKind;
  /** Field weight times match quality. */
  points: number;
}

export interface Ranked {
  entry: Entry;
  /** 0 is a perfect match, 1 no match at all. */
  score: number;
  /** The best match of each query word that matched, strongest first. */
  matches: Match[];
}

/** A whole word beats a prefix, which beats a typo. */
const QUALITY = { exact: 1, prefixBase: 0.6, prefixSpan: 0.3, fuzzy: 0.7 };
const PREFIX_MIN = 3;
const FUZZY_MIN = 4;
/** Fuse.js scores from 0 (same) to 1; past this a "typo" is another word. */
const FUZZY_THRESHOLD = 0.3;
const TOP_WEIGHT = WEIGHTS.name;
/** Share of relevance kept for typing a diagram's whole id, title or alias ("lb", "2pc"). */
const NAME_SHARE = 0.25;
/** Below this share no entry can be named by the query (an alias's words alone give 0.8). */
const NAMED_SHARE = 0.75;

interface Candidate {
  /** Index into the index's words. */
  at: number;
  kind: MatchKind;
  quality: number;
}

type FuzzyMatcher = (term: string) => Promise<Array<{ at: number; score: number }>>;

/**
 * Typo matching with Fuse.js, over the few words a typo of `term` can be: the
 * words of fuzzy fields with its first letter and about its length. Fuse.js alone
 * would also match inside words ("replication" in "application"), and searching
 * every word is the slowest thing a search does.
 */
function fuzzyMatcher(index: SearchIndex): FuzzyMatcher {
  // Made on the first typo looked for: a big catalog's set is a cost most searches never need.
  let fuzzy: Set<number> | undefined;
  return async (term) => {
    fuzzy ??= new Set(index.fuzzy);
    const { words } = index;
    const near: number[] = [];
    for (let at = lowerBound(words, term[0] as string); at < words.length; at++) {
      const word = words.at(at) as string;
      if (word[0] !== term[0]) break;
      if (fuzzy.has(at) && Math.abs(word.length - term.length) <= 2 && word !== term) near.push(at);
    }
    if (near.length === 0) return [];
    const { default: Fuse } = await import("fuse.js");
    const fuse = new Fuse(
      near.map((at) => words.at(at) as string),
      { includeScore: true, threshold: FUZZY_THRESHOLD },
    );
    const hits = new Map<number, number>();
    for (const hit of fuse.search(term)) {
      hits.set(near[hit.refIndex] as number, hit.score ?? 1);
    }
    // Fuse.js counts two swapped letters ("cahce") as two typos; people make them
    // as often as one wrong letter, so they score as one (Damerau's distance).
    for (const at of near) {
      if (!isSwap(term, words.at(at) as string)) continue;
      const score = 1 / term.length;
      if (score < (hits.get(at) ?? 1)) hits.set(at, score);
    }
    return [...hits].map(([at, score]) => ({ at, score }));
  };
}

/** Whether `a` is `b` with two neighbouring letters swapped. */
export function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

async function candidates(
  index: SearchIndex,
  term: string,
  fuzzy: FuzzyMatcher,
): Promise<Candidate[]> {
  const found = new Map<number, Candidate>();
  const { words } = index;
  for (let at = lowerBound(words, term); at < words.length; at++) {
    const word = words.at(at) as string;
    if (!word.startsWith(term)) break;
    if (word === term) found.set(at, { at, kind: "exact", quality: QUALITY.exact });
    else if (term.length >= PREFIX_MIN) {
      const quality = QUALITY.prefixBase + (QUALITY.prefixSpan * term.length) / word.length;
      found.set(at, { at, kind: "prefix", quality });
    } else break;
  }
  // A word the catalog has is not taken for a typo of another.
  const known = [...found.values()].some((c) => c.kind === "exact");
  if (term.length >= FUZZY_MIN && !known) {
    for (const { at, score } of await fuzzy(term)) {
      if (!found.has(at)) {
        found.set(at, { at, kind: "fuzzy", quality: QUALITY.fuzzy * (1 - score) });
      }
    }
  }
  return [...found.values()];
}

/**
 * The one ranking behind `search`, `show`'s fuzzy fallback and "did you mean",
 * so that they never disagree. Each query word finds its best match in each
 * entry (field weight x match quality); words that pick out few entries count
 * for more (inverse document frequency), and an entry's relevance is the
 * weighted share of the best possible, so matching every word beats matching one.
 * Typing an entry's whole name (id, title or an alias) earns the rest.
 *
 * `catalog` may be only its entries by position (a compiled store's, each read
 * when asked for): only the entries returned, and those that may be named by the
 * query, are asked for.
 */
export async function rank(
  catalog: Catalog | Entries,
  query: string,
  index?: SearchIndex,
  limit = Number.POSITIVE_INFINITY,
): Promise<Ranked[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const entries = "diagrams" in catalog ? catalog.diagrams : catalog;
  if (!index) {
    if (!("diagrams" in catalog)) throw new Error("entries ranked without their index");
    index = buildIndex(catalog);
  }
  const fuzzy = fuzzyMatcher(index);
  const size = entries.length;

  // Scores live in typed arrays, one slot an entry: a common word matches
  // thousands of entries in a big catalog, and objects for each would cost more
  // than the search. Match objects are made only for the results returned.
  const sums = new Float64Array(size);
  const best = new Float64Array(size);
  const touched: number[] = [];
  const seen = new Uint8Array(size);
  const perTerm: Array<{ term: string; found: Candidate[] }> = [];
  let totalIdf = 0;
  for (const term of terms) {
    const found = await candidates(index, term, fuzzy);
    const docs: number[] = [];
    for (const candidate of found) {
      const postings = index.postings.at(candidate.at) ?? [];
      for (let p = 0; p < postings.length; p += 3) {
        const doc = postings[p] as number;
        const points = (postings[p + 2] as number) * candidate.quality;
        if (best[doc] === 0) docs.push(doc);
        if (points > (best[doc] as number)) best[doc] = points;
      }
    }
    const idf = Math.log(1 + size / Math.max(1, docs.length));
    totalIdf += idf;
    for (const doc of docs) {
      sums[doc] = (sums[doc] as number) + idf * (best[doc] as number);
      best[doc] = 0;
      if (!seen[doc]) {
        seen[doc] = 1;
        touched.push(doc);
      }
    }
    perTerm.push({ term, found });
  }

  const whole = compact(query);
  const relevance = new Float64Array(size);
  for (const doc of touched) {
    const share = Math.min(1, (sums[doc] as number) / (totalIdf * TOP_WEIGHT));
    let value = (1 - NAME_SHARE) * share;
    // Only an entry whose every word matched its names strongly can be named by the query.
    if (share >= NAMED_SHARE) {
      const entry = entries.at(doc) as Entry;
      if ([entry.id, entry.title, ...entry.aliases].some((name) => compact(name) === whole)) {
        value += NAME_SHARE;
      }
    }
    relevance[doc] = value;
  }
  const order = (a: number, b: number) =>
    (relevance[b] as number) - (relevance[a] as number) || a - b;
  return firstOf(touched, limit, order).map((doc) => ({
    entry: entries.at(doc) as Entry,
    score: 1 - (relevance[doc] as number),
    matches: matchesOf(index, doc, perTerm),
  }));
}

/**
 * The first `limit` of `items` in `order` (a total order), as sorting them all
 * and taking those would give: a search shows 10 of the thousands a common word
 * meets in a big catalog, and keeping the 10 best as they come is cheaper.
 */
function firstOf(items: number[], limit: number, order: (a: number, b: number) => number) {
  if (limit <= 0) return [];
  if (limit * 8 >= items.length) return items.sort(order).slice(0, limit);
  const top: number[] = [];
  for (const item of items) {
    if (top.length === limit) {
      if (order(item, top[limit - 1] as number) >= 0) continue;
      top.pop();
    }
    let at = top.length;
    while (at > 0 && order(item, top[at - 1] as number) < 0) at--;
    top.splice(at, 0, item);
  }
  return top;
}

/** Where `doc`'s posting is in a word's list (in entry order), or -1. */
function postingOf(postings: ArrayLike<number>, doc: number): number {
  let lo = 0;
  let hi = postings.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((postings[mid * 3] as number) < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo * 3 < postings.length && postings[lo * 3] === doc ? lo * 3 : -1;
}

/** The best match of each query word in one entry, strongest first: what --explain shows. */
function matchesOf(
  index: SearchIndex,
  doc: number,
  perTerm: Array<{ term: string; found: Candidate[] }>,
): Match[] {
  const matches: Match[] = [];
  for (const { term, found } of perTerm) {
    let top: Match | undefined;
    for (const candidate of found) {
      const postings = index.postings.at(candidate.at) ?? [];
      const p = postingOf(postings, doc);
      if (p < 0) continue;
      const points = (postings[p + 2] as number) * candidate.quality;
      if (!top || points > top.points) {
        const field = FIELDS[postings[p + 1] as number] as Field;
        const word = index.words.at(candidate.at) as string;
        top = { term, field, word, kind: candidate.kind, points };
      }
    }
    if (top) matches.push(top);
  }
  return matches.sort((a, b) => b.points - a.points);
}
