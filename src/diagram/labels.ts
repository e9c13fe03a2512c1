import { Grid } from "./grid.js";

/** The words of each line that are label text, in order: what a repair must leave alone. */
export function labelsByLine(text: string): string[][] {
  const grid = new Grid(text);
  return grid.rows.map((_, row) => {
    const out: string[] = [];
    let word = "";
    for (let col = 0; col <= grid.width; col++) {
      if (grid.kind(row, col) === "label") word += grid.at(row, col);
      else if (word) {
        out.push(word);
        word = "";
      }
    }
    return out;
  });
}

/**
 * Where a repaired diagram's labels differ from the original's: the 1-based
 * line of the first difference, or undefined when every line has the same words
 * in the same order (a repair may move them along their line, no more).
 */
export function labelDifference(original: string, repaired: string): number | undefined {
  const a = labelsByLine(original);
  const b = labelsByLine(repaired);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (JSON.stringify(a[i] ?? null) !== JSON.stringify(b[i] ?? null)) return i + 1;
  }
  return undefined;
}
