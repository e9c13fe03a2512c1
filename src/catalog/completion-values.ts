import { normalizeName } from "../core/names.js";
import type { Catalog } from "../core/types.js";

/** The kinds `sysdiag __complete` answers, read from the catalog at TAB time. */
export const DYNAMIC = ["diagrams", "categories"] as const;
export type Dynamic = (typeof DYNAMIC)[number];

/**
 * The values a TAB offers from the catalog: diagram ids, then aliases, or
 * category ids; each in the form names are compared in (`pub/sub` is `pub-sub`),
 * which `show` and `list` accept and which no shell needs to quote.
 */
export function completionValues(catalog: Catalog, kind: Dynamic): string[] {
  const names =
    kind === "diagrams"
      ? [...catalog.diagrams.map((d) => d.id), ...catalog.diagrams.flatMap((d) => d.aliases ?? [])]
      : catalog.categories.map((c) => c.id);
  const seen = new Set<string>();
  for (const name of names) {
    const value = typeof name === "string" ? normalizeName(name) : "";
    if (value !== "") seen.add(value);
  }
  return [...seen];
}
