import { NotFoundError, UsageError } from "../core/errors.js";
import { LIMITS, thousands } from "../core/limits.js";
import { normalizeName } from "../core/names.js";
import type { Catalog, Category } from "../core/types.js";

/**
 * A category by its id, its name or a near miss of either: `databases`,
 * `database`, `"Database Architectures"`, `databse`.
 */
export async function resolveCategory(
  catalog: Pick<Catalog, "categories">,
  query: string,
): Promise<Category> {
  // Refused before any matching: typo matching of a 100 KB name took seconds.
  if (query.length > LIMITS.queryChars) {
    throw new UsageError(
      `the category is ${thousands(query.length)} characters; at most ${thousands(LIMITS.queryChars)}`,
    );
  }
  const key = normalizeName(query);
  const { categories } = catalog;
  const exact = categories.find((c) => c.id === key || normalizeName(c.name) === key);
  if (exact) return exact;
  if (key !== "") {
    // "database" for "databases", "data processing" for "data-processing".
    const prefixed = categories.filter(
      (c) => c.id.startsWith(key) || normalizeName(c.name).startsWith(key),
    );
    if (prefixed.length === 1) return prefixed[0] as Category;
    const { default: Fuse } = await import("fuse.js");
    const fuse = new Fuse(categories, {
      keys: ["id", "name"],
      includeScore: true,
      threshold: 0.35,
    });
    const [best, second] = fuse.search(query);
    if (
      best &&
      (best.score ?? 1) <= 0.3 &&
      (!second || (second.score ?? 1) - (best.score ?? 1) >= 0.1)
    ) {
      return best.item;
    }
  }
  const valid = categories.map((c) => c.id).join(", ");
  throw new NotFoundError(`no category '${query}'; categories are: ${valid}`);
}
