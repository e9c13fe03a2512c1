import { normalizeName } from "../catalog/names.js";
import { NotFoundError } from "../errors.js";
import type { Catalog, Entry } from "../types.js";
import type { SearchIndex } from "./inverted-index.js";
import { rank } from "./rank.js";

/** A fuzzy hit must score at least this well (0 is perfect) to be shown unasked... */
const CONFIDENT = 0.45;
/** ...and the runner-up's relevance (1 - score) be at most this share of its own. */
const RUNNER_UP_SHARE = 0.6;

function exactMatch(catalog: Catalog, key: string): Entry | undefined {
  for (const entry of catalog.diagrams) {
    if (entry.id === key) return entry;
  }
  for (const entry of catalog.diagrams) {
    if (entry.aliases.some((alias) => normalizeName(alias) === key)) return entry;
    if (normalizeName(entry.title) === key) return entry;
  }
  return undefined;
}

/**
 * Finds the diagram a person meant by `name`: its id, an alias or its title in any
 * case and spacing, else the single clear best fuzzy match. Anything doubtful is a
 * NotFoundError that names the closest candidates instead of guessing.
 */
export async function resolveName(
  catalog: Catalog,
  name: string,
  index?: () => SearchIndex,
): Promise<Entry> {
  const key = normalizeName(name);
  const exact = key === "" ? undefined : exactMatch(catalog, key);
  if (exact) return exact;

  const ranked = key === "" ? [] : await rank(catalog, name, index?.(), 3);
  const [best, second] = ranked;
  if (
    best &&
    best.score <= CONFIDENT &&
    (!second || 1 - second.score <= RUNNER_UP_SHARE * (1 - best.score))
  ) {
    return best.entry;
  }
  const suggestions = ranked.slice(0, 3).map((hit) => hit.entry.id);
  const hint =
    suggestions.length > 0
      ? `did you mean ${suggestions.join(", ")}?`
      : "try 'sysdiag search <words>' or 'sysdiag list'";
  throw new NotFoundError(`no diagram named '${name}'; ${hint}`);
}
