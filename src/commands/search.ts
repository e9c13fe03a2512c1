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
    explain: flag("--explain", "show why each result is there: matches, score, words it lacks"),
    json: flag(
      "--json",
      "the ranked array of {id, title, category, source, score} (+ matches with --explain)",
    ),
    ids: {
      ...flag("--ids", "only the ids, one a line, best first (for scripts and fzf)"),
      conflicts: ["json", "explain"],
    },
  },
  examples: [
    "sysdiag search replication",
    "sysdiag search cach asid",
    'sysdiag search "distributed transaction" --explain',
    "sysdiag search queue --limit 3 --json",
    "sysdiag search cache --ids | fzf | xargs sysdiag show",
  ],
  details:
    "A result holds enough of the query, its words weighed by how rare they are: a word\n" +
    "that many diagrams have ('pattern') does not carry a result alone. A diagram holding\n" +
    "every word, even only in its drawing, ranks above one with a single word in its name.\n" +
    "A typo is read only for a word no diagram has as written, and short words need a\n" +
    "closer match. A result that holds only some of the words says which.",
  exitCodes: [
    [1, "nothing matches (with --json: prints []); the words no diagram mentions are named"],
  ],
  json: "[{id, title, category, source, score, matches?: [{term, field, word, kind, points}], missing?: [word]}] (kind: exact, prefix, stem, joined or fuzzy)",
  async run(ctx, { args, options }) {
    checkQuery(args);
    const query = args.join(" ").trim();
    // As the missing argument is: a blank query asks for nothing.
    if (query === "") throw new UsageError("the query has no words");
    const { rankQuery } = await import("../search/rank.js");
    // A compiled store's entries are read only for the results, not the whole catalog.
    const index = ctx.index();
    const { hits, terms, unknown } = await rankQuery(ctx.entries(), query, index, options.limit);
    if (options.json) {
      const { toJson } = await import("../render/json.js");
      const stdout = toJson(
        hits.map(({ entry, score, matches, missing }) => ({
          id: entry.id,
          title: entry.title,
          category: entry.category,
          source: entry.source ?? "built-in",
          score: round(score),
          ...(options.explain
            ? { matches: matches.map((m) => ({ ...m, points: round(m.points) })), missing }
            : {}),
        })),
      );
      // A script reads an empty array; the exit code still says nothing matched.
      return { stdout, exitCode: hits.length === 0 ? 1 : 0 };
    }
    const { wordList } = await import("../render/listing.js");
    const unmentioned =
      unknown.length > 0
        ? `no diagram mentions ${wordList(unknown)}`
        : `no diagram holds enough of ${wordList(terms, "and")} together`;
    if (hits.length === 0) {
      throw new NotFoundError(
        `nothing matches '${query}': ${unmentioned}; try other words, or 'sysdiag list' to browse`,
      );
    }
    // Said once, on standard error: each hit already says which words it holds.
    const notes = unknown.length > 0 ? [unmentioned] : [];
    if (options.ids) {
      const { sanitizeLine } = await import("../core/sanitize.js");
      return { stdout: hits.map((hit) => `${sanitizeLine(hit.entry.id)}\n`).join(""), notes };
    }
    const { formatResults } = await import("../render/listing.js");
    const look = { explain: options.explain, ascii: ctx.ascii, columns: ctx.columns };
    return { stdout: formatResults(hits, ctx.style, look), notes };
  },
});
