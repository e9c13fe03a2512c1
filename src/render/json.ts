import { sanitize } from "../core/sanitize.js";

/**
 * Machine output: two-space indented JSON and a newline, keys in a fixed order. What
 * the terminal guard escapes is written as JSON's own `\\uXXXX` (the same string to a
 * parser), so that the output is the same on a terminal, in a pipe and in a file.
 */
export function toJson(value: unknown): string {
  return `${sanitize(JSON.stringify(value, null, 2))}\n`;
}
