import { NotFoundError, UsageError } from "../core/errors.js";
import { inputLimit } from "../core/limits.js";
import { arg, defineCommand, flag } from "./spec.js";

/** Lint reads at most this much of one input: diagrams are small, and this is no place to page. */
const LINT_LIMIT = inputLimit("lint reads files");

export interface Finding {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export default defineCommand({
  name: "lint",
  summary: "check diagrams: boxes that close, lines that meet, arrows that point at something",
  args: [
    arg("file...", "Markdown or text files, or - for standard input (default: the catalog)", {
      required: false,
      variadic: true,
      complete: "files",
    }),
  ],
  options: {
    json: flag("--json", "an array of {file, line, column, rule, message}"),
  },
  examples: ["sysdiag lint", "sysdiag lint docs/design.md", "cat diagram.txt | sysdiag lint -"],
  details:
    "Markdown files are checked block by block (fenced blocks that are drawings), other files\n" +
    "as one diagram. Inputs over 1 MB are refused.",
  exitCodes: [
    [1, "defects found, or an input holds no diagram"],
    [3, "a file cannot be read (missing, a directory or device, not UTF-8 text, over 1 MB)"],
  ],
  json: "[{file, line, column, rule, message}] (empty when clean)",
  async run(ctx, { args, options }) {
    const { lintDiagram } = await import("../diagram/lint.js");
    const findings: Finding[] = [];
    let diagrams = 0;
    if (args.length === 0) {
      for (const entry of ctx.catalog().diagrams) {
        diagrams++;
        for (const d of lintDiagram(entry.diagram)) findings.push({ file: entry.id, ...d });
      }
    } else {
      // Standard input is read once: a second `-` would find it empty.
      if (args.filter((file) => file === "-").length > 1) {
        throw new UsageError("standard input (-) can be given once");
      }
      const { findBlocks } = await import("../document/blocks.js");
      const { readText } = await import("../core/io.js");
      // Every input is read before any is linted: a missing file fails the run up front.
      const inputs: Array<{ file: string; text: string }> = [];
      for (const file of args) {
        inputs.push({
          file,
          text: file === "-" ? await ctx.stdin(LINT_LIMIT) : readText(file, LINT_LIMIT),
        });
      }
      for (const { file, text } of inputs) {
        const name = file === "-" ? "<stdin>" : file;
        const blocks = findBlocks(text);
        if (blocks.length === 0) {
          throw new NotFoundError(
            `no diagram in ${file === "-" ? "standard input" : file}: nothing drawn with box-drawing characters`,
          );
        }
        for (const block of blocks) {
          diagrams++;
          for (const d of lintDiagram(block.text)) {
            findings.push({ file: name, ...d, line: d.line + block.line - 1 });
          }
        }
      }
    }
    const exitCode = findings.length > 0 ? 1 : 0;
    if (options.json) {
      const { toJson } = await import("../render/json.js");
      return { stdout: toJson(findings), exitCode };
    }
    const { sanitizeLine } = await import("../core/sanitize.js");
    const lines = findings.map(
      (f) =>
        `${sanitizeLine(f.file)}:${f.line}:${f.column}: ${sanitizeLine(f.message)} [${f.rule}]\n`,
    );
    const summary =
      findings.length === 0
        ? `${plural(diagrams, "diagram")} checked, no defects\n`
        : `${plural(findings.length, "defect")} in ${plural(new Set(findings.map((f) => f.file)).size, "file")} (${plural(diagrams, "diagram")} checked)\n`;
    return { stdout: lines.join("") + summary, exitCode };
  },
});
