import { UsageError } from "../core/errors.js";
import { arg, defineCommand, flag, text } from "./spec.js";

export default defineCommand({
  name: "list",
  summary: "list diagrams by category",
  args: [
    arg("category", "only this category (as --category)", {
      required: false,
      complete: "categories",
    }),
  ],
  options: {
    category: text(
      "-c, --category <category>",
      "only this category (id, name or a near miss)",
      "categories",
    ),
    json: flag("--json", "an array of {id, title, category, categoryId, source}"),
    ids: {
      ...flag("--ids", "only the ids, one a line (for scripts and fzf)"),
      conflicts: ["json"],
    },
  },
  examples: [
    "sysdiag list",
    "sysdiag list databases",
    "sysdiag list --category caching --json",
    "sysdiag list --ids | fzf | xargs sysdiag show",
  ],
  exitCodes: [[1, "no such category (the valid ones are listed)"]],
  json: '[{id, title, category, categoryId, source, overrides?}] (source: "built-in" or the file)',
  async run(ctx, { args, options }) {
    const [positional] = args;
    if (positional !== undefined && options.category !== undefined) {
      throw new UsageError("give the category once: as an argument or with --category");
    }
    const wanted = positional ?? options.category;
    // A compiled store gives what `list` shows without reading the rest of each entry.
    const listing = ctx.listing();
    let entries = listing.entries;
    if (wanted !== undefined) {
      const { resolveCategory } = await import("../search/category.js");
      const category = await resolveCategory(listing, wanted);
      entries = entries.filter((e) => e.categoryId === category.id);
    }
    if (options.ids) {
      const { formatIds } = await import("../render/listing.js");
      return { stdout: formatIds(listing, entries) };
    }
    if (options.json) {
      const { toJson } = await import("../render/json.js");
      return {
        stdout: toJson(
          entries.map(({ id, title, category, categoryId, source, overrides }) => ({
            id,
            title,
            category,
            categoryId,
            source: source ?? "built-in",
            ...(overrides ? { overrides } : {}),
          })),
        ),
      };
    }
    const { formatList } = await import("../render/listing.js");
    return { stdout: formatList(listing, entries, ctx.style, ctx.columns, ctx.ascii) };
  },
});
