import { renderEntry, renderRaw } from "../render/entry.js";
import { toJson } from "../render/json.js";
import { resolveName } from "../search/resolve.js";
import type { Entry } from "../types.js";
import type { Context } from "./context.js";

export interface ShowOptions {
  raw?: boolean;
  json?: boolean;
}

/**
 * Every name is resolved before anything is printed: one unknown name fails the
 * whole command, so a script never gets half of what it asked for.
 */
export async function show(ctx: Context, names: string[], options: ShowOptions): Promise<string> {
  const catalog = ctx.catalog();
  const entries: Entry[] = [];
  for (const name of names) entries.push(await resolveName(catalog, name, ctx.index));

  if (options.json) return toJson(entries.length === 1 ? entries[0] : entries);
  if (options.raw) return entries.map(renderRaw).join("\n");
  const rendered: string[] = [];
  for (const entry of entries) rendered.push(await renderEntry(entry, ctx.style, ctx.columns));
  return rendered.join("\n");
}
