import { fold } from "../core/names.js";
import { typoOf } from "../search/typos.js";

/**
 * Grading typed answers: forgiving of what does not show what one remembers (case,
 * spacing, punctuation, a generic word such as "pattern", one slip of the keys),
 * strict about what does (a different word).
 */

export type Verdict = "right" | "partial" | "wrong";

/** An answer graded, and the right answer, one line a point. */
export interface Graded {
  verdict: Verdict;
  answer: string[];
}

/** Words that name no pattern: "Cache-Aside Pattern" is remembered as "cache aside". */
const FILLER = new Set(["a", "an", "the", "of", "pattern", "architecture"]);

/** The words of an answer or a label, folded: "Cache-Aside (Redis)!" -> [cache, aside, redis]. */
export function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "" && !FILLER.has(w));
}

/** Whether two words are one, allowing a typo of the typed one. */
function sameWord(typed: string, word: string): boolean {
  return typed === word || typoOf(typed, word) !== undefined;
}

/** Whether an answer's words spell a name's, spacing aside ("write back", "writeback") and one typo allowed. */
function spells(typed: string[], name: string[]): boolean {
  if (name.length === 0) return false;
  return sameWord(typed.join(""), name.join(""));
}

/** The share of a name's words that the typed words hold, each matched once. */
function coverage(typed: string[], name: string[]): number {
  if (name.length === 0) return 0;
  const left = [...typed];
  let found = 0;
  for (const word of name) {
    const at = left.findIndex((t) => sameWord(t, word));
    if (at >= 0) {
      left.splice(at, 1);
      found++;
    }
  }
  return found / name.length;
}

/** The forms a label may be given in: whole, without its brackets, or what is in them ("Cache (Redis)"). */
export function labelForms(label: string): string[] {
  const forms = [label];
  const outside = label.replace(/\([^)]*\)/g, " ").trim();
  if (outside !== label && wordsOf(outside).length > 0) forms.push(outside);
  for (const inside of label.matchAll(/\(([^)]*)\)/g)) {
    if (wordsOf(inside[1] as string).length > 0) forms.push(inside[1] as string);
  }
  return forms;
}

/**
 * A name typed against the names that are right (a title, its aliases, the id): right
 * when it spells one of them; partial when its words are all in one of them and hold
 * half of it or more ("cache" for "cache aside"); else wrong. A blank is wrong.
 */
export function gradeName(answer: string, names: readonly string[]): Verdict {
  const typed = wordsOf(answer);
  if (typed.length === 0) return "wrong";
  const forms = names.flatMap(labelForms).map(wordsOf);
  if (forms.some((name) => spells(typed, name))) return "right";
  const partial = forms.some((name) => coverage(typed, name) >= 0.5 && coverage(name, typed) === 1);
  return partial ? "partial" : "wrong";
}

/**
 * An order typed as letters ("c a b", "CAB", "c,a,b") against the right one. Right
 * when every step is in its place; partial when at least half the neighbouring pairs
 * follow each other as they should; else wrong (a blank or letters that are not the
 * steps' too).
 */
export function gradeOrder(
  answer: string,
  right: readonly string[],
): { verdict: Verdict; given: string[] } {
  const given = fold(answer)
    .replace(/[^a-z]/g, "")
    .split("");
  const valid =
    given.length === right.length &&
    new Set(given).size === given.length &&
    given.every((letter) => right.includes(letter));
  if (!valid) return { verdict: "wrong", given };
  if (given.every((letter, i) => letter === right[i])) return { verdict: "right", given };
  let pairs = 0;
  for (let i = 0; i + 1 < given.length; i++) {
    if (right.indexOf(given[i + 1] as string) === right.indexOf(given[i] as string) + 1) pairs++;
  }
  return { verdict: pairs * 2 >= right.length - 1 ? "partial" : "wrong", given };
}

/** What a recall answer found: which labels, and the items that matched none. */
export interface Recall {
  verdict: Verdict;
  /** For each label, whether the answer named it. */
  found: boolean[];
  /** Items of the answer that name no label. */
  extra: string[];
}

/** Words of two letters or more: "N = 3, W = 2" in a label is no component's name. */
export function nameWords(text: string): string[] {
  const words = wordsOf(text);
  const named = words.filter((word) => /\p{L}.*\p{L}/u.test(word));
  return named.length > 0 ? named : words;
}

/** Whether an item names a label: spells it (or a form of it), or holds half its words or more, all of them in it. */
export function names(item: string[], label: string): boolean {
  return labelForms(label).some((form) => {
    const words = nameWords(form);
    return spells(item, words) || (coverage(item, words) >= 0.5 && coverage(words, item) === 1);
  });
}

/**
 * A list of components typed against the drawing's labels (items split at commas or
 * semicolons). Scored by recall: right at 80 % of the labels or more, partial from 40 %,
 * else wrong.
 */
export function gradeRecall(answer: string, labels: readonly string[]): Recall {
  const items = answer
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter((item) => wordsOf(item).length > 0);
  const found = labels.map(() => false);
  const extra: string[] = [];
  for (const item of items) {
    const words = nameWords(item);
    const hits = labels.flatMap((label, i) => (names(words, label) ? [i] : []));
    if (hits.length === 0) extra.push(item);
    for (const i of hits) found[i] = true;
  }
  const share = labels.length === 0 ? 0 : found.filter(Boolean).length / labels.length;
  const verdict = share >= 0.8 ? "right" : share >= 0.4 ? "partial" : "wrong";
  return { verdict, found, extra };
}
