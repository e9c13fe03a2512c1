import { UsageError } from "./errors.js";
import type { ReadLimit } from "./io.js";

/**
 * The documented limits, in one place (docs/reference.md and the man page list them).
 * Reads stop at a limit by the bytes actually read, never by what `stat` says.
 */
export const LIMITS = {
  /** A catalog source file (Markdown or JSON). */
  sourceBytes: 5 * 1024 * 1024,
  /** One input of `lint`, `add` or `render`. */
  inputBytes: 1024 * 1024,
  /** One diagram's drawing, in characters. */
  diagramChars: 256 * 1024,
  /** A query or name, all its words together, in characters. */
  queryChars: 1000,
  /** A diagram id. */
  idChars: 64,
  /** Files read from one directory source. */
  filesPerDirectory: 10_000,
  /** Edges one drawing's lines make, for the graph formats (a bus's tails times its heads). */
  graphEdges: 100_000,
  /** Characters of edge labels, a label counted once for every edge it is written on. */
  graphLabelChars: 1_000_000,
  /** Compiled catalogs kept in the cache (one a set of sources), the last used. */
  cachedStores: 8,
  /** A word of a message (input echoed back: a name, a path) longer than this is cut. */
  echoedWordChars: 200,
  /** A message line longer than this is cut in the middle. */
  messageChars: 2_000,
} as const;

/**
 * A message as it is printed: input it echoes back is cut, so that a 100 KB word
 * given on the command line is not printed back whole in the error that refuses it.
 * A long word keeps its start and its end (a path keeps its file name), and says how
 * long it was; a long line keeps its start and end. Applied where every message is
 * written (the CLI), so that no command has to remember it.
 */
export function clipMessage(text: string): string {
  // A query of many words is echoed in quotes, as one: cut as a long word is.
  const quoted = new RegExp(
    `(?<=^|[\\s(])'[^'\\n]{${LIMITS.echoedWordChars + 1},}'(?=$|[\\s,.:;)])`,
    "g",
  );
  const long = new RegExp(`[^\\s'"]{${LIMITS.echoedWordChars + 1},}`, "g");
  const words = text
    .replace(quoted, (phrase) => `'${cutMiddle(phrase.slice(1, -1), 120, 40)}'`)
    .replace(long, (word) => cutMiddle(word, 120, 40));
  return words.length <= LIMITS.messageChars ? words : cutMiddle(words, 1_500, 400);
}

/** The start and the end of a text, saying how long it is; never half a surrogate pair. */
function cutMiddle(text: string, head: number, tail: number): string {
  const low = (at: number) => /[\udc00-\udfff]/.test(text[at] ?? "");
  let end = head;
  if (low(end)) end--;
  let start = text.length - tail;
  if (low(start)) start++;
  return `${text.slice(0, end)}…[${thousands(text.length)} characters]…${text.slice(start)}`;
}

/** A query or name longer than the limit is a usage error, not a slow search. */
export function checkQuery(words: readonly string[]): void {
  const length = words.reduce((n, word) => n + word.length + 1, -1);
  if (length > LIMITS.queryChars) {
    throw new UsageError(`the query is ${length} characters; at most ${LIMITS.queryChars}`);
  }
}

const megabytes = (bytes: number) => `${bytes / 1024 / 1024} MB`;

/**
 * A count (a whole number, not negative) with thousands separated: 262,144. By hand,
 * not `toLocaleString`, whose first call loads the locale data (12 ms), and without a
 * regular expression, compiled on first use: messages are made at start-up too.
 */
export function thousands(n: number): string {
  const digits = String(n);
  let text = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = text.length; at < digits.length; at += 3) text += `,${digits.slice(at, at + 3)}`;
  return text;
}

/** How much of a catalog source is read, and what a refusal says. */
export const SOURCE_LIMIT: ReadLimit = {
  limit: LIMITS.sourceBytes,
  purpose: `sources are read up to ${megabytes(LIMITS.sourceBytes)}`,
};

/** How much of a command's input is read: `inputLimit("lint reads files")`. */
export function inputLimit(what: string): ReadLimit {
  return { limit: LIMITS.inputBytes, purpose: `${what} up to ${megabytes(LIMITS.inputBytes)}` };
}
