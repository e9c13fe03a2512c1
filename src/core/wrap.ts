import { displayWidth } from "./width.js";

/**
 * Greedy word wrap of plain prose to `columns` display columns; a word longer than a
 * line stands alone on its line. Diagrams are never wrapped: only prose is.
 * `columns` undefined (not a terminal): one line, as written.
 */
export function wrapWords(
  words: readonly string[],
  columns: number | undefined,
  indent = "",
): string[] {
  if (columns === undefined) return [words.join(" ")];
  const lines: string[] = [];
  let line = "";
  let width = 0;
  for (const word of words) {
    const w = displayWidth(word);
    if (line !== "" && width + 1 + w > columns) {
      lines.push(line);
      line = indent + word;
      width = displayWidth(indent) + w;
    } else {
      line = line === "" ? word : `${line} ${word}`;
      width += (width === 0 ? 0 : 1) + w;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** Splits prose into words at blanks. */
export const wordsOf = (text: string): string[] => text.split(/\s+/).filter(Boolean);
