import { readFileSync } from "node:fs";
import type { Catalog } from "../../src/core/types.js";
import { rank } from "../../src/search/rank.js";
import { ROOT } from "../helpers.js";

export interface Judgment {
  query: string;
  relevant: string[];
}

export interface Judged extends Judgment {
  ranked: string[];
  reciprocalRank: number;
  recall: number;
}

export const judgments = JSON.parse(readFileSync(`${ROOT}test/search/judgments.json`, "utf8")) as {
  k: number;
  judgments: Judgment[];
};

/** Mean reciprocal rank of the first relevant hit, and mean recall of the relevant ids in the top k. */
export async function evaluate(catalog: Catalog, k = judgments.k) {
  const judged: Judged[] = [];
  for (const judgment of judgments.judgments) {
    const ranked = (await rank(catalog, judgment.query)).map((r) => r.entry.id);
    const first = ranked.findIndex((id) => judgment.relevant.includes(id));
    const top = new Set(ranked.slice(0, k));
    judged.push({
      ...judgment,
      ranked: ranked.slice(0, k),
      reciprocalRank: first === -1 ? 0 : 1 / (first + 1),
      recall: judgment.relevant.filter((id) => top.has(id)).length / judgment.relevant.length,
    });
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return {
    judged,
    mrr: mean(judged.map((j) => j.reciprocalRank)),
    recall: mean(judged.map((j) => j.recall)),
  };
}
