import type { Catalog, Entry } from "../types.js";
import { buildIndex, FIELDS, type Field, lowerBound, type SearchIndex, WEIGHTS } from "./index.js";
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
  const fuzzy = new Set(index.fuzzy);
  return async (term) => {
    const { words } = index;
    const near: number[] = [];
    for (let at = lowerBound(words, term[0] as string); at < words.length; at++) {
      const word = words[at] as string;
      if (word[0] !== term[0]) break;
      if (fuzzy.has(at) && Math.abs(word.length - term.length) <= 2 && word !== term) near.push(at);
    }
    if (near.length === 0) return [];
    const { default: Fuse } = await import("fuse.js");
    const fuse = new Fuse(
      near.map((at) => words[at] as string),
      { includeScore: true, threshold: FUZZY_THRESHOLD },
    );
    return fuse
      .search(term)
      .map((hit) => ({ at: near[hit.refIndex] as number, score: hit.score ?? 1 }));
  };
}

async function candidates(
  index: SearchIndex,
  term: string,
  fuzzy: FuzzyMatcher,
): Promise<Candidate[]> {
  const found = new Map<number, Candidate>();
  const { words } = index;
  for (let at = lowerBound(words, term); at < words.length; at++) {
    const word = words[at] as string;
    if (!word.startsWith(term)) break;
    if (word === term) found.set(at, { at, kind: "exact", quality: QUALITY.exact });
    else if (term.length >= PREFIX_MIN) {
      const quality = QUALITY.prefixBase + (QUALITY.prefixSpan * term.length) / word.length;
      found.set(at, { at, kind: "prefix", quality });
    } else break;
  }
  if (term.length >= FUZZY_MIN) {
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
 */
export async function rank(
  catalog: Catalog,
  query: string,
  index: SearchIndex = buildIndex(catalog),
): Promise<Ranked[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const fuzzy = fuzzyMatcher(index);

  const perTerm: Array<{ best: Map<number, Match>; idf: number }> = [];
  for (const term of terms) {
    const best = new Map<number, Match>();
    for (const candidate of await candidates(index, term, fuzzy)) {
      const postings = index.postings[candidate.at] ?? [];
      for (let p = 0; p < postings.length; p += 3) {
        const doc = postings[p] as number;
        const field = FIELDS[postings[p + 1] as number] as Field;
        const points = (postings[p + 2] as number) * candidate.quality;
        const previous = best.get(doc);
        if (!previous || points > previous.points) {
          const word = index.words[candidate.at] as string;
          best.set(doc, { term, field, word, kind: candidate.kind, points });
        }
      }
    }
    const idf = Math.log(1 + index.ids.length / Math.max(1, best.size));
    perTerm.push({ best, idf });
  }

  const totalIdf = perTerm.reduce((sum, t) => sum + t.idf, 0);
  const whole = compact(query);
  const isNamed = (entry: Entry) =>
    [entry.id, entry.title, ...entry.aliases].some((name) => compact(name) === whole);
  const results: Array<Ranked & { doc: number; relevance: number }> = [];
  const docs = new Set(perTerm.flatMap((t) => [...t.best.keys()]));
  for (const doc of docs) {
    let sum = 0;
    const matches: Match[] = [];
    for (const { best, idf } of perTerm) {
      const match = best.get(doc);
      if (!match) continue;
      sum += idf * match.points;
      matches.push(match);
    }
    const entry = catalog.diagrams[doc] as Entry;
    const share = Math.min(1, sum / (totalIdf * TOP_WEIGHT));
    const relevance = (1 - NAME_SHARE) * share + (isNamed(entry) ? NAME_SHARE : 0);
    matches.sort((a, b) => b.points - a.points);
    results.push({ entry, score: 1 - relevance, matches, doc, relevance });
  }
  results.sort((a, b) => b.relevance - a.relevance || a.doc - b.doc);
  return results.map(({ entry, score, matches }) => ({ entry, score, matches }));
}
