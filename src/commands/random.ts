import { NotFoundError } from "../core/errors.js";
import { chosenFormat, outputOptions, printEntries } from "./output-options.js";
import { defineCommand, text, whole } from "./spec.js";

/** The same seed picks the same diagram from the same catalog. */
const seed = whole("--seed <n>", "pick repeatably: the same seed picks the same diagram");

export default defineCommand({
  name: "random",
  summary: "show a diagram picked at random, for study",
  args: [],
  options: {
    category: text(
      "-c, --category <category>",
      "pick from this category only (id, name or a near miss)",
      "categories",
    ),
    seed,
    ...outputOptions,
  },
  output: true,
  copy: true,
  examples: [
    "sysdiag random",
    "sysdiag random --category databases",
    "sysdiag random --seed 42",
    'sysdiag random --seed "$(date +%j)"',
    "sysdiag random --raw",
  ],
  details: "Printed as `show` prints it. Without --seed, a different pick each time.",
  exitCodes: [
    [
      1,
      "no such category, or no diagram to pick from, or with --strict the exported drawing has lint defects or gives no edge",
    ],
    [
      3,
      "the --output file cannot be written, or its drawing is too large to read as a graph (--format graph, mermaid, dot, d2)",
    ],
  ],
  json: "the entry, as `show --json` prints it",
  async run(ctx, { options }) {
    const catalog = ctx.catalog();
    let entries = catalog.diagrams;
    if (options.category !== undefined) {
      const { resolveCategory } = await import("../search/category.js");
      const category = await resolveCategory(catalog, options.category);
      entries = entries.filter((e) => e.categoryId === category.id);
    }
    const { pick } = await import("../search/random.js");
    const format = chosenFormat(options);
    const picked = pick(entries, options.seed);
    if (picked === undefined) throw new NotFoundError("no diagram to pick from");
    return printEntries(ctx, [picked], format, options);
  },
});
