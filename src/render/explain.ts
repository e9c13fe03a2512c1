import { sanitizeLine } from "../core/sanitize.js";
import type { Match, Ranked } from "../search/rank.js";
import type { Style } from "./style.js";

const HOW: Record<Match["kind"], string> = {
  exact: "",
  prefix: ", prefix",
  stem: ", stem",
  joined: ", joined",
  fuzzy: ", typo",
};
const LINK: Record<Match["kind"], string> = {
  exact: "",
  prefix: "→",
  stem: "→",
  joined: "→",
  fuzzy: "≈",
};
const LINK_ASCII: Record<Match["kind"], string> = {
  exact: "",
  prefix: "->",
  stem: "->",
  joined: "->",
  fuzzy: "~",
};

/**
 * Why a result ranks where it does, one match per query word, and the words it
 * lacks: `score 0.293, holds 100% of the query: cach→cache (name, prefix, +8.4), …`
 * then `; not: kafka`.
 */
export function explainMatches(hit: Ranked, style: Style, ascii = false): string {
  const link = ascii ? LINK_ASCII : LINK;
  const parts = hit.matches.map((m) => {
    const word = m.kind === "exact" ? m.term : `${m.term}${link[m.kind]}${m.word}`;
    return `${sanitizeLine(word)} (${m.field}${HOW[m.kind]}, +${m.points.toFixed(1)})`;
  });
  const held = `holds ${Math.round(hit.coverage * 100)}% of the query`;
  const lacks =
    hit.missing.length > 0 ? `; not matched: ${hit.missing.map(sanitizeLine).join(", ")}` : "";
  return style.dim(`score ${hit.score.toFixed(3)}, ${held}: ${parts.join(", ")}${lacks}`);
}
