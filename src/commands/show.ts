import { UsageError } from "../core/errors.js";
import { checkQuery } from "../core/limits.js";
import { ONE_AT_A_TIME } from "../render/formats.js";
import { chosenFormat, outputOptions } from "./output-options.js";
import { arg, defineCommand } from "./spec.js";

export default defineCommand({
  name: "show",
  summary: "print diagrams by id, alias or title (fuzzy when unambiguous)",
  args: [
    arg("name...", "diagram ids, aliases or titles", { variadic: true, complete: "diagrams" }),
  ],
  options: {
    ...outputOptions,
  },
  output: true,
  copy: true,
  examples: [
    "sysdiag show cache-aside",
    "sysdiag show two phase commit",
    "sysdiag cache-aside",
    "sysdiag show cqrs saga --raw",
    "sysdiag show 2pc --json",
    "sysdiag show cqrs --format md >> design.md",
    "sysdiag show cache-aside --format svg -o cache-aside.svg",
    "sysdiag show vpc --original",
  ],
  details:
    "Names are ids, aliases or titles in any case and spacing; words that are not each a name\n" +
    "are tried together as one (`show cache aside`). A near miss is shown only when it is clear;\n" +
    "otherwise the closest names are suggested.",
  exitCodes: [
    [1, "a name matches no diagram (nothing is printed)"],
    [
      3,
      "the --output file cannot be written, or a drawing is too large to read as a graph (--format graph, mermaid, dot, d2)",
    ],
  ],
  json:
    "--json: one entry {id, title, category, categoryId, aliases, tags, summary, related, diagram, original?, line, source, overrides?}, or an array of them for several names; " +
    "--format graph: {nodes: [{id, label, kind, parent?}], edges: [{from, to, label?, directed}]}",
  async run(ctx, { args, options }) {
    checkQuery(args);
    const format = chosenFormat(options);
    if (ONE_AT_A_TIME.has(format) && args.length > 1) {
      throw new UsageError(`--format ${format} draws one diagram at a time`);
    }
    const { renderAs } = await import("../render/formats.js");
    // One exact name (the usual `show`) is looked up without reading the whole catalog.
    const direct = args.length === 1 ? ctx.named?.(args[0] as string) : undefined;
    const found = direct
      ? [direct]
      : await (await import("../search/resolve.js")).resolveNames(ctx.catalog(), args, ctx.index);
    // --original: the block as the source document drew it, before any repair.
    const entries = found.map((entry) =>
      options.original ? { ...entry, diagram: entry.original ?? entry.diagram } : entry,
    );
    return {
      stdout: await renderAs(format, entries, ctx, options.transparent === true),
      subject: entries.map((e) => e.id).join(", "),
    };
  },
});
