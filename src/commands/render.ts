import { NotFoundError, UsageError } from "../core/errors.js";
import { inputLimit } from "../core/limits.js";
import type { Entry } from "../core/types.js";
import { ONE_AT_A_TIME } from "../render/formats.js";
import { outputOptions } from "./output-options.js";
import { arg, count, defineCommand, type OptionSpec } from "./spec.js";

const RENDER_LIMIT = inputLimit("render reads files");

export default defineCommand({
  name: "render",
  summary: "draw any drawing (a Markdown file's blocks, or a plain text file) in any show format",
  args: [arg("file", "a Markdown or text file, or - for standard input", { complete: "files" })],
  options: {
    format: outputOptions.format,
    block: {
      ...count("-b, --block <n>", "only the nth drawing of the file (1 is the first)", 1),
      default: undefined,
    } as OptionSpec<number | undefined>,
    transparent: outputOptions.transparent,
    direction: outputOptions.direction,
  },
  output: true,
  examples: [
    "sysdiag render design.md --format mermaid",
    "sysdiag render design.md --block 2 --format svg -o flow.svg",
    "cat diagram.txt | sysdiag render - --format dot | dot -Tpng -o diagram.png",
    "sysdiag show cqrs --raw | sysdiag render - -f d2",
  ],
  details:
    "A Markdown file gives its drawings (fenced or indented code blocks), each titled by the\n" +
    "heading above it; any other file is one drawing. Formats that draw one diagram at a time\n" +
    "(svg, graph, mermaid, dot, d2) need --block when the file has several.",
  exitCodes: [
    [
      1,
      "the file holds no drawing, or no drawing with that number, or with --strict an exported drawing has lint defects or gives no edge",
    ],
    [
      3,
      "the file cannot be read, the --output file cannot be written, or a drawing is too large to read as a graph",
    ],
  ],
  json: "as show: --format json gives entries, --format graph the graph",
  async run(ctx, { args, options }) {
    const [file = "-"] = args;
    const { readText } = await import("../core/io.js");
    const { findBlocks } = await import("../document/blocks.js");
    const { scanMarkdown } = await import("../document/fences.js");
    const text = file === "-" ? await ctx.stdin(RENDER_LIMIT) : readText(file, RENDER_LIMIT);
    const name = file === "-" ? "standard input" : file;
    const blocks = findBlocks(text);
    if (blocks.length === 0) throw new NotFoundError(`no drawing in ${name}`);
    const headings = scanMarkdown(text).filter((t) => t.kind === "heading");
    const base = file === "-" ? "Drawing" : (file.split("/").pop() ?? file);
    // Blocks come in reading order, so the heading over each is found by reading on
    // (searching all headings for each block took half a minute on a 1 MB file).
    let next = 0;
    const entries: Entry[] = blocks.map((block, i) => {
      while (next < headings.length && (headings[next]?.line ?? 0) < block.line) next++;
      const above = headings[next - 1];
      const title =
        above && above.kind === "heading"
          ? above.text
          : blocks.length > 1
            ? `${base} #${i + 1}`
            : base;
      return {
        id: `block-${i + 1}`,
        title,
        category: name,
        categoryId: "file",
        aliases: [],
        tags: [],
        summary: "",
        related: [],
        diagram: block.text,
        line: block.line,
        source: file === "-" ? "<stdin>" : file,
      };
    });
    let chosen = entries;
    if (options.block !== undefined) {
      const one = entries[options.block - 1];
      if (!one) {
        throw new NotFoundError(
          `${name} has ${entries.length} ${entries.length === 1 ? "drawing" : "drawings"}, not ${options.block}`,
        );
      }
      chosen = [one];
    }
    const format = options.format ?? "text";
    if (ONE_AT_A_TIME.has(format) && chosen.length > 1) {
      throw new UsageError(
        `${name} has ${chosen.length} drawings and --format ${format} draws one; choose with --block 1..${chosen.length}`,
      );
    }
    const { renderAs } = await import("../render/formats.js");
    // A drawing cut at the terminal's edge is seen whole as the plain text, `less -S`'d.
    const { quote } = await import("../core/quote.js");
    const path = file === "-" || /^[\w./@%+:,=-]+$/.test(file) ? file : quote(file);
    const whole = (entry: Entry) =>
      `sysdiag render ${path} -f txt${entries.length > 1 ? ` --block ${entries.indexOf(entry) + 1}` : ""}`;
    const stdout = await renderAs(
      format,
      chosen,
      {
        style: ctx.style,
        columns: ctx.columns,
        ascii: ctx.ascii,
        whole,
        ...(options.direction ? { direction: options.direction } : {}),
      },
      options.transparent === true,
    );
    // Only the formats that read the drawing as a graph (svg's <desc> does) load the check.
    const { graphWarning } = ONE_AT_A_TIME.has(format)
      ? await import("../render/graph-warning.js")
      : { graphWarning: undefined };
    const warning = await graphWarning?.(
      format,
      (chosen[0] as Entry).diagram,
      `sysdiag lint ${path}`,
    );
    return {
      stdout,
      ...(warning ? { notes: [warning], strictExitCode: 1 } : {}),
    };
  },
});
