import { BOX_DRAWING, HEADS, isAsciiDrawing } from "../diagram/charset.js";
import { scanMarkdown, type Token, trimNewlines } from "./fences.js";

/** A diagram found in a file, with the 1-based line of the file its first line is on. */
export interface Block {
  line: number;
  text: string;
}

/**
 * Whether text is drawn (a box-drawing character, an arrow head, or an ASCII box's
 * `+--`) rather than written.
 */
export function isDrawing(text: string): boolean {
  if (BOX_DRAWING.test(text)) return true;
  for (const head of HEADS.keys()) if (text.includes(head)) return true;
  return isAsciiDrawing(text);
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(\s|$)/;
/** An indented code block's line: four columns in, by spaces or a tab. */
const INDENTED = /^( {4}| {0,3}\t)/;
const blank = (line: string) => line.trim() === "";

/**
 * The diagrams in a file: in Markdown (it has a fence or a heading) each fenced or
 * indented code block that is a drawing, else (or when a heading stands over no such
 * block) the whole text when that is a drawing.
 * A block keeps its lines as they are in the file, indentation and all, so a column
 * in it is a column in the file.
 */
export function findBlocks(text: string): Block[] {
  const lines = text.split(/\r?\n/);
  const fenced = lines.some((line) => FENCE.test(line));
  const blocks = fenced || lines.some((line) => HEADING.test(line)) ? codeBlocks(text) : [];
  // A heading over a drawing set in no block at all: the text is the drawing.
  if (blocks.length > 0 || fenced) return blocks;
  const whole = trimNewlines(lines.join("\n"));
  return isDrawing(whole) ? [{ line: 1, text: whole }] : [];
}

function codeBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const keep = (line: number, body: string[]) => {
    const block = body.join("\n");
    if (isDrawing(block)) blocks.push({ line, text: block });
  };
  const tokens = scanMarkdown(text);
  // An indented block cannot interrupt a paragraph: it starts after a blank line.
  let afterBlank = true;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === "fence") {
      keep(token.line + 1, token.body.split("\n"));
      afterBlank = false;
      continue;
    }
    const line = token.kind === "heading" ? token.raw : token.text;
    if (token.kind === "text" && afterBlank && INDENTED.test(line) && !blank(line)) {
      let end = i;
      // Blank lines inside the block belong to it; those after its last line do not.
      for (let j = i; j < tokens.length; j++) {
        const next = tokens[j] as Token;
        if (next.kind !== "text") break;
        if (blank(next.text)) continue;
        if (!INDENTED.test(next.text)) break;
        end = j;
      }
      keep(
        token.line,
        tokens.slice(i, end + 1).map((t) => (t.kind === "text" ? t.text : "")),
      );
      i = end;
      afterBlank = false;
      continue;
    }
    afterBlank = blank(line);
  }
  return blocks;
}
