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
import { isSwap, typoOf } from "./typos.js";

/**
 * exact: the word itself; prefix: a word it begins ("cach" for cache); stem: the
 * word without an ending ("hashing" for hash, "phases" for phase); joined: a word
 * it makes with the query's next or previous words ("hello verify request" for
 * HelloVerifyRequest); fuzzy: a typo of a name's word, only when nothing else is.
 */
export type MatchKind = "exact" | "prefix" | "stem" | "joined" | "fuzzy";

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
  /** The query's words this entry does not hold, in the query's order. */
  missing: string[];
  /** The share of the query it holds, its words weighed by rarity (typos counted): 0 to 1. */
  coverage: number;
  /** How strongly it holds the words it holds (field weight x match quality, by rarity): 0 to 1. */
  strength: number;
}

/** A search's results, and what it made of the query. */
export interface Ranking {
  hits: Ranked[];
  /** The words of the query that were looked for (stopwords left out). */
  terms: string[];
  /** The words no diagram of the catalog mentions at all, not even with a typo. */
  unknown: string[];
}

/** A whole word beats a prefix, which beats a typo. */
const QUALITY = { exact: 1, joined: 1, prefixBase: 0.6, prefixSpan: 0.3, fuzzy: 0.7 };
/** The shortest word left when an ending is taken off ("ring" is not "r" + "ing"). */
const STEM_MIN = 3;
/** English endings that leave the same word: plurals, -ing, -ed. */
const ENDINGS = ["ies", "es", "s", "ing", "ed"];
/** How many query words in a row are tried as one ("client hello" for ClientHello). */
const JOIN_MAX = 3;
const PREFIX_MIN = 3;
const TOP_WEIGHT = WEIGHTS.name;
/** Share of relevance kept for typing a diagram's whole id, title or alias ("lb", "2pc"). */
const NAME_SHARE = 0.25;
/** Below this share no entry can be named by the query (an alias's words alone give 0.8). */
const NAMED_SHARE = 0.75;
/**
 * What decides the rest of relevance: how much of the query an entry holds as
 * written (words weighed by rarity), how much with typos too, and how strongly it
 * holds it (field weights). Coverage comes first, so that a diagram holding every
 * word, even only in its drawing, ranks above one that has a single word in its
 * name, and a typo never outranks a word as written; strength orders the rest.
 */
const PARTS = { written: 0.8, withTypos: 0.1, strength: 0.1 };
/**
 * The least share of the query (words weighed by rarity; a word held only as a
 * typo counts TYPO_HELD of itself) an entry must hold to be a result at all:
 * "knitting pattern" is not answered by every diagram that says "pattern".
 */
const MIN_COVERAGE = 0.4;
const TYPO_HELD = 0.5;

interface Candidate {
  /** Index into the index's words. */
  at: number;
  kind: MatchKind;
  quality: number;
}

/**
 * The words a typo of `term` can be: those of fuzzy fields (names, aliases, tags,
 * category: the drawings' words are too many and too loose) with its first letter
 * and within its typo budget. Fuzzy matching of whole fields would also match
 * inside words ("replication" in "application").
 */
function typoCandidates(index: SearchIndex, fuzzy: () => Set<number>, term: string): Candidate[] {
  const { words } = index;
  const found: Candidate[] = [];
  const swaps: Candidate[] = [];
  for (let at = lowerBound(words, term[0] as string); at < words.length; at++) {
    const word = words.at(at) as string;
    if (word[0] !== term[0]) break;
    if (!fuzzy().has(at)) continue;
    const distance = typoOf(term, word);
    if (distance === undefined) continue;
    const candidate: Candidate = {
      at,
      kind: "fuzzy",
      quality: QUALITY.fuzzy * (1 - distance / term.length),
    };
    found.push(candidate);
    if (isSwap(term, word)) swaps.push(candidate);
  }
  // A word typed with every letter of a catalog word, two of them swapped ("reids"), is
  // read as that word, not also as a word one letter away ("reads"): the swap is the likelier slip.
  return swaps.length > 0 ? swaps : found;
}

/** The word without each English ending it has ("phases": phase, phas). */
export function stems(term: string): string[] {
  const out: string[] = [];
  for (const ending of ENDINGS) {
    if (!term.endsWith(ending)) continue;
    const stem = term.slice(0, -ending.length);
    if (stem.length < STEM_MIN) continue;
    out.push(ending === "ies" ? `${stem}y` : stem);
  }
  return out;
}

/** Position of `word` among the index's words, or -1. */
function find(index: SearchIndex, word: string): number {
  const at = lowerBound(index.words, word);
  return index.words.at(at) === word ? at : -1;
}

/**
 * The query's words in a row joined, for each word the joins it is part of:
 * drawings hold identifiers (ClientHello, HelloVerifyRequest) that a person types
 * as words.
 */
function joins(index: SearchIndex, terms: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let from = 0; from < terms.length; from++) {
    for (let to = from + 2; to <= Math.min(terms.length, from + JOIN_MAX); to++) {
      const at = find(index, terms.slice(from, to).join(""));
      if (at < 0) continue;
      for (const term of terms.slice(from, to)) out.set(term, [...(out.get(term) ?? []), at]);
    }
  }
  return out;
}

function candidates(
  index: SearchIndex,
  term: string,
  fuzzy: () => Set<number>,
  joined: readonly number[] = [],
): Candidate[] {
  const found = new Map<number, Candidate>();
  const add = (candidate: Candidate) => {
    const had = found.get(candidate.at);
    if (!had || had.quality < candidate.quality) found.set(candidate.at, candidate);
  };
  const { words } = index;
  for (let at = lowerBound(words, term); at < words.length; at++) {
    const word = words.at(at) as string;
    if (!word.startsWith(term)) break;
    if (word === term) add({ at, kind: "exact", quality: QUALITY.exact });
    else if (term.length >= PREFIX_MIN) {
      const quality = QUALITY.prefixBase + (QUALITY.prefixSpan * term.length) / word.length;
      add({ at, kind: "prefix", quality });
    } else break;
  }
  for (const stem of stems(term)) {
    const at = find(index, stem);
    const quality = QUALITY.prefixBase + (QUALITY.prefixSpan * stem.length) / term.length;
    if (at >= 0) add({ at, kind: "stem", quality });
  }
  for (const at of joined) add({ at, kind: "joined", quality: QUALITY.joined });
  const all = [...found.values()];
  // A word the catalog has (as it is, or with an ending) is not also taken for a typo of another.
  if (all.some((c) => c.kind === "exact" || c.kind === "stem")) return all;
  return [...all, ...typoCandidates(index, fuzzy, term)];
}

/**
 * The one ranking behind `search`, `show`'s fuzzy fallback and "did you mean",
 * so that they never disagree. Each query word finds its best match in each
 * entry (field weight x match quality; a typo only where the entry has no match
 * as written); words that pick out few entries count for more (inverse document
 * frequency). An entry's relevance is first the share of the query it holds
 * (PARTS), then how strongly; entries holding less than MIN_COVERAGE of it are
 * not results. Typing an entry's whole name (id, title or an alias) earns the rest.
 *
 * `catalog` may be only its entries by position (a compiled store's, each read
 * when asked for): only the entries returned, and those that may be named by the
 * query, are asked for.
 */
export async function rankQuery(
  catalog: Catalog | Entries,
  query: string,
  index?: SearchIndex,
  limit = Number.POSITIVE_INFINITY,
): Promise<Ranking> {
  const terms = queryTerms(query);
  if (terms.length === 0) return { hits: [], terms, unknown: [] };
  const entries = "diagrams" in catalog ? catalog.diagrams : catalog;
  if (!index) {
    if (!("diagrams" in catalog)) throw new Error("entries ranked without their index");
    index = buildIndex(catalog);
  }
  const searched = index;
  // Made on the first typo looked for: a big catalog's set is a cost most searches never need.
  let fuzzySet: Set<number> | undefined;
  const fuzzy = () => {
    fuzzySet ??= new Set(searched.fuzzy);
    return fuzzySet;
  };
  const size = entries.length;

  // Scores live in typed arrays, one slot an entry: a common word matches
  // thousands of entries in a big catalog, and objects for each would cost more
  // than the search. Match objects are made only for the results returned.
  const sums = new Float64Array(size);
  const written = new Float64Array(size);
  const withTypos = new Float64Array(size);
  const best = new Float64Array(size);
  const typoBest = new Float64Array(size);
  const touched: number[] = [];
  const seen = new Uint8Array(size);
  const perTerm: Array<{ term: string; found: Candidate[] }> = [];
  const unknown: string[] = [];
  let totalIdf = 0;
  const joined = joins(index, terms);
  for (const term of terms) {
    const found = candidates(index, term, fuzzy, joined.get(term));
    const docs: number[] = [];
    for (const candidate of found) {
      const postings = index.postings.at(candidate.at) ?? [];
      const top = candidate.kind === "fuzzy" ? typoBest : best;
      for (let p = 0; p < postings.length; p += 3) {
        const doc = postings[p] as number;
        const points = (postings[p + 2] as number) * candidate.quality;
        if (best[doc] === 0 && typoBest[doc] === 0) docs.push(doc);
        if (points > (top[doc] as number)) top[doc] = points;
      }
    }
    if (docs.length === 0) unknown.push(term);
    const idf = Math.log(1 + size / Math.max(1, docs.length));
    totalIdf += idf;
    for (const doc of docs) {
      // A typo is a fallback: it counts only where the word is not there as written.
      const asWritten = (best[doc] as number) > 0;
      sums[doc] = (sums[doc] as number) + idf * ((asWritten ? best[doc] : typoBest[doc]) as number);
      if (asWritten) written[doc] = (written[doc] as number) + idf;
      withTypos[doc] = (withTypos[doc] as number) + (asWritten ? idf : TYPO_HELD * idf);
      best[doc] = 0;
      typoBest[doc] = 0;
      if (!seen[doc]) {
        seen[doc] = 1;
        touched.push(doc);
      }
    }
    perTerm.push({ term, found });
  }

  const whole = compact(query);
  const relevance = new Float64Array(size);
  const strength = new Float64Array(size);
  const results: number[] = [];
  for (const doc of touched) {
    const held = (withTypos[doc] as number) / totalIdf;
    if (held < MIN_COVERAGE - 1e-9) continue;
    const share = Math.min(1, (sums[doc] as number) / (totalIdf * TOP_WEIGHT));
    const blend =
      PARTS.written * ((written[doc] as number) / totalIdf) +
      PARTS.withTypos * held +
      PARTS.strength * share;
    let value = (1 - NAME_SHARE) * blend;
    // Only an entry whose every word matched its names strongly can be named by the query.
    if (share >= NAMED_SHARE) {
      const entry = entries.at(doc) as Entry;
      if ([entry.id, entry.title, ...entry.aliases].some((name) => compact(name) === whole)) {
        value += NAME_SHARE;
      }
    }
    relevance[doc] = value;
    strength[doc] = share;
    results.push(doc);
  }
  const order = (a: number, b: number) =>
    (relevance[b] as number) - (relevance[a] as number) || a - b;
  const hits = firstOf(results, limit, order).map((doc) => {
    const matches = matchesOf(index, doc, perTerm);
    const matched = new Set(matches.map((m) => m.term));
    return {
      entry: entries.at(doc) as Entry,
      score: 1 - (relevance[doc] as number),
      matches,
      missing: terms.filter((t) => !matched.has(t)),
      coverage: (withTypos[doc] as number) / totalIdf,
      strength: strength[doc] as number,
    };
  });
  return { hits, terms, unknown };
}

/** The ranked entries alone (see rankQuery). */
export async function rank(
  catalog: Catalog | Entries,
  query: string,
  index?: SearchIndex,
  limit = Number.POSITIVE_INFINITY,
): Promise<Ranked[]> {
  return (await rankQuery(catalog, query, index, limit)).hits;
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
      // A typo counts only where the word is not there as written (as in rankQuery).
      const better =
        !top || (top.kind === "fuzzy") !== (candidate.kind === "fuzzy")
          ? top === undefined || top.kind === "fuzzy"
          : points > top.points;
      if (better) {
        const field = FIELDS[postings[p + 1] as number] as Field;
        const word = index.words.at(candidate.at) as string;
        top = { term, field, word, kind: candidate.kind, points };
      }
    }
    if (top) matches.push(top);
  }
  return matches.sort((a, b) => b.points - a.points);
}
