/**
 * The one sanitizer. Text from a catalog, a file or the command line is printed
 * with every character that could steer a terminal shown visibly instead: C0 and C1
 * controls (so every escape sequence: CSI, OSC, DCS lose their ESC), DEL, and the
 * bidirectional overrides and isolates that make text read in another order than it
 * is stored. `strip-ansi` and `util.stripVTControlCharacters` alone leave BEL, BS,
 * CR and U+202E through, and hide what was there.
 */

/** C0 but newline and tab, DEL and C1, the bidirectional marks, embeddings, overrides and isolates. */
const CONTROLS =
  "\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069";
const UNSAFE = new RegExp(`[${CONTROLS}]`, "g");
const UNSAFE_LINE = new RegExp(`[\\t\\n${CONTROLS}]`, "g");
// Our own colour codes (SGR) are the one exception at the last guard.
const SGR_OR_UNSAFE = new RegExp(`\\u001b\\[[0-9;]*m|[${CONTROLS}]`, "g");

const NAMED: Record<string, string> = {
  "\u0007": "\\a",
  "\b": "\\b",
  "\t": "\\t",
  "\n": "\\n",
  "\u000b": "\\v",
  "\f": "\\f",
  "\r": "\\r",
  "\u001b": "\\e",
};

// Beyond C0, `\\uXXXX`: inside a JSON string that is the same character, so
// guarded JSON stays valid and means what it meant.
const visible = (char: string): string =>
  NAMED[char] ??
  (char.charCodeAt(0) < 0x20
    ? `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`
    : `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** Text for the terminal: newlines and tabs kept, every other control shown escaped. */
export function sanitize(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** Text for one line (an error message, a title): newlines and tabs escaped too. */
export function sanitizeLine(text: string): string {
  return text.replace(UNSAFE_LINE, visible);
}

/** Whether the text holds anything `sanitize` would escape. */
export function isUnsafe(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

/**
 * The last guard before the terminal: output whose data was sanitized already may
 * hold only our own colour codes (SGR); anything else a formatter let through is
 * escaped here rather than obeyed.
 */
export function guardOutput(text: string): string {
  return text.replace(SGR_OR_UNSAFE, (match) => (match.length > 1 ? match : visible(match)));
}
