import { NotFoundError, UsageError } from "../core/errors.js";
import { inputLimit, SOURCE_LIMIT } from "../core/limits.js";
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
    arg(
      "file...",
      "Markdown or text files, directories of them, or - for standard input (default: the catalog, your sources file by file)",
      {
        required: false,
        variadic: true,
        complete: "files",
      },
    ),
  ],
  options: {
    json: flag("--json", "an array of {file, line, column, rule, message}"),
    allowEmpty: flag(
      "--allow-empty",
      "a file that holds no drawing is no error (a hook or CI run over every Markdown file)",
    ),
  },
  examples: [
    "sysdiag lint",
    "sysdiag lint docs/design.md",
    "sysdiag lint .sysdiag/",
    "cat diagram.txt | sysdiag lint -",
    "git ls-files '*.md' | xargs sysdiag lint --allow-empty",
  ],
  details:
    "Markdown files are checked block by block (the drawings render and add find), other files\n" +
    "as one diagram. A directory's .md, .markdown and .txt files are checked (not hidden ones;\n" +
    "one holding no drawing is passed over). With no file, the built-in catalog is checked by id\n" +
    "and your own sources (.sysdiag/, your data directory, --catalog, SYSDIAG_PATH) file by file,\n" +
    "each finding at its file, line and column. Inputs over 1 MB are refused.",
  exitCodes: [
    [1, "defects found, or an input (or a directory) holds no diagram"],
    [3, "a file cannot be read (missing, a device, not UTF-8 text, over 1 MB)"],
  ],
  json: "[{file, line, column, rule, message}] (empty when clean)",
  async run(ctx, { args, options }) {
    const { lintDiagram } = await import("../diagram/lint.js");
    const findings: Finding[] = [];
    let diagrams = 0;
    const { findBlocks } = await import("../document/blocks.js");
    const { readText } = await import("../core/io.js");
    /** A file's drawings linted, each finding at its line and column in the file. */
    const lintText = (name: string, text: string) => {
      const blocks = findBlocks(text);
      for (const block of blocks) {
        diagrams++;
        for (const d of lintDiagram(block.text)) {
          findings.push({ file: name, ...d, line: d.line + block.line - 1 });
        }
      }
      return blocks.length;
    };
    if (args.length === 0) {
      // The built-in catalog (and JSON catalogs) by id; your Markdown sources file by file,
      // each finding where it is in the file.
      const files = new Set<string>();
      for (const entry of ctx.catalog().diagrams) {
        const source = entry.source ?? "built-in";
        if (source !== "built-in" && !source.endsWith(".json")) {
          files.add(source);
          continue;
        }
        diagrams++;
        for (const d of lintDiagram(entry.diagram)) findings.push({ file: entry.id, ...d });
      }
      for (const file of files) lintText(file, readText(file, SOURCE_LIMIT));
    } else {
      // Standard input is read once: a second `-` would find it empty.
      if (args.filter((file) => file === "-").length > 1) {
        throw new UsageError("standard input (-) can be given once");
      }
      const { statSync } = await import("node:fs");
      // Anything stat cannot tell (too long a name) is read as a file, which says why not.
      const isDirectory = (path: string) => {
        try {
          return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
        } catch {
          return false;
        }
      };
      const { filesToLint } = await import("../catalog/source-scan.js");
      // Every input is read before any is linted: a missing file fails the run up front.
      const inputs: Array<{ file: string; text: string; inDirectory: boolean }> = [];
      for (const file of args) {
        if (file !== "-" && isDirectory(file)) {
          const inside = filesToLint(file);
          if (inside.length === 0) {
            throw new NotFoundError(`no Markdown or text file in the directory ${file}`);
          }
          for (const path of inside) {
            inputs.push({ file: path, text: readText(path, LINT_LIMIT), inDirectory: true });
          }
          continue;
        }
        inputs.push({
          file,
          text: file === "-" ? await ctx.stdin(LINT_LIMIT) : readText(file, LINT_LIMIT),
          inDirectory: false,
        });
      }
      for (const { file, text, inDirectory } of inputs) {
        const found = lintText(file === "-" ? "<stdin>" : file, text);
        // A file of a directory may hold notes and no drawing; one named may not.
        if (found === 0 && !inDirectory && !options.allowEmpty) {
          throw new NotFoundError(
            `no diagram in ${file === "-" ? "standard input" : file}: nothing drawn with box-drawing characters`,
          );
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
