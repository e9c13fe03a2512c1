import { ARROWS, isBoxDrawing } from "../diagram/charset.js";
import type { Style } from "./style.js";

type Kind = "stroke" | "arrow" | "label";

const SHAFT = /[-─=]/;

function kindOf(char: string, prev: string | undefined, next: string | undefined): Kind {
  if (isBoxDrawing(char)) return "stroke";
  if (ARROWS.has(char)) return "arrow";
  // An ASCII head is an arrow only with a shaft leading into it ("-->", "<--"),
  // so that "a > b" in a label stays a label.
  if (char === ">" && prev !== undefined && SHAFT.test(prev)) return "arrow";
  if (char === "<" && next !== undefined && SHAFT.test(next)) return "arrow";
  return "label";
}

/** Colours strokes, arrow heads and labels apart; spaces are left bare. */
export function highlightDiagram(text: string, style: Style): string {
  if (!style.color) return text;
  return text
    .split("\n")
    .map((line) => {
      const chars = [...line];
      let out = "";
      let run = "";
      let runKind: Kind | "space" = "space";
      const flush = () => {
        if (run === "") return;
        out += runKind === "space" ? run : style[runKind](run);
        run = "";
      };
      chars.forEach((char, i) => {
        const kind = char === " " ? "space" : kindOf(char, chars[i - 1], chars[i + 1]);
        if (kind !== runKind) flush();
        runKind = kind;
        run += char;
      });
      flush();
      return out;
    })
    .join("\n");
}
