/** Kebab-case ASCII of a label: `API Gateway (v2)` -> `api-gateway-v2`. */
export function slug(label: string): string {
  // An ASCII label (nearly all) has no compatibility forms and no marks to take off.
  const text = isAscii(label)
    ? label.toLowerCase()
    : label
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase();
  // Runs of letters and digits, joined by one hyphen.
  let out = "";
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      if (gap && out !== "") out += "-";
      gap = false;
      out += text[i];
    } else gap = true;
  }
  return out;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Blanks squeezed to one space and trimmed, as `.replace(/\s+/g, " ").trim()` does. */
export function squeeze(text: string): string {
  // By hand when the only blank is a space (every drawing's labels): no pattern to compile.
  let out = "";
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) gap = true;
    else if (code > 0x20 && code < 0x7f) {
      if (gap && out !== "") out += " ";
      gap = false;
      out += text[i];
    } else return text.replace(/\s+/g, " ").trim();
  }
  return out;
}

/**
 * A drawing double-spaced, every row of it followed by a blank one (as a document that
 * set each line of a drawing as a paragraph of its own shows it), with those blank rows
 * taken out; any other drawing as it is. Three rows drawn at least, so that two rows a
 * blank apart (a box over a caption) are left alone.
 */
export function singleSpaced(diagram: string): string {
  const rows = diagram.split("\n");
  const drawn = (row: string | undefined) => row !== undefined && row.trim() !== "";
  let first = 0;
  while (first < rows.length && !drawn(rows[first])) first++;
  let last = rows.length - 1;
  while (last > first && !drawn(rows[last])) last--;
  if (last - first < 4) return diagram;
  for (let row = first; row <= last; row++) {
    if (drawn(rows[row]) !== ((row - first) % 2 === 0)) return diagram;
  }
  return rows.filter((_, row) => row < first || row > last || (row - first) % 2 === 0).join("\n");
}
