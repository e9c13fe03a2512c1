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

/**
 * Whether `name` is written as an id is (`write-path`, `cache_aside`): words of
 * letters and digits joined by single dashes or underscores. A person who types
 * one means that diagram, and another shown in its place would pass for it.
 */
export function looksLikeId(name: string): boolean {
  const text = name.trim();
  let joins = 0;
  let after = false; // whether the last character was a letter or digit
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20; // A-Z folded to a-z; digits, - and _ unharmed
    const alnum = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
    if (alnum) after = true;
    else if ((text[i] === "-" || text[i] === "_") && after) {
      joins++;
      after = false;
    } else return false;
  }
  return joins > 0 && after;
}
