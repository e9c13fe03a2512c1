/**
 * Keys from what a terminal sends in raw mode. A terminal sends an escape
 * sequence in one write, so an ESC that ends a chunk is the Esc key itself (no
 * timer: the picker answers Esc at once).
 */
export type Key =
  | { name: "text"; text: string }
  /** A paste (bracketed by the terminal): text, even its newlines, never keys. */
  | { name: "paste"; text: string }
  | {
      name:
        | "up"
        | "down"
        | "left"
        | "right"
        | "pageUp"
        | "pageDown"
        | "home"
        | "end"
        | "enter"
        | "escape"
        | "interrupt"
        | "backspace"
        | "deleteWord"
        | "clearLine"
        | "tab"
        | "backTab";
    };

type Named = Exclude<Key, { name: "text" | "paste" }>["name"];

const SEQUENCES: Record<string, Named> = {
  "\x1b[A": "up",
  "\x1b[B": "down",
  "\x1b[C": "right",
  "\x1b[D": "left",
  "\x1bOA": "up",
  "\x1bOB": "down",
  "\x1bOC": "right",
  "\x1bOD": "left",
  "\x1b[5~": "pageUp",
  "\x1b[6~": "pageDown",
  "\x1b[H": "home",
  "\x1b[F": "end",
  "\x1bOH": "home",
  "\x1bOF": "end",
  "\x1b[1~": "home",
  "\x1b[4~": "end",
  "\x1b[7~": "home",
  "\x1b[8~": "end",
  "\x1b[Z": "backTab",
};

const CONTROLS: Record<string, Named> = {
  "\r": "enter",
  "\n": "enter",
  "\t": "tab",
  "\x03": "interrupt",
  "\x7f": "backspace",
  "\b": "backspace",
  "\x17": "deleteWord",
  "\x15": "clearLine",
  "\x0e": "down",
  "\x10": "up",
  "\x01": "home",
  "\x05": "end",
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences are what is decoded
const CSI = /^\x1b(?:\[[0-9;?]*[\x40-\x7e]|O[\x40-\x7e])/;

const PASTE_START = "\x1b[200~";
const PASTE_END = "\x1b[201~";

/**
 * Reads keys chunk by chunk, remembering across chunks whether a paste is under way:
 * a long paste arrives in several reads, and its newlines must not become Enter.
 */
export class KeyReader {
  private pasting = false;
  private pasted = "";
  /** The start of an end-of-paste marker cut off at the end of the last chunk. */
  private held = "";

  /** The keys in one chunk of terminal input; sequences it does not know are dropped. */
  read(chunk: string): Key[] {
    const keys: Key[] = [];
    let rest = this.held + chunk;
    this.held = "";
    while (rest !== "") {
      if (!this.pasting) {
        const start = rest.indexOf(PASTE_START);
        keys.push(...decodeTyped(start < 0 ? rest : rest.slice(0, start)));
        if (start < 0) break;
        this.pasting = true;
        rest = rest.slice(start + PASTE_START.length);
        continue;
      }
      const end = rest.indexOf(PASTE_END);
      if (end < 0) {
        const cut = partialEnd(rest);
        this.pasted += rest.slice(0, rest.length - cut);
        this.held = rest.slice(rest.length - cut);
        break;
      }
      this.pasted += rest.slice(0, end);
      keys.push({ name: "paste", text: asOneLine(this.pasted) });
      this.pasting = false;
      this.pasted = "";
      rest = rest.slice(end + PASTE_END.length);
    }
    return keys;
  }
}

/** How many characters at the end of `text` begin the end-of-paste marker. */
function partialEnd(text: string): number {
  for (let n = Math.min(PASTE_END.length - 1, text.length); n > 0; n--) {
    if (PASTE_END.startsWith(text.slice(-n))) return n;
  }
  return 0;
}

/** A query is one line: a pasted line break or tab is a blank, other controls are dropped. */
const asOneLine = (text: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: controls are what is removed
  text.replace(/[\r\n\t]/g, " ").replace(/[\x00-\x1f\x7f-\x9f]/g, "");

/** The keys in one chunk of input, outside a paste. */
export const decodeKeys = (chunk: string): Key[] => new KeyReader().read(chunk);

function decodeTyped(chunk: string): Key[] {
  const keys: Key[] = [];
  let text = "";
  const flush = () => {
    if (text !== "") keys.push({ name: "text", text });
    text = "";
  };
  let i = 0;
  while (i < chunk.length) {
    const char = chunk[i] as string;
    if (char === "\x1b") {
      flush();
      const rest = chunk.slice(i);
      const sequence = CSI.exec(rest)?.[0];
      if (sequence !== undefined) {
        const named = SEQUENCES[sequence];
        if (named) keys.push({ name: named });
        i += sequence.length;
      } else if (rest.length === 1 || rest[1] === "\x1b") {
        keys.push({ name: "escape" });
        i += 1;
      } else {
        // Alt and a key: not a key the picker has; skip both.
        i += 2;
      }
      continue;
    }
    const control = CONTROLS[char];
    if (control) {
      flush();
      keys.push({ name: control });
    } else if (char >= " ") text += char;
    i++;
  }
  flush();
  return keys;
}
