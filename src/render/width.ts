/**
 * Characters one column wide for certain: printable ASCII, Latin, and the box-drawing,
 * block, shape and arrow ranges diagrams are drawn with. Lines made only of them
 * (every shipped diagram) are measured by counting; only others need string-width,
 * whose Unicode tables cost more to load than a whole `sysdiag list` takes to run.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are what is stripped
const ANSI = /\u001b\[[0-9;]*m/g;
const NARROW = /^[\u0020-\u007e\u00a0-\u02ff\u2010-\u2027\u2190-\u21ff\u2500-\u25ff]*$/u;

type Measure = (line: string) => number;
let slow: Measure | undefined;

/** Columns the widest line of `text` takes in a terminal; ANSI colour codes take none. */
export async function widestLine(text: string): Promise<number> {
  let widest = 0;
  for (const raw of text.split("\n")) {
    const line = raw.includes("\u001b") ? raw.replace(ANSI, "") : raw;
    let width: number;
    if (NARROW.test(line)) width = [...line].length;
    else {
      slow ??= (await import("string-width")).default;
      width = slow(line);
    }
    widest = Math.max(widest, width);
  }
  return widest;
}
