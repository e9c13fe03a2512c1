import { NotFoundError, UsageError } from "../core/errors.js";
import { checkQuery } from "../core/limits.js";
import { arg, count, defineCommand, flag } from "./spec.js";

const round = (n: number) => Math.round(n * 10_000) / 10_000;

export default defineCommand({
  name: "search",
  summary: "rank diagrams by name, aliases, tags, category, summary and text (typo-tolerant)",
  args: [arg("words...", "what to look for", { variadic: true })],
  options: {
    limit: count("-n, --limit <n>", "at most this many results", 10),
    explain: flag("--explain", "show which field and words matched, and the score"),
    json: flag(
      "--json",
      "the ranked array of {id, title, category, source, score} (+ matches with --explain)",
    ),
  },
  examples: [
    "sysdiag search replication",
    "sysdiag search cach asid",
    'sysdiag search "distributed transaction" --explain',
    "sysdiag search queue --limit 3 --json",
  ],
  exitCodes: [[1, "nothing matches (with --json: prints [])"]],
  json: "[{id, title, category, source, score, matches?: [{term, field, word, kind, points}]}]",
  async run(ctx, { args, options }) {
    checkQuery(args);
    const query = args.join(" ").trim();
    // As the missing argument is: a blank query asks for nothing.
    if (query === "") throw new UsageError("the query has no words");
    const { rank } = await import("../search/rank.js");
    // A compiled store's entries are read only for the results, not the whole catalog.
    const index = ctx.index();
    const hits = await rank(ctx.entries(), query, index, options.limit);
    if (options.json) {
      const { toJson } = await import("../render/json.js");
      const stdout = toJson(
        hits.map(({ entry, score, matches }) => ({
          id: entry.id,
          title: entry.title,
          category: entry.category,
          source: entry.source ?? "built-in",
          score: round(score),
          ...(options.explain
            ? { matches: matches.map((m) => ({ ...m, points: round(m.points) })) }
            : {}),
        })),
      );
      // A script reads an empty array; the exit code still says nothing matched.
      return { stdout, exitCode: hits.length === 0 ? 1 : 0 };
    }
    if (hits.length === 0) {
      throw new NotFoundError(
        `nothing matches '${query}'; try fewer or other words, or 'sysdiag list' to browse`,
      );
    }
    const { formatResults } = await import("../render/listing.js");
    return { stdout: formatResults(hits, ctx.style, options.explain, ctx.ascii, ctx.columns) };
  },
});
