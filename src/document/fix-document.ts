import { fixDiagram, type Repair } from "../diagram/fix.js";
import { findBlocks } from "./blocks.js";

/**
 * A file with each drawing in it repaired as fixDiagram can prove (its blocks, as
 * lint and render find them), every other line as it was, line endings and all.
 * A repair's line is the file's line.
 */
export function fixDocument(text: string): { text: string; repairs: Repair[] } {
  // Lines at even places, their endings (\n or \r\n) between: each kept as it was.
  const parts = text.split(/(\r?\n)/);
  const repairs: Repair[] = [];
  for (const block of findBlocks(text)) {
    const was = block.text.split("\n");
    // Only a block that is the file's own lines where it says is written back.
    if (was.some((line, i) => parts[2 * (block.line - 1 + i)] !== line)) continue;
    const fixed = fixDiagram(block.text);
    if (fixed.repairs.length === 0) continue;
    const lines = fixed.text.split("\n");
    // A repair moves cells within a line and never adds or takes one out.
    for (const [i, line] of lines.entries()) parts[2 * (block.line - 1 + i)] = line;
    for (const r of fixed.repairs) repairs.push({ ...r, line: r.line + block.line - 1 });
  }
  return { text: repairs.length === 0 ? text : parts.join(""), repairs };
}
