/**
 * How many typing mistakes a query word of `length` letters may hold and still be
 * read as a typo of a word it is not. Short words need a closer match: one slip in
 * four letters is a quarter of the word, and "raft" is then "rate", "maps" "mass".
 * A four-letter word may only have two neighbouring letters swapped ("kafak"
 * style), which people make as often as one wrong letter and which rarely makes
 * another real word.
 */
function typoBudget(length: number): { edits: number; swapOnly: boolean } {
  if (length < 4) return { edits: 0, swapOnly: false };
  if (length === 4) return { edits: 1, swapOnly: true };
  return { edits: length < 9 ? 1 : 2, swapOnly: false };
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and
 * swaps of neighbouring letters each count one. Gives up (returns `max + 1`) as
 * soon as the distance must exceed `max`, which a search asks about hundreds of
 * words at a time.
 */
export function typoDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (before[j - 2] as number) + 1);
      }
      current[j] = d;
      if (d < rowBest) rowBest = d;
    }
    if (rowBest > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length] as number, max + 1);
}

/** Whether `a` is `b` with two neighbouring letters swapped. */
export function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * How far `typed` is from `word` as a typo, within the budget of its length:
 * the number of mistakes, or undefined when it is not a typo of that word.
 */
export function typoOf(typed: string, word: string): number | undefined {
  if (typed === word) return undefined;
  const { edits, swapOnly } = typoBudget(typed.length);
  if (edits === 0) return undefined;
  if (swapOnly) return isSwap(typed, word) ? 1 : undefined;
  const distance = typoDistance(typed, word, edits);
  return distance <= edits ? distance : undefined;
}
