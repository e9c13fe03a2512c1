import type { Catalog, Entry } from "../types.js";
import { buildIndex, FIELDS, type Field, type SearchIndex, WEIGHTS } from "./index.js";
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
  word: string;
  kind: MatchKind;
  quality: number;
}

function prefixed(sorted: string[], term: string): string[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < term) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < sorted.length && (sorted[i] as string).startsWith(term); i++) {
    if (sorted[i] !== term) out.push(sorted[i] as string);
  }
  return out;
}

type FuzzyMatcher = (term: string) => Array<{ word: string; score: number }>;

async function fuzzyMatcher(index: SearchIndex): Promise<FuzzyMatcher> {
  const { default: Fuse } = await import("fuse.js");
  const fuse = new Fuse(index.fuzzyWords, { includeScore: true, threshold: FUZZY_THRESHOLD });
  // Fuse.js matches anywhere in a word ("replication" in "application"); a typo
  // keeps the first letter and about the length.
  return (term) =>
    fuse
      .search(term)
      .filter((hit) => hit.item[0] === term[0] && Math.abs(hit.item.length - term.length) <= 2)
      .map((hit) => ({ word: hit.item, score: hit.score ?? 1 }));
}

function candidates(index: SearchIndex, term: string, fuzzy: FuzzyMatcher): Candidate[] {
  const found = new Map<string, Candidate>();
  if (index.postings.has(term))
    found.set(term, { word: term, kind: "exact", quality: QUALITY.exact });
  if (term.length >= PREFIX_MIN) {
    for (const word of prefixed(index.sortedWords, term)) {
      const quality = QUALITY.prefixBase + (QUALITY.prefixSpan * term.length) / word.length;
      found.set(word, { word, kind: "prefix", quality });
    }
  }
  if (term.length >= FUZZY_MIN) {
    for (const { word, score } of fuzzy(term)) {
      if (!found.has(word))
        found.set(word, { word, kind: "fuzzy", quality: QUALITY.fuzzy * (1 - score) });
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
  const fuzzy = await fuzzyMatcher(index);

  const perTerm = terms.map((term) => {
    const best = new Map<number, Match>();
    for (const candidate of candidates(index, term, fuzzy)) {
      for (const [doc, posting] of index.postings.get(candidate.word) ?? []) {
        const field = FIELDS[posting.field] as Field;
        const points = posting.weight * candidate.quality;
        const previous = best.get(doc);
        if (!previous || points > previous.points) {
          best.set(doc, { term, field, word: candidate.word, kind: candidate.kind, points });
        }
      }
    }
    const idf = Math.log(1 + index.size / Math.max(1, best.size));
    return { best, idf };
  });

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
