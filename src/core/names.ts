/** Lower case without accents: "Café" -> "cafe". */
export function fold(text: string): string {
  // Folding accents is slow and rarely needed: names and diagram text are ASCII and strokes.
  const plain = /[\u00c0-\u024f]/.test(text)
    ? text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    : text;
  return plain.toLowerCase();
}

/**
 * The form in which names are compared: case, spaces, underscores, slashes and
 * brackets do not matter, so "Two-Phase Commit (2PC)", "two phase commit 2pc"
 * and "TWO_PHASE_COMMIT_2PC" are one name.
 */
export function normalizeName(name: string): string {
  const dashed = fold(name).replace(/[^a-z0-9]+/g, "-");
  // Dashes trimmed by hand: one expression fewer to compile in every start-up.
  const from = dashed.startsWith("-") ? 1 : 0;
  const to = dashed.length > from && dashed.endsWith("-") ? dashed.length - 1 : dashed.length;
  return dashed.slice(from, to);
}

export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
