import { UsageError } from "../errors.js";
import type { Entry } from "../types.js";
import type { Context } from "./context.js";
import { arg, defineCommand, flag, oneOf } from "./spec.js";

/** What `show --format` prints: the framed view, plain text, Markdown, SVG or JSON. */
export const FORMATS = ["text", "txt", "md", "svg", "json"] as const;
export type Format = (typeof FORMATS)[number];

export default defineCommand({
  name: "show",
  summary: "print diagrams by id, alias or title (fuzzy when unambiguous)",
  args: [
    arg("name...", "diagram ids, aliases or titles", { variadic: true, complete: "diagrams" }),
  ],
  options: {
    raw: flag("--raw", "only the diagram text: no frame, no title, no colour (= --format txt)"),
    json: flag("--json", "the whole entry as JSON, an array for several names (= --format json)"),
    format: oneOf("-f, --format <format>", "text (framed), txt, md, svg or json", FORMATS),
    original: flag("--original", "the diagram as the source document drew it, before any repair"),
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
  exitCodes: [[1, "a name matches no diagram (nothing is printed)"]],
  json: "one entry {id, title, category, categoryId, aliases, tags, summary, related, diagram, original?, line}, or an array of them for several names",
  async run(ctx, { args, options }) {
    const format = chosenFormat(options);
    if (format === "svg" && args.length > 1) {
      throw new UsageError("--format svg draws one diagram at a time");
    }
    const { resolveNames } = await import("../search/resolve.js");
    const found = await resolveNames(ctx.catalog(), args, ctx.index);
    // --original: the block as the source document drew it, before any repair.
    const entries = found.map((entry) =>
      options.original ? { ...entry, diagram: entry.original ?? entry.diagram } : entry,
    );
    return {
      stdout: await renderAs(format, entries, ctx),
      subject: entries.map((e) => e.id).join(", "),
    };
  },
});

async function renderAs(format: Format, entries: Entry[], ctx: Context): Promise<string> {
  switch (format) {
    case "json": {
      const { toJson } = await import("../render/json.js");
      return toJson(entries.length === 1 ? entries[0] : entries);
    }
    case "txt": {
      const { renderRaw } = await import("../render/entry.js");
      return entries.map((e) => renderRaw(e, ctx.ascii)).join("\n");
    }
    case "md": {
      const { renderMarkdown } = await import("../render/entry.js");
      return entries.map((e) => renderMarkdown(e, ctx.ascii)).join("\n");
    }
    case "svg": {
      const { renderSvg } = await import("../render/svg.js");
      const [entry] = entries as [Entry];
      return renderSvg(entry.diagram, entry.title);
    }
    case "text": {
      const { renderEntry } = await import("../render/entry.js");
      const rendered: string[] = [];
      for (const entry of entries) {
        rendered.push(await renderEntry(entry, ctx.style, ctx.columns, ctx.ascii));
      }
      return rendered.join("\n");
    }
  }
}

/** --raw and --json are the txt and json formats by their old names; only one may be asked for. */
export function chosenFormat(options: { raw?: boolean; json?: boolean; format?: Format }): Format {
  const asked = [
    options.raw ? "--raw" : undefined,
    options.json ? "--json" : undefined,
    options.format !== undefined ? "--format" : undefined,
  ].filter(Boolean);
  if (asked.length > 1) throw new UsageError(`${asked.join(" and ")} cannot be used together`);
  if (options.raw) return "txt";
  if (options.json) return "json";
  return options.format ?? "text";
}
