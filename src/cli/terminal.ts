import { guardOutput } from "../core/sanitize.js";

/**
 * The one way to the terminal. Everything sysdiag writes to standard output, standard
 * error or the picker's screen is built by `forTerminal`: text (a catalog's names, a
 * diagram, an error message) passes `guardOutput`, which escapes every control but our
 * own colour codes; the control sequences sysdiag means to send are made here and only
 * here, as `Control` values that the guard lets through. A string can never pass as one,
 * so text from a catalog cannot reach the terminal as a sequence.
 * (test/cli/terminal.test.ts checks that every write in src/ goes through here.)
 */
export interface Control {
  readonly bytes: string;
}

/** The controls made below; nothing else counts as one. */
const MADE = new WeakSet<Control>();

function control(bytes: string): Control {
  const made = Object.freeze({ bytes });
  MADE.add(made);
  return made;
}

const CSI = "\u001b[";

export const ENTER_SCREEN = control(`${CSI}?1049h${CSI}H${CSI}2J`);
export const LEAVE_SCREEN = control(`${CSI}?25h${CSI}?1049l`);
export const HIDE_CURSOR = control(`${CSI}?25l`);
export const SHOW_CURSOR = control(`${CSI}?25h`);
export const HOME = control(`${CSI}H`);
/** Erase from the cursor to the end of the line, and to the end of the screen. */
export const ERASE_LINE = control(`${CSI}K`);
export const ERASE_BELOW = control(`${CSI}J`);
/** The next line of a full-screen frame (raw mode: no newline translation). */
export const NEXT_LINE = control("\r\n");
/** Back to the start of the line, erased: a progress line rewritten in place. */
export const REWRITE_LINE = control(`\r${CSI}K`);
/**
 * Bracketed paste: the terminal wraps a paste in ESC [200~ ... ESC [201~, so that a
 * pasted newline is text, not Enter.
 */
export const PASTE_ON = control(`${CSI}?2004h`);
export const PASTE_OFF = control(`${CSI}?2004l`);

/** The cursor to a row and column, 1-based. */
export const cursorTo = (row: number, column: number): Control =>
  control(`${CSI}${Math.max(1, Math.floor(row))};${Math.max(1, Math.floor(column))}H`);

/**
 * OSC 52, which asks the terminal itself to set its clipboard. The payload is base64,
 * so nothing in it can end the sequence. Inside tmux the sequence is sent plain (tmux
 * takes it into a buffer and passes it on when `set-clipboard` is on) and again wrapped
 * for passthrough (for the terminal outside, when `allow-passthrough` is on).
 */
export function setClipboard(text: string, inTmux: boolean): Control {
  const sequence = `\u001b]52;c;${Buffer.from(text, "utf8").toString("base64")}\u0007`;
  if (!inTmux) return control(sequence);
  return control(`${sequence}\u001bPtmux;${sequence.replaceAll("\u001b", "\u001b\u001b")}\u001b\\`);
}

/** The bytes for the terminal: text guarded, our own sequences as they are. */
export function forTerminal(...parts: ReadonlyArray<string | Control>): string {
  let out = "";
  for (const part of parts)
    out += typeof part !== "string" && MADE.has(part) ? part.bytes : guardOutput(String(part));
  return out;
}
