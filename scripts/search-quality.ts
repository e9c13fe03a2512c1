// npm run search-quality: how well the ranking finds what is meant, and how seldom it
// finds what is not there. Three measures, each with every query that falls short:
// the curated set (test/search/judgments.json, written against the built-in catalog's
// aliases and tags), the uncurated set (test/search/uncurated.json: public drawings as
// their authors titled them, searched beside the built-in catalog), and queries about
// nothing a system-design catalog holds (the share that return anything).
import { catalog } from "../test/helpers.js";
import { answeredUnrelated, evaluate, uncurated, withUncurated } from "../test/search/quality.js";

const k = 5;
const out = (line: string) => process.stdout.write(`${line}\n`);
const report = (name: string, result: Awaited<ReturnType<typeof evaluate>>) => {
  out(
    `${name}: ${result.judged.length} queries, MRR ${result.mrr.toFixed(3)}, recall@${k} ${result.recall.toFixed(3)}`,
  );
  for (const j of result.judged) {
    if (j.reciprocalRank < 1 || j.recall < 1) {
      out(
        `  ${JSON.stringify(j.query)}: got ${j.ranked.join(", ") || "nothing"}; want ${j.relevant.join(", ")}`,
      );
    }
  }
};

report("curated", await evaluate(catalog));
const mixed = withUncurated(catalog).catalog;
report(
  `uncurated (${mixed.diagrams.length - catalog.diagrams.length} diagrams beside the built-in ${catalog.diagrams.length})`,
  await evaluate(mixed, uncurated.judgments),
);
const unrelated = await answeredUnrelated(mixed);
out(
  `unrelated: ${unrelated.answered.length} of ${uncurated.unrelated.length} return anything (${(unrelated.share * 100).toFixed(0)}%)`,
);
for (const a of unrelated.answered) out(`  ${JSON.stringify(a.query)}: ${a.ranked.join(", ")}`);
