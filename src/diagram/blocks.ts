import { BOX_DRAWING, HEADS } from "./charset.js";

/** A diagram found in a file, with the 1-based line of the file its first line is on. */
export interface Block {
  line: number;
  text: string;
}

/** Whether text is drawn (has a box-drawing character or an arrow head) rather than written. */
export function isDrawing(text: string): boolean {
  if (BOX_DRAWING.test(text)) return true;
  for (const head of HEADS.keys()) if (text.includes(head)) return true;
  return false;
}

/**
 * The diagrams in a file: its fenced blocks that are drawings when it has fences
 * (Markdown), else the whole text when that is a drawing.
 */
export function findBlocks(text: string): Block[] {
  const lines = text.split(/\r?\n/);
  const blocks: Block[] = [];
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const fence = /^\s*(`{3,}|~{3,})/.exec(lines[i] as string);
    if (!fence) continue;
    fenced = true;
    const marker = fence[1] as string;
    const body: string[] = [];
    const start = i + 2;
    for (i++; i < lines.length && !(lines[i] as string).trimStart().startsWith(marker); i++) {
      body.push(lines[i] as string);
    }
    const block = body.join("\n");
    if (isDrawing(block)) blocks.push({ line: start, text: block });
  }
  if (fenced) return blocks;
  const whole = lines.join("\n").replace(/\n+$/, "");
  return isDrawing(whole) ? [{ line: 1, text: whole }] : [];
}
