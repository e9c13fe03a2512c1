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
  sourceProblems: "all",
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
    allowEmpty: flag(
      "--allow-empty",
      "a file that holds no drawing is no error (a hook or CI run over every Markdown file)",
    ),
    fix: flag(
      "--fix",
      "repair in the files what can be proved (a side out of line, a one-blank gap), then report the rest",
    ),
    dryRun: flag("--dry-run", "with --fix: print the repairs as a unified diff and change no file"),
  },
  examples: [
    "sysdiag lint",
    "sysdiag lint docs/design.md",
    "cat diagram.txt | sysdiag lint -",
    "sysdiag lint --fix --dry-run docs/design.md",
    "sysdiag lint --fix docs/*.md",
    "sysdiag lint .sysdiag/",
    "git ls-files '*.md' | xargs sysdiag lint --allow-empty",
  ],
  details:
    "Markdown files are checked block by block (the drawings render and add find), other files\n" +
    "as one diagram. A directory's .md, .markdown and .txt files are checked (not hidden ones;\n" +
    "one holding no drawing is passed over). With no file, the built-in catalog is checked by id\n" +
    "and your own sources (.sysdiag/, your data directory, --catalog, SYSDIAG_PATH) file by file,\n" +
    "each finding at its file, line and column. Inputs over 1 MB are refused.\n" +
    "--fix repairs a box side drawn a column off its corners and a line stopping one blank\n" +
    "short of an upright one, each only where the drawing then has fewer defects and none\n" +
    "new; a file is rewritten atomically, and only when something was repaired. Standard\n" +
    "input (-) with --fix prints the repaired text.",
  exitCodes: [
    [
      1,
      "defects found (with --fix: left after the repairs), or an input (or a directory) holds no diagram",
    ],
    [
      3,
      "a file cannot be read (missing, a device, not UTF-8 text, over 1 MB), or with --fix cannot be written",
    ],
  ],
  json: "[{file, line, column, rule, message}] (empty when clean)",
  async run(ctx, { args, options }) {
    if (options.dryRun && !options.fix) throw new UsageError("--dry-run goes with --fix");
    if (options.fix && args.length === 0) {
      throw new UsageError("--fix needs files to repair: the catalog is not changed by lint");
    }
    if (options.fix && args.includes("-") && args.length > 1) {
      throw new UsageError("--fix reads standard input (-) alone: the repaired text is its output");
    }
    const { lintDiagram } = await import("../diagram/lint.js");
    const findings: Finding[] = [];
    const repaired: string[] = [];
    let diff = "";
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
      const { filesToLint } = await import("../catalog/source-scan.js");
      const { decodeText, readFileBytes } = await import("../core/io.js");
      // Anything stat cannot tell (too long a name) is read as a file, which says why not.
      const isDirectory = (path: string) => {
        try {
          return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
        } catch {
          return false;
        }
      };
      const readInput = (file: string, inDirectory: boolean): Input => {
        const bytes = readFileBytes(file, LINT_LIMIT);
        // A byte-order mark, which decoding drops, is written back by --fix.
        const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
        return {
          file,
          text: decodeText(bytes, file),
          ...(bom ? { bom } : {}),
          ...(inDirectory ? { inDirectory } : {}),
        };
      };
      // Every input is read before any is linted: a missing file fails the run up front.
      const inputs: Input[] = [];
      for (const file of args) {
        if (file === "-") {
          inputs.push({ file, text: await ctx.stdin(LINT_LIMIT) });
          continue;
        }
        if (isDirectory(file)) {
          const inside = filesToLint(file);
          if (inside.length === 0) {
            throw new NotFoundError(`no Markdown or text file in the directory ${file}`);
          }
          for (const path of inside) inputs.push(readInput(path, true));
          continue;
        }
        inputs.push(readInput(file, false));
      }
      if (options.fix) {
        const fixed = await repairInputs(inputs, options.dryRun === true);
        if (fixed.stdout !== undefined) return { stdout: fixed.stdout, exitCode: 0 };
        repaired.push(...fixed.lines);
        diff = fixed.diff;
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
    if (options.dryRun) {
      const summary = `${plural(repaired.length, "repair")} to make, ${plural(findings.length, "defect")} left after them`;
      return { stdout: diff, exitCode, notes: [summary] };
    }
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
    return { stdout: repaired.join("") + lines.join("") + summary, exitCode };
  },
});

/**
 * --fix: each input's drawings repaired as far as can be proved. Files are written
 * (atomically, keeping their permissions) only when something changed, after all were
 * read; standard input's repaired text is the output. With --dry-run nothing is
 * written and the repairs are a unified diff. The inputs then hold the repaired text,
 * for lint to report what is left.
 */
/** An input of lint: its text, and whether its file began with a byte-order mark. */
interface Input {
  file: string;
  text: string;
  bom?: boolean;
  /** Found in a directory named: it may hold no drawing. */
  inDirectory?: boolean;
}

async function repairInputs(
  inputs: Input[],
  dryRun: boolean,
): Promise<{ lines: string[]; diff: string; stdout?: string }> {
  const { fixDocument } = await import("../document/fix-document.js");
  const { sanitizeLine } = await import("../core/sanitize.js");
  const lines: string[] = [];
  const writes: Array<{ path: string; text: string; force: boolean }> = [];
  let diff = "";
  for (const input of inputs) {
    const fixed = fixDocument(input.text);
    if (input.file === "-" && inputs.length === 1 && !dryRun)
      return { lines, diff, stdout: fixed.text };
    const name = sanitizeLine(input.file === "-" ? "<stdin>" : input.file);
    for (const r of fixed.repairs) {
      lines.push(`${name}:${r.line}:${r.column}: repaired: ${r.message}\n`);
    }
    if (fixed.repairs.length === 0) continue;
    if (dryRun) {
      const { createTwoFilesPatch } = await import("diff/lib/patch/create.js");
      diff += createTwoFilesPatch(
        `a/${name}`,
        `b/${name}`,
        input.text,
        fixed.text,
        undefined,
        undefined,
        {
          context: 3,
        },
      ) // Git's form: no ===== line, and no tab where a header would follow the name.
        .replace(/^=+\n/, "")
        .replace(/^(---|\+\+\+) (.*)\t$/gm, "$1 $2");
    } else if (input.file !== "-") {
      writes.push({
        path: input.file,
        text: `${input.bom ? "\uFEFF" : ""}${fixed.text}`,
        force: true,
      });
    }
    input.text = fixed.text;
  }
  if (writes.length > 0) {
    const { writeFilesAtomic } = await import("../core/io.js");
    writeFilesAtomic(writes);
  }
  return { lines, diff };
}
