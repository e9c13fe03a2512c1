import { normalizeName } from "../core/names.js";
import type { Catalog } from "../core/types.js";

/** The kinds `sysdiag __complete` answers, read from the catalog at TAB time. */
export const DYNAMIC = ["diagrams", "categories", "tags"] as const;
export type Dynamic = (typeof DYNAMIC)[number];

/**
 * The values a TAB offers from the catalog: diagram ids, then one-word aliases;
 * category ids; or tags; each in the form names are compared in (`pub/sub` is `pub-sub`),
 * which `show` and `list` accept and which no shell needs to quote.
 */
export function completionValues(catalog: Catalog, kind: Dynamic): string[] {
  const names =
    kind === "diagrams"
      ? [...catalog.diagrams.map((d) => d.id), ...catalog.diagrams.flatMap((d) => d.aliases ?? [])]
      : kind === "tags"
        ? catalog.diagrams.flatMap((d) => d.tags ?? [])
        : catalog.categories.map((c) => c.id);
  const seen = new Set<string>();
  // Past the ids, the diagrams' names are aliases.
  const ids = kind === "diagrams" ? catalog.diagrams.length : names.length;
  names.forEach((name, i) => {
    const value = typeof name === "string" ? normalizeName(name) : "";
    // An alias of several words, in the form of an id, is not an id (show refuses it as
    // one): it is typed as words (`show write path`), which no completion offers.
    if (value === "" || (i >= ids && value.includes("-"))) return;
    seen.add(value);
  });
  return [...seen];
}
