import { NotFoundError } from "../core/errors.js";
import { looksLikeId, normalizeName } from "../core/names.js";
import type { Catalog, Entry } from "../core/types.js";
import type { SearchIndex } from "./inverted-index.js";
import { type Ranked, rank } from "./rank.js";

/** The most words one name is made of ("two phase commit 2pc" is four). */
const MAX_NAME_WORDS = 8;

/** How far ahead of the runner-up a fuzzy hit must be: the runner-up's strength at most this share of its own. */
const RUNNER_UP_SHARE = 0.6;
/** ...and for a misspelt name, which scores lower than a word spelt right but is as plain to a person. */
const TYPO_RUNNER_UP_SHARE = 0.7;

/**
 * The entry `key` (a normalized name) names exactly: an id, else an alias or a
 * title; only an id when the name was written as one (`written`, see looksLikeId).
 */
function exactMatch(catalog: Catalog, key: string, written = ""): Entry | undefined {
  for (const entry of catalog.diagrams) {
    if (entry.id === key) return entry;
  }
  if (looksLikeId(written)) return undefined;
  for (const entry of catalog.diagrams) {
    if (entry.aliases.some((alias) => normalizeName(alias) === key)) return entry;
    if (normalizeName(entry.title) === key) return entry;
  }
  return undefined;
}

/**
 * Whether the best hit is plainly the one meant: it holds every word, one of them
 * in its names (id, title or aliases: a name is being looked up, not a topic), and
 * nothing else comes close.
 */
function isClear(best: Ranked, second: Ranked | undefined): boolean {
  if (best.missing.length > 0) return false;
  // The start of a long word is a search, not a name: "kafkaa" begins "kafkaarchitecture".
  if (best.matches.some((m) => m.kind === "prefix" && m.term.length * 2 < m.word.length)) {
    return false;
  }
  if (!best.matches.some((m) => m.field === "name" || m.field === "aliases")) return false;
  const misspelt = best.matches.some((m) => m.kind === "fuzzy");
  const share = misspelt ? TYPO_RUNNER_UP_SHARE : RUNNER_UP_SHARE;
  if (!second || second.coverage < best.coverage - 1e-9) return true;
  return second.strength <= share * best.strength;
}

/**
 * Told when a name is not one and the diagram shown is the clear closest:
 * what was asked and what it resolved to (say so on standard error).
 */
export type OnGuess = (asked: string, entry: Entry) => void;

/** The error for a name nothing is clearly named: the closest three, or where to look. */
function notFound(what: string, ranked: ReadonlyArray<Pick<Ranked, "entry">>): NotFoundError {
  const suggestions = ranked.slice(0, 3).map((hit) => hit.entry.id);
  const hint =
    suggestions.length > 0
      ? `did you mean ${suggestions.join(", ")}?`
      : "try 'sysdiag search <words>' or 'sysdiag list'";
  return new NotFoundError(`no diagram named ${what}; ${hint}`);
}

/**
 * Finds the diagram a person meant by `name`: its id, an alias or its title in any
 * case and spacing, else the single clear best fuzzy match (told to `onGuess`).
 * A name written as an id is never swapped for another. Anything doubtful is a
 * NotFoundError that names the closest candidates instead of guessing.
 */
export async function resolveName(
  catalog: Catalog,
  name: string,
  index?: () => SearchIndex,
  onGuess?: OnGuess,
): Promise<Entry> {
  const key = normalizeName(name);
  const exact = key === "" ? undefined : exactMatch(catalog, key, name);
  if (exact) return exact;

  const ranked = key === "" ? [] : await rank(catalog, name, index?.(), 3);
  if (looksLikeId(name)) {
    // Not an id: the diagram its words name (an alias, a title) is the first suggestion.
    const named = exactMatch(catalog, key);
    const others = ranked.filter((hit) => hit.entry !== named);
    throw notFound(`'${name}'`, named ? [{ entry: named }, ...others] : ranked);
  }
  const [best, second] = ranked;
  if (best && isClear(best, second)) {
    onGuess?.(name, best.entry);
    return best.entry;
  }
  throw notFound(`'${name}'`, ranked);
}

/**
 * The diagrams a person meant by the words of `show`, the longest reading first:
 * words that are each a name or together one, exactly (`cqrs saga`, `cache aside`,
 * `cache aside saga`); then all the words as one name with typos allowed (`two
 * pahse commit`); then each word alone, with typos allowed. Every guess is told to
 * `onGuess`. Nothing is guessed when every way fails: the error names what was
 * typed, all of it, and the word nothing was found for.
 */
export async function resolveNames(
  catalog: Catalog,
  names: readonly string[],
  index?: () => SearchIndex,
  onGuess?: OnGuess,
): Promise<Entry[]> {
  const exact = segmentExactly(catalog, names);
  if (exact) return unique(exact);
  if (names.length === 1) return [await resolveName(catalog, names[0] as string, index, onGuess)];
  const whole = names.join(" ");
  const ranked = await rank(catalog, whole, index?.(), 3);
  const [best, second] = ranked;
  if (best && isClear(best, second)) {
    onGuess?.(whole, best.entry);
    return [best.entry];
  }
  const each: Entry[] = [];
  const guesses: Array<[string, Entry]> = [];
  for (const name of names) {
    try {
      each.push(await resolveName(catalog, name, index, (asked, e) => guesses.push([asked, e])));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      // The words together come first: they are what was typed.
      throw notFound(
        `'${whole}', nor one named '${name}'`,
        ranked.length > 0 ? ranked : await rank(catalog, name, index?.(), 3),
      );
    }
  }
  for (const [asked, entry] of guesses) onGuess?.(asked, entry);
  return unique(each);
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
      const written = names.slice(start, end).join(" ");
      const key = normalizeName(written);
      const entry = key === "" ? undefined : exactMatch(catalog, key, written);
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
