import { NotFoundError, UsageError } from "../core/errors.js";
import { normalizeName } from "../core/names.js";
import type { Entry } from "../core/types.js";
import { typoDistance } from "./typos.js";

/** The most near tags a "did you mean" names. */
const SUGGESTED = 3;

/**
 * The entries tagged `tag`, compared as names are (any case and spacing:
 * `Event Sourcing` is `event-sourcing`). No entry with it is a NotFoundError
 * naming the nearest tags there are.
 */
export function withTag(entries: readonly Entry[], tag: string): Entry[] {
  const key = normalizeName(tag);
  if (key === "") throw new UsageError("the tag is empty");
  const tagged = entries.filter((e) => e.tags.some((t) => normalizeName(t) === key));
  if (tagged.length > 0) return tagged;
  const all = [...new Set(entries.flatMap((e) => e.tags.map(normalizeName)))].filter(Boolean);
  const near = all
    .map((t) => ({ t, d: t.startsWith(key) || key.startsWith(t) ? 1 : typoDistance(key, t, 2) }))
    .filter(({ d }) => d <= 2)
    .sort((a, b) => a.d - b.d || a.t.localeCompare(b.t))
    .slice(0, SUGGESTED)
    .map(({ t }) => t);
  const hint =
    near.length > 0 ? `did you mean ${near.join(", ")}?` : "'sysdiag search <words>' looks further";
  throw new NotFoundError(`no diagram has the tag '${tag}'; ${hint}`);
}
