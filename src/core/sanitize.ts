/**
 * The one sanitizer. Text from a catalog, a file or the command line is printed
 * with every character that could steer a terminal, or hide what text says, shown
 * visibly instead:
 * - C0 and C1 controls (so every escape sequence: CSI, OSC, DCS lose their ESC) and DEL;
 * - the bidirectional marks, embeddings, overrides and isolates, which make text read
 *   in another order than it is stored;
 * - invisible characters: zero-width space, word joiner and invisible operators, the
 *   byte order mark, deprecated format characters, interlinear annotations, tag
 *   characters (U+E0000-E007F: invisible text a model or a reviewer may still read)
 *   and U+2028/U+2029, which some terminals, editors and JavaScript take as a newline;
 * - a joiner (ZWJ, ZWNJ) next to an ASCII character or at either end. Between two
 *   other characters it is kept: emoji sequences and Indic and Arabic scripts need it;
 *   beside ASCII it only hides a difference (`cache<ZWJ>-aside` is not `cache-aside`).
 * `strip-ansi` and `util.stripVTControlCharacters` alone leave BEL, BS, CR and U+202E
 * through, and hide what was there.
 *
 * Which output gets what (test/core/sanitize.test.ts holds it as a table):
 * - the terminal (standard output and error, the picker, the pager): `sanitize` for
 *   text, `sanitizeLine` for one line, and `guardOutput` as the last guard in src/cli;
 * - a `--copy` payload is pasted into terminals: guarded as the terminal's output is;
 * - a file written with `-o` is data, but it gets printed with `cat` too: JSON and SVG
 *   escape these characters in their own syntax (`\u009b`, `&#x9b;`), which parses back
 *   to the same text, so nothing is lost; the text formats escape them as the terminal does.
 */

const BIDI = "\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069";
const INVISIBLE =
  "\\u180e\\u200b\\u2028\\u2029\\u2060-\\u2064\\u206a-\\u206f\\ufeff\\ufff9-\\ufffb\\u{e0000}-\\u{e007f}";
/** C0 but newline and tab, DEL and C1, bidi, the invisible characters. */
const CONTROLS = `\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${BIDI}${INVISIBLE}`;
/** A joiner with ASCII (or nothing) on either side. */
const LONE_JOINER =
  "(?<![\\u0080-\\u{10ffff}])[\\u200c\\u200d]|[\\u200c\\u200d](?![\\u0080-\\u{10ffff}])";
const UNSAFE = new RegExp(`[${CONTROLS}]|${LONE_JOINER}`, "gu");
const UNSAFE_LINE = new RegExp(`[\\t\\n${CONTROLS}]|${LONE_JOINER}`, "gu");
// Our own colour codes (SGR) are the one exception at the last guard.
const SGR_OR_UNSAFE = new RegExp(`\\u001b\\[[0-9;]*m|[${CONTROLS}]|${LONE_JOINER}`, "gu");

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

const hex4 = (code: number) => `\\u${code.toString(16).padStart(4, "0")}`;

// Beyond C0, `\\uXXXX` (a character past U+FFFF as its two surrogates): inside a JSON
// string that is the same character, so guarded JSON stays valid and means what it meant.
const visible = (char: string): string =>
  NAMED[char] ??
  (char.charCodeAt(0) < 0x20
    ? `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`
    : [...Array(char.length).keys()].map((i) => hex4(char.charCodeAt(i))).join(""));

/** Text for the terminal: newlines and tabs kept, every other control shown escaped. */
export function sanitize(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** Text for one line (an error message, a title): newlines and tabs escaped too. */
export function sanitizeLine(text: string): string {
  return text.replace(UNSAFE_LINE, visible);
}

/**
 * The characters `sanitize` escapes, each written as `write` says: for a format with
 * an escape of its own (XML's `&#x…;`). Newlines and tabs are kept.
 */
export function escapeUnsafe(text: string, write: (codePoint: number) => string): string {
  return text.replace(UNSAFE, (char) => write(char.codePointAt(0) as number));
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
  return text.replace(SGR_OR_UNSAFE, (match) =>
    match.length > 1 && match.startsWith("\u001b") ? match : visible(match),
  );
}
