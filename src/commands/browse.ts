import { UsageError } from "../core/errors.js";
import { defineCommand, text } from "./spec.js";

export default defineCommand({
  name: "browse",
  summary: "pick a diagram in a full-screen list with a live preview (bare `sysdiag` too)",
  args: [],
  options: {
    query: text("-q, --query <text>", "start with this query typed"),
    category: text(
      "-c, --category <category>",
      "start in this category (Tab cycles them)",
      "categories",
    ),
  },
  copy: true,
  examples: [
    "sysdiag browse",
    "sysdiag",
    "sysdiag browse --query replication",
    "sysdiag browse --category caching --copy",
    "sysdiag browse > diagram.txt",
  ],
  details:
    "Type to filter (the ranking of `sysdiag search`); arrows, PgUp/PgDn, Home/End and\n" +
    "Ctrl-N/Ctrl-P move; Tab and Shift-Tab change the category; ? lists the keys. Enter\n" +
    "prints the diagram as `sysdiag show` does, on standard output; the picker itself is\n" +
    "drawn on the terminal, so `sysdiag browse > file` saves the chosen diagram.",
  exitCodes: [
    [1, "no such category"],
    [130, "left with Esc or Ctrl-C (nothing is printed)"],
  ],
  async run(ctx, { options }) {
    if (!ctx.terminal) {
      throw new UsageError(
        "browse needs a terminal; try 'sysdiag search <words>' or 'sysdiag show <name>'",
      );
    }
    const catalog = ctx.catalog();
    let category = -1;
    if (options.category !== undefined) {
      const { resolveCategory } = await import("../search/category.js");
      const found = await resolveCategory(catalog, options.category);
      category = catalog.categories.findIndex((c) => c.id === found.id);
    }
    const [{ rank }, { createStyle }] = await Promise.all([
      import("../search/rank.js"),
      import("../render/style.js"),
    ]);
    const entry = await ctx.programs.pick({
      catalog,
      rank: async (query) => (await rank(catalog, query, ctx.index())).map((hit) => hit.entry),
      style: await createStyle(ctx.terminal.color),
      ascii: ctx.ascii,
      query: options.query ?? "",
      category,
    });
    if (!entry) return { stdout: "", exitCode: 130 };
    const { renderEntry } = await import("../render/entry.js");
    return {
      stdout: await renderEntry(entry, ctx.style, ctx.columns, ctx.ascii),
      subject: entry.id,
    };
  },
});
