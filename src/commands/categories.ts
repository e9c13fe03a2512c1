import { toJson } from "../render/json.js";
import { countByCategory, formatCategories } from "../render/listing.js";
import type { Context } from "./context.js";

export function categories(ctx: Context, options: { json?: boolean }): string {
  const catalog = ctx.catalog();
  if (!options.json) return formatCategories(catalog, ctx.style);
  const counts = countByCategory(catalog);
  return toJson(catalog.categories.map((c) => ({ ...c, count: counts.get(c.id) ?? 0 })));
}
