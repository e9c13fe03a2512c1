import { NotFoundError } from "../errors.js";
import { toJson } from "../render/json.js";
import { formatResults } from "../render/listing.js";
import { rank } from "../search/rank.js";
import type { Context } from "./context.js";

export interface SearchOptions {
  limit: number;
  json?: boolean;
  explain?: boolean;
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

export async function search(
  ctx: Context,
  words: string[],
  options: SearchOptions,
): Promise<string> {
  const query = words.join(" ").trim();
  const hits = await rank(ctx.catalog(), query, ctx.index(), options.limit);
  if (hits.length === 0) {
    throw new NotFoundError(
      `nothing matches '${query}'; try fewer or other words, or 'sysdiag list' to browse`,
    );
  }
  if (options.json) {
    return toJson(
      hits.map(({ entry, score, matches }) => ({
        id: entry.id,
        title: entry.title,
        category: entry.category,
        score: round(score),
        ...(options.explain
          ? { matches: matches.map((m) => ({ ...m, points: round(m.points) })) }
          : {}),
      })),
    );
  }
  return formatResults(hits, ctx.style, options.explain);
}
