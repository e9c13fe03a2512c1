import { toJson } from "../render/json.js";
import { formatList } from "../render/listing.js";
import { resolveCategory } from "../search/category.js";
import type { Context } from "./context.js";

export interface ListOptions {
  category?: string;
  json?: boolean;
}

export async function list(ctx: Context, options: ListOptions): Promise<string> {
  const catalog = ctx.catalog();
  let entries = catalog.diagrams;
  if (options.category !== undefined) {
    const category = await resolveCategory(catalog, options.category);
    entries = entries.filter((e) => e.categoryId === category.id);
  }
  if (options.json) {
    return toJson(
      entries.map(({ id, title, category, categoryId }) => ({ id, title, category, categoryId })),
    );
  }
  return formatList(catalog, entries, ctx.style);
}
