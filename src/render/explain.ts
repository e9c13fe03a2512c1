import type { Match } from "../search/rank.js";
import type { Style } from "./style.js";

const HOW: Record<Match["kind"], string> = { exact: "", prefix: ", prefix", fuzzy: ", typo" };
const LINK: Record<Match["kind"], string> = { exact: "", prefix: "→", fuzzy: "≈" };
const LINK_ASCII: Record<Match["kind"], string> = { exact: "", prefix: "->", fuzzy: "~" };

/**
 * Why a result ranks where it does, one match per query word:
 * `score 0.293 from cach→cache (name, prefix, +8.4), asid→aside (name, prefix, +8.4)`.
 */
export function explainMatches(
  score: number,
  matches: Match[],
  style: Style,
  ascii = false,
): string {
  const link = ascii ? LINK_ASCII : LINK;
  const parts = matches.map((m) => {
    const word = m.kind === "exact" ? m.term : `${m.term}${link[m.kind]}${m.word}`;
    return `${word} (${m.field}${HOW[m.kind]}, +${m.points.toFixed(1)})`;
  });
  return style.dim(`score ${score.toFixed(3)} from ${parts.join(", ")}`);
}
