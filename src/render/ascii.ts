import {
  ARMS,
  E,
  HEAD_ASCII,
  HEADS,
  isBoxDrawing,
  N,
  S,
  TEXT_ARROWS,
  W,
} from "../diagram/charset.js";

/**
 * The diagram in plain ASCII, one character for one, so every box keeps its
 * geometry: lines as `-` and `|`, corners and junctions as `+`, heads as `v > < ^`.
 */
export function toAscii(text: string): string {
  let out = "";
  for (const char of text) {
    const arms = ARMS.get(char);
    const head = HEADS.get(char);
    if (arms !== undefined) out += arms === (E | W) ? "-" : arms === (N | S) ? "|" : "+";
    else if (head !== undefined) out += HEAD_ASCII[head];
    else if (TEXT_ARROWS.has(char)) out += TEXT_ARROWS.get(char);
    else if (isBoxDrawing(char)) out += "+";
    else out += char;
  }
  return out;
}
