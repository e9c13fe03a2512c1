import { defineCommand, flag } from "./spec.js";

export default defineCommand({
  name: "categories",
  summary: "list categories with their ids and number of diagrams",
  args: [],
  options: {
    json: flag("--json", "an array of {id, name, count}"),
  },
  examples: ["sysdiag categories", "sysdiag categories --json"],
  exitCodes: [],
  json: "[{id, name, count}]",
  async run(ctx, { options }) {
    // A compiled store's listing says each entry's category without the rest of it.
    const catalog = ctx.listing();
    const { countByCategory, formatCategories } = await import("../render/listing.js");
    if (!options.json) return { stdout: formatCategories(catalog, ctx.style) };
    const { toJson } = await import("../render/json.js");
    const counts = countByCategory(catalog.entries);
    return {
      stdout: toJson(catalog.categories.map((c) => ({ ...c, count: counts.get(c.id) ?? 0 }))),
    };
  },
});
