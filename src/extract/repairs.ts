import { readdirSync } from "node:fs";
import { join } from "node:path";
import { readText } from "../core/io.js";
import { SOURCE_LIMIT } from "../core/limits.js";

/**
 * Hand repairs of diagrams drawn wrong in the source document: `data/repairs/<id>.txt`
 * holds the corrected diagram (a final newline is not part of it). The extractor
 * applies them, checks that each changed only blanks and drawing characters, and
 * keeps the original beside the repair (`sysdiag show <id> --original`).
 */
export function readRepairs(dir: string): Record<string, string> {
  const repairs: Record<string, string> = {};
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return repairs;
  }
  for (const file of files.sort()) {
    if (!file.endsWith(".txt")) continue;
    repairs[file.slice(0, -4)] = readText(join(dir, file), SOURCE_LIMIT).replace(/\n$/, "");
  }
  return repairs;
}
