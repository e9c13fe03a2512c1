import { displayWidth } from "../diagram/grid.js";

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are what is stripped
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Columns the widest line of `text` takes in a terminal, measured as the diagram grid
 * lays a line out (wide characters two, marks none, tabs to the next stop of 8), so a
 * frame fits what lint and the renderers measure; ANSI colour codes take none.
 */
export async function widestLine(text: string): Promise<number> {
  let widest = 0;
  for (const raw of text.split("\n")) {
    const line = raw.includes("\u001b") ? raw.replace(ANSI, "") : raw;
    widest = Math.max(widest, displayWidth(line));
  }
  return widest;
}
