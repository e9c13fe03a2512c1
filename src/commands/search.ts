import { NotFoundError } from "../errors.js";
import { toJson } from "../render/json.js";
import { formatResults } from "../render/listing.js";
import { rank } from "../search/rank.js";
import type { Context } from "./context.js";

export interface SearchOptions {
  limit: number;
  json?: boolean;
}

export async function search(
  ctx: Context,
  words: string[],
  options: SearchOptions,
): Promise<string> {
  const query = words.join(" ").trim();
  const hits = (await rank(ctx.catalog(), query)).slice(0, options.limit);
  if (hits.length === 0) {
    throw new NotFoundError(
      `nothing matches '${query}'; try fewer or other words, or 'sysdiag list' to browse`,
    );
  }
  if (options.json) {
    return toJson(
      hits.map(({ entry, score }) => ({
        id: entry.id,
        title: entry.title,
        category: entry.category,
        score: Math.round(score * 10_000) / 10_000,
      })),
    );
  }
  return formatResults(
    hits.map((hit) => hit.entry),
    ctx.style,
  );
}
