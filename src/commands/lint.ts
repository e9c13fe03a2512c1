import { readFileSync, statSync } from "node:fs";
import { findBlocks } from "../diagram/blocks.js";
import { lintDiagram, type Rule } from "../diagram/lint.js";
import { NotFoundError, UsageError } from "../errors.js";
import { toJson } from "../render/json.js";
import type { Context } from "./context.js";

/** Lint reads at most this much of one file: diagrams are small, and this is no place to page. */
export const MAX_BYTES = 1024 * 1024;

export interface Finding {
  file: string;
  line: number;
  column: number;
  rule: Rule;
  message: string;
}

export interface LintResult {
  output: string;
  /** 0 clean, 1 defects found. */
  exitCode: number;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function decode(bytes: Uint8Array, name: string): string {
  if (bytes.length > MAX_BYTES) {
    throw new UsageError(`${name} is ${megabytes(bytes.length)}; lint reads files up to 1 MB`);
  }
  if (bytes.includes(0)) throw new UsageError(`${name} is a binary file, not text`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new UsageError(`${name} is not UTF-8 text`);
  }
}

function readInput(name: string, stdin: Uint8Array | undefined): string {
  if (name === "-") return decode(stdin ?? new Uint8Array(), "standard input");
  let size: number;
  try {
    const stat = statSync(name);
    if (stat.isDirectory()) throw new UsageError(`${name} is a directory`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `cannot read ${name} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  // Refused before reading: a 10 MB file is not read to be told it is too big.
  if (size > MAX_BYTES)
    throw new UsageError(`${name} is ${megabytes(size)}; lint reads files up to 1 MB`);
  return decode(readFileSync(name), name);
}

/**
 * Lints the named files (Markdown: each fenced drawing; plain text: the whole
 * text; `-`: standard input), or the catalog when none is named.
 */
export function lint(
  ctx: Context,
  files: string[],
  options: { json?: boolean },
  stdin?: Uint8Array,
): LintResult {
  const findings: Finding[] = [];
  let diagrams = 0;
  if (files.length === 0) {
    for (const entry of ctx.catalog().diagrams) {
      diagrams++;
      for (const d of lintDiagram(entry.diagram)) findings.push({ file: entry.id, ...d });
    }
  } else {
    const inputs = files.map((file) => ({ file, text: readInput(file, stdin) }));
    for (const { file, text } of inputs) {
      const blocks = findBlocks(text);
      if (blocks.length === 0) {
        const name = file === "-" ? "standard input" : file;
        throw new NotFoundError(`no diagram in ${name}: nothing drawn with box-drawing characters`);
      }
      for (const block of blocks) {
        diagrams++;
        for (const d of lintDiagram(block.text)) {
          findings.push({
            file: file === "-" ? "<stdin>" : file,
            ...d,
            line: d.line + block.line - 1,
          });
        }
      }
    }
  }
  const exitCode = findings.length > 0 ? 1 : 0;
  if (options.json) return { output: toJson(findings), exitCode };
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.message} [${f.rule}]\n`);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const summary =
    findings.length === 0
      ? `${plural(diagrams, "diagram")} checked, no defects\n`
      : `${plural(findings.length, "defect")} in ${plural(new Set(findings.map((f) => f.file)).size, "file")} (${plural(diagrams, "diagram")} checked)\n`;
  return { output: lines.join("") + summary, exitCode };
}
