/**
 * Keys from what a terminal sends in raw mode. A terminal sends an escape
 * sequence in one write, so an ESC that ends a chunk is the Esc key itself (no
 * timer: the picker answers Esc at once).
 */
export type Key =
  | { name: "text"; text: string }
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

type Named = Exclude<Key, { name: "text" }>["name"];

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

/** The keys in one chunk of terminal input; sequences it does not know are dropped. */
export function decodeKeys(chunk: string): Key[] {
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
