import { UsageError } from "./errors.js";

/**
 * The documented limits, in one place (the README's "Limits" table lists them).
 * Reads stop at a limit by the bytes actually read, never by what `stat` says.
 */
export const LIMITS = {
  /** A catalog source file (Markdown or JSON). */
  sourceBytes: 5 * 1024 * 1024,
  /** One input of `lint`, or a document given to `add`. */
  lintBytes: 1024 * 1024,
  /** One diagram's drawing, in characters. */
  diagramChars: 256 * 1024,
  /** A query or name, all its words together, in characters. */
  queryChars: 1000,
  /** A diagram id. */
  idChars: 64,
  /** Files read from one directory source. */
  filesPerDirectory: 10_000,
} as const;

/** A query or name longer than the limit is a usage error, not a slow search. */
export function checkQuery(words: readonly string[]): void {
  const length = words.reduce((n, word) => n + word.length + 1, -1);
  if (length > LIMITS.queryChars) {
    throw new UsageError(`the query is ${length} characters; at most ${LIMITS.queryChars}`);
  }
}
