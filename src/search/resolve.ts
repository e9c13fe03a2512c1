import { NotFoundError } from "../core/errors.js";
import { normalizeName } from "../core/names.js";
import type { Catalog, Entry } from "../core/types.js";
import type { SearchIndex } from "./inverted-index.js";
import { rank } from "./rank.js";

/** The most words one name is made of ("two phase commit 2pc" is four). */
const MAX_NAME_WORDS = 8;

/** A fuzzy hit must score at least this well (0 is perfect) to be shown unasked... */
const CONFIDENT = 0.45;
/** For a misspelt name: how well it must score, and how far behind the runner-up must be. */
const TYPO_CONFIDENT = 0.55;
const TYPO_RUNNER_UP_SHARE = 0.75;
/** ...and the runner-up's relevance (1 - score) be at most this share of its own. */
const RUNNER_UP_SHARE = 0.6;

function exactMatch(catalog: Catalog, key: string): Entry | undefined {
  for (const entry of catalog.diagrams) {
    if (entry.id === key) return entry;
  }
  for (const entry of catalog.diagrams) {
    if (entry.aliases.some((alias) => normalizeName(alias) === key)) return entry;
    if (normalizeName(entry.title) === key) return entry;
  }
  return undefined;
}

/**
 * Finds the diagram a person meant by `name`: its id, an alias or its title in any
 * case and spacing, else the single clear best fuzzy match. Anything doubtful is a
 * NotFoundError that names the closest candidates instead of guessing.
 */
export async function resolveName(
  catalog: Catalog,
  name: string,
  index?: () => SearchIndex,
): Promise<Entry> {
  const key = normalizeName(name);
  const exact = key === "" ? undefined : exactMatch(catalog, key);
  if (exact) return exact;

  const ranked = key === "" ? [] : await rank(catalog, name, index?.(), 3);
  const [best, second] = ranked;
  // A misspelt name (`sahrding`, `microservies`) scores lower than a word it spells
  // right, but is as plain to a person when nothing else comes close.
  const misspeltName = best?.matches.some(
    (m) => m.kind === "fuzzy" && (m.field === "name" || m.field === "aliases"),
  );
  const [limit, share] = misspeltName
    ? [TYPO_CONFIDENT, TYPO_RUNNER_UP_SHARE]
    : [CONFIDENT, RUNNER_UP_SHARE];
  if (best && best.score <= limit && (!second || 1 - second.score <= share * (1 - best.score))) {
    return best.entry;
  }
  const suggestions = ranked.slice(0, 3).map((hit) => hit.entry.id);
  const hint =
    suggestions.length > 0
      ? `did you mean ${suggestions.join(", ")}?`
      : "try 'sysdiag search <words>' or 'sysdiag list'";
  throw new NotFoundError(`no diagram named '${name}'; ${hint}`);
}

/**
 * The diagrams a person meant by the words of `show`. Words that are each a name
 * (`cqrs saga`) are several diagrams; words that are not are tried together, as
 * consecutive groups (`cache aside` -> cache-aside, `cache aside saga` -> two), then
 * each with typos allowed, then all as one name with typos allowed (`two pahse
 * commit`). Nothing is guessed when every way fails: the first unknown word's
 * suggestions are the error.
 */
export async function resolveNames(
  catalog: Catalog,
  names: readonly string[],
  index?: () => SearchIndex,
): Promise<Entry[]> {
  const exact = segmentExactly(catalog, names);
  if (exact) return unique(exact);
  let firstFailure: unknown;
  const each: Entry[] = [];
  for (const name of names) {
    try {
      each.push(await resolveName(catalog, name, index));
    } catch (error) {
      firstFailure ??= error;
    }
  }
  if (firstFailure === undefined) return unique(each);
  if (names.length > 1) {
    try {
      return [await resolveName(catalog, names.join(" "), index)];
    } catch (error) {
      // No word named anything alone: the error is about what was typed, all of it.
      if (each.length === 0) throw error;
    }
  }
  throw firstFailure;
}

/**
 * Splits the words into the fewest consecutive groups that are each an exact name,
 * or undefined when there is no such split.
 */
function segmentExactly(catalog: Catalog, names: readonly string[]): Entry[] | undefined {
  const n = names.length;
  // best[i]: the fewest groups covering the first i words, and the split that gives it.
  const best: Array<{ groups: number; from: number; entry?: Entry } | undefined> = [
    { groups: 0, from: 0 },
  ];
  for (let end = 1; end <= n; end++) {
    // A name is a few words: groups longer than that are not looked up.
    for (let start = Math.max(0, end - MAX_NAME_WORDS); start < end; start++) {
      const before = best[start];
      if (!before) continue;
      const key = normalizeName(names.slice(start, end).join(" "));
      const entry = key === "" ? undefined : exactMatch(catalog, key);
      if (!entry) continue;
      const current = best[end];
      if (!current || before.groups + 1 < current.groups) {
        best[end] = { groups: before.groups + 1, from: start, entry };
      }
    }
  }
  if (!best[n]) return undefined;
  const out: Entry[] = [];
  for (let at = n; at > 0; ) {
    const step = best[at] as { from: number; entry: Entry };
    out.unshift(step.entry);
    at = step.from;
  }
  return out;
}

/** Each diagram once, in the order first named (`uber lyft` are two words for one). */
function unique(entries: Entry[]): Entry[] {
  return [...new Set(entries)];
}
