import { ARMS, E, HEADS, N, S, W } from "../diagram/grid.js";

const HEAD_ASCII: Record<number, string> = { [N]: "^", [E]: ">", [S]: "v", [W]: "<" };
const TEXT_ARROWS: Record<string, string> = { "→": ">", "←": "<", "↑": "^", "↓": "v", "·": "-" };

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
    else if (char in TEXT_ARROWS) out += TEXT_ARROWS[char];
    else if (/[\u2500-\u257f]/.test(char)) out += "+";
    else out += char;
  }
  return out;
}
