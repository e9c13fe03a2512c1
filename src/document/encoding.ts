import { DataError } from "../core/errors.js";
import { strictUtf8 } from "../core/io.js";
import { DIAGRAM_CHARACTERS } from "../diagram/charset.js";

/**
 * Text that was UTF-8, was read through a single-byte code page and saved again
 * as UTF-8 ("mojibake") can be turned back into its bytes and decoded again. What
 * makes it hard is that the code page has no character for some bytes, and those
 * bytes were dropped on the way, so some sequences arrive one or more bytes short.
 */
export interface RepairOptions {
  /** A WHATWG encoding label of a single-byte code page. */
  codepage?: string;
  /**
   * Characters a shortened sequence may be restored to (default: DIAGRAM_CHARACTERS).
   * Where exactly one candidate is among them, it wins; otherwise repair stops.
   * (The text cannot vote: every candidate holds a dropped byte, so none occurs intact.)
   */
  preferred?: Iterable<string>;
}

export class RepairError extends DataError {
  readonly line: number;
  readonly column: number;
  constructor(message: string, line: number, column: number) {
    super(`line ${line}, column ${column}: ${message}`);
    this.line = line;
    this.column = column;
  }
}

// `┐` (E2 94 90) loses its last byte in Windows-1254, and its rivals for the two
// bytes left (`━ ┍ ┎ ┏ ┝ ┞`) are heavy or mixed strokes, not in DIAGRAM_CHARACTERS.

interface CodePage {
  toByte: Map<string, number>;
  /** Bytes the code page has no character for: the ones that were dropped. */
  undefinedBytes: number[];
}

function loadCodePage(label: string): CodePage {
  const decoder = (() => {
    try {
      return new TextDecoder(label);
    } catch {
      throw new DataError(`unknown code page '${label}'`);
    }
  })();
  const toByte = new Map<string, number>();
  const undefinedBytes: number[] = [];
  for (let byte = 0; byte < 256; byte++) {
    const char = decoder.decode(Uint8Array.of(byte));
    const code = char.codePointAt(0) ?? 0;
    // WHATWG maps a code page's holes to the C1 control of the same number.
    if (byte >= 0x80 && code === byte && code < 0xa0) undefinedBytes.push(byte);
    else toByte.set(char, byte);
  }
  return { toByte, undefinedBytes };
}

function decodeOne(bytes: number[]): string | undefined {
  try {
    const char = strictUtf8().decode(Uint8Array.from(bytes));
    return [...char].length === 1 ? char : undefined;
  } catch {
    return undefined;
  }
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const isContinuation = (byte: number | undefined) =>
  byte !== undefined && byte >= 0x80 && byte <= 0xbf;

/** Every way of putting `missing` of the `fillers` into the gaps after the lead byte. */
function fillings(present: number[], missing: number, fillers: number[]): number[][] {
  if (missing === 0) return [present];
  const out: number[][] = [];
  for (let at = 1; at <= present.length; at++) {
    for (const filler of fillers) {
      const next = [...present.slice(0, at), filler, ...present.slice(at)];
      out.push(...fillings(next, missing - 1, fillers));
    }
  }
  return out;
}

/**
 * Restores the original text of a document that went through `codepage`.
 * Throws a RepairError naming the place of anything it cannot explain: a character
 * the code page cannot produce, a stray byte, or a dropped byte with no single
 * plausible restoration.
 */
export function repairMojibake(text: string, options: RepairOptions = {}): string {
  const label = options.codepage ?? "windows-1254";
  const { toByte, undefinedBytes } = loadCodePage(label);

  const bytes: number[] = [];
  // Where each byte came from, so that errors point into the garbled text.
  const origins: Array<[number, number]> = [];
  let line = 1;
  let column = 1;
  for (const char of text) {
    const byte = toByte.get(char);
    if (byte === undefined) {
      throw new RepairError(
        `'${char}' (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}) cannot come from ${label}: the text is not ${label} mojibake`,
        line,
        column,
      );
    }
    bytes.push(byte);
    origins.push([line, column]);
    if (char === "\n") {
      line++;
      column = 1;
    } else column++;
  }

  const preferred = new Set(options.preferred ?? DIAGRAM_CHARACTERS);
  const parts: string[] = [];
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const [where, col] = origins[i] as [number, number];
    if (lead < 0x80) {
      parts.push(String.fromCharCode(lead));
      i++;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 0) {
      throw new RepairError(
        `byte 0x${lead.toString(16)} cannot start a UTF-8 character`,
        where,
        col,
      );
    }
    const present = [lead];
    while (present.length < length && isContinuation(bytes[i + present.length])) {
      present.push(bytes[i + present.length] as number);
    }
    i += present.length;
    if (present.length === length) {
      const char = decodeOne(present);
      if (char === undefined) throw new RepairError("invalid UTF-8 sequence", where, col);
      parts.push(char);
      continue;
    }
    const candidates = new Set<string>();
    for (const filled of fillings(present, length - present.length, undefinedBytes)) {
      const char = decodeOne(filled);
      if (char !== undefined) candidates.add(char);
    }
    const plausible = [...candidates].filter((c) => preferred.has(c));
    if (plausible.length !== 1) {
      const listed = [...candidates].join(" ") || "none";
      throw new RepairError(
        `a character lost a byte and cannot be told for sure (candidates: ${listed})`,
        where,
        col,
      );
    }
    parts.push(plausible[0] as string);
  }
  return parts.join("");
}
