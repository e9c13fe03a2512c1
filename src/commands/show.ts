import { UsageError } from "../core/errors.js";
import { checkQuery } from "../core/limits.js";
import { looksLikeId, normalizeName } from "../core/names.js";
import { ONE_AT_A_TIME } from "../render/formats.js";
import { chosenFormat, outputOptions, printEntries } from "./output-options.js";
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
    "Names are ids, aliases or titles in any case and spacing. The longest reading comes first:\n" +
    "words that together are a name are that name (`show cache aside`), then words that are\n" +
    "each a name (`show cqrs saga`). A near miss is shown only when it is clear, and standard\n" +
    "error then says what was shown instead of what was asked; otherwise the closest names are\n" +
    "suggested. A name written as an id (`write-path`) is never swapped for another.",
  exitCodes: [
    [
      1,
      "a name matches no diagram, or a name written as an id is not one (nothing is printed), or with --strict an exported drawing has lint defects or gives no edge",
    ],
    [
      3,
      "the --output file cannot be written, or a drawing is too large to read as a graph (--format graph, mermaid, dot, d2)",
    ],
  ],
  json:
    "--json: one entry {id, title, category, categoryId, aliases, tags, summary, related, notes, references, diagram, original?, line, file?, source, overrides?}, or an array of them for several names; " +
    "--format graph: {nodes: [{id, label, kind, parent?}], edges: [{from, to, label?, directed}]}",
  async run(ctx, { args, options }) {
    checkQuery(args);
    const format = chosenFormat(options);
    if (ONE_AT_A_TIME.has(format) && args.length > 1) {
      throw new UsageError(`--format ${format} draws one diagram at a time`);
    }
    // One exact name (the usual `show`) is looked up without reading the whole catalog.
    const [only] = args.length === 1 ? args : [];
    let direct = only === undefined ? undefined : ctx.named?.(only);
    // A name written as an id names an id, not the alias or title it spells.
    if (direct && looksLikeId(only as string) && direct.id !== normalizeName(only as string)) {
      direct = undefined;
    }
    // A name that is not one may be shown as its clear closest, never silently.
    const notes: string[] = [];
    const onGuess = (asked: string, entry: { id: string; title: string }) =>
      notes.push(
        `no diagram is named '${asked}'; showing the closest: ${entry.id} (${entry.title})`,
      );
    const found = direct
      ? [direct]
      : await (await import("../search/resolve.js")).resolveNames(
          ctx.catalog(),
          args,
          ctx.index,
          onGuess,
        );
    const printed = await printEntries(ctx, found, format, options);
    return { ...printed, notes: [...notes, ...(printed.notes ?? [])] };
  },
});
