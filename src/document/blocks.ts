import { BOX_DRAWING, HEADS, isAsciiDrawing } from "../diagram/charset.js";
import { scanMarkdown, type Token, trimNewlines } from "./fences.js";

/** A diagram found in a file, with the 1-based line of the file its first line is on. */
export interface Block {
  line: number;
  text: string;
}

/** Arrows a flow is drawn with in a code block ("Client\n  ↓\nResolver"). */
const ARROWS = /[\u2190-\u2195]/;

/**
 * Whether text is drawn (a box-drawing character, an arrow, or an ASCII box's
 * `+--`) rather than written.
 */
export function isDrawing(text: string): boolean {
  if (BOX_DRAWING.test(text) || ARROWS.test(text)) return true;
  for (const head of HEADS.keys()) if (text.includes(head)) return true;
  return isAsciiDrawing(text);
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(\s|$)/;
/** An indented code block's line: four columns in, by spaces or a tab. */
const INDENTED = /^( {4}| {0,3}\t)/;
const blank = (line: string) => line.trim() === "";

/**
 * A drawn code block of a Markdown document, as the one reader sees it: where it
 * stands among the scanner's tokens (`first` to `last`, both included) and how it
 * is set (a fence with its info string, or indented).
 */
export interface DrawnBlock extends Block {
  first: number;
  last: number;
  /** The fence it is set in; undefined for an indented block. */
  fence?: { info: string; closed: boolean };
}

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
  const blocks =
    fenced || lines.some((line) => HEADING.test(line))
      ? drawnBlocks(scanMarkdown(text)).map(({ line, text }) => ({ line, text }))
      : [];
  // A heading over a drawing set in no block at all: the text is the drawing.
  if (blocks.length > 0 || fenced) return blocks;
  const whole = trimNewlines(lines.join("\n"));
  return isDrawing(whole) ? [{ line: 1, text: whole }] : [];
}

/** Info strings of fences that hold drawings rather than code. */
const DRAWING_INFO = new Set([
  "",
  "text",
  "txt",
  "plain",
  "plaintext",
  "ascii",
  "diagram",
  "sysdiag",
]);

/**
 * Whether a fence holds a drawing: drawn, and in a fence of code (`js`, `mermaid`)
 * drawn with box-drawing characters, since `-->` and `->` are operators there.
 */
function fencedDrawing(info: string, body: string): boolean {
  const language = (info.split(/\s+/)[0] ?? "").toLowerCase();
  return DRAWING_INFO.has(language) ? isDrawing(body) : BOX_DRAWING.test(body);
}

/**
 * The code blocks of scanned Markdown that are drawings (fenced or indented), in
 * reading order: what `render`, `lint`, `add` and the catalog sources take as a
 * drawing. Code (`npm install`), a table or prose in a fence is not one, whatever
 * the fence's info string says. Lines inside an HTML comment are no code block.
 */
export function drawnBlocks(tokens: readonly Token[]): DrawnBlock[] {
  const blocks: DrawnBlock[] = [];
  // An indented block cannot interrupt a paragraph: it starts after a blank line.
  let afterBlank = true;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === "fence") {
      if (fencedDrawing(token.info, token.body)) {
        blocks.push({
          line: token.line + 1,
          text: token.body,
          first: i,
          last: i,
          fence: { info: token.info, closed: token.closed },
        });
      }
      afterBlank = false;
      continue;
    }
    const line = token.kind === "heading" ? token.raw : token.text;
    const code = token.kind === "text" && !token.comment;
    if (code && afterBlank && INDENTED.test(line) && !blank(line)) {
      let end = i;
      // Blank lines inside the block belong to it; those after its last line do not.
      for (let j = i; j < tokens.length; j++) {
        const next = tokens[j] as Token;
        if (next.kind !== "text" || next.comment) break;
        if (blank(next.text)) continue;
        if (!INDENTED.test(next.text)) break;
        end = j;
      }
      const body = tokens.slice(i, end + 1).map((t) => (t.kind === "text" ? t.text : ""));
      const text = body.join("\n");
      if (isDrawing(text)) blocks.push({ line: token.line, text, first: i, last: end });
      i = end;
      afterBlank = false;
      continue;
    }
    afterBlank = blank(line);
  }
  return blocks;
}
