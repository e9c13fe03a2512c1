import { UsageError } from "../errors.js";
import { renderEntry, renderMarkdown, renderRaw } from "../render/entry.js";
import { toJson } from "../render/json.js";
import { resolveName } from "../search/resolve.js";
import type { Entry, Format } from "../types.js";
import type { Context } from "./context.js";

export interface ShowOptions {
  raw?: boolean;
  json?: boolean;
  original?: boolean;
  format?: Format;
}

/** --raw and --json are the txt and json formats by their old names; only one may be asked for. */
export function chosenFormat(options: ShowOptions): Format {
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

/**
 * Every name is resolved before anything is printed: one unknown name fails the
 * whole command, so a script never gets half of what it asked for.
 */
export async function show(ctx: Context, names: string[], options: ShowOptions): Promise<string> {
  const format = chosenFormat(options);
  if (format === "svg" && names.length > 1) {
    throw new UsageError("--format svg draws one diagram at a time");
  }
  const catalog = ctx.catalog();
  const entries: Entry[] = [];
  for (const name of names) {
    const entry = await resolveName(catalog, name, ctx.index);
    // --original: the block as the source document drew it, before any repair.
    entries.push(options.original ? { ...entry, diagram: entry.original ?? entry.diagram } : entry);
  }

  switch (format) {
    case "json":
      return toJson(entries.length === 1 ? entries[0] : entries);
    case "txt":
      return entries.map((e) => renderRaw(e, ctx.ascii)).join("\n");
    case "md":
      return entries.map((e) => renderMarkdown(e, ctx.ascii)).join("\n");
    case "svg": {
      const { renderSvg } = await import("../render/svg.js");
      const [entry] = entries as [Entry];
      return renderSvg(entry.diagram, entry.title);
    }
    case "text": {
      const rendered: string[] = [];
      for (const entry of entries) {
        rendered.push(await renderEntry(entry, ctx.style, ctx.columns, ctx.ascii));
      }
      return rendered.join("\n");
    }
  }
}
