import { readFileSync } from "node:fs";
import type { Catalog, Entry } from "../../src/core/types.js";
import { readDocument } from "../../src/document/document.js";
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

const readJson = <T>(name: string) =>
  JSON.parse(readFileSync(`${ROOT}test/search/${name}`, "utf8")) as T;

/** The curated sets: queries about the built-in catalog, written against its aliases and tags. */
export const judgments = readJson<{ k: number; judgments: Judgment[] }>("judgments.json");

/** Queries about the uncurated diagrams, and queries about nothing a system-design catalog holds. */
export const uncurated = readJson<{ judgments: Judgment[]; unrelated: string[] }>("uncurated.json");

/** Where each uncurated diagram came from, as its comment in uncurated.md says. */
export interface Source {
  id: string;
  repo: string;
  path: string;
  commit: string;
}

/**
 * The uncurated diagrams read as a user's document is (no aliases, tags or
 * summaries: only the titles their authors gave them), after the built-in ones.
 */
export function withUncurated(builtIn: Catalog): { catalog: Catalog; sources: Source[] } {
  const file = `${ROOT}test/search/uncurated.md`;
  const text = readFileSync(file, "utf8");
  const { diagrams, problems } = readDocument(text);
  if (problems.length > 0) throw new Error(`uncurated.md: ${JSON.stringify(problems)}`);
  const lines = text.split("\n");
  const sources = diagrams.map((d) => {
    // The comment stands between the heading (d.line, 1-based) and the drawing.
    const comment = lines
      .slice(d.line, (d.bodyLine ?? d.line) - 1)
      .find((l) => l.startsWith("<!--"));
    const match = /^<!-- source: (\S+) (\S+) ([0-9a-f]{40}) -->$/.exec(comment ?? "");
    if (!match) throw new Error(`uncurated.md:${d.line + 1}: no source comment`);
    return { id: d.id, repo: match[1], path: match[2], commit: match[3] } as Source;
  });
  const entries: Entry[] = diagrams.map(({ bodyLine: _, ...d }) => ({
    ...d,
    categoryId: "my-diagrams",
    source: file,
  }));
  const categories = [...builtIn.categories, { id: "my-diagrams", name: "My Diagrams" }];
  return {
    catalog: { ...builtIn, categories, diagrams: [...builtIn.diagrams, ...entries] },
    sources,
  };
}

/** Mean reciprocal rank of the first relevant hit, and mean recall of the relevant ids in the top k. */
export async function evaluate(
  catalog: Catalog,
  set: Judgment[] = judgments.judgments,
  k = judgments.k,
) {
  const judged: Judged[] = [];
  for (const judgment of set) {
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

/** The unrelated queries that return anything, with what they return. */
export async function answeredUnrelated(catalog: Catalog, queries = uncurated.unrelated) {
  const answered: Array<{ query: string; ranked: string[] }> = [];
  for (const query of queries) {
    const ranked = (await rank(catalog, query)).map((r) => r.entry.id);
    if (ranked.length > 0) answered.push({ query, ranked: ranked.slice(0, 3) });
  }
  return { answered, share: answered.length / queries.length };
}
