import stringWidth from "string-width";

/** Columns a line takes in a terminal (wide characters count twice, ANSI codes not at all). */
export function widestLine(text: string): number {
  let widest = 0;
  for (const line of text.split("\n")) widest = Math.max(widest, stringWidth(line));
  return widest;
}
