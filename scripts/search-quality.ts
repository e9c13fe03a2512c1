// npm run search-quality: MRR and recall@k of the ranking over test/search/judgments.json,
// with every query that is not perfect, for tuning the weights.
import { catalog } from "../test/helpers.js";
import { evaluate } from "../test/search/quality.js";

const result = await evaluate(catalog);
const k = 5;
process.stdout.write(
  `${result.judged.length} queries: MRR ${result.mrr.toFixed(3)}, recall@${k} ${result.recall.toFixed(3)}\n`,
);
for (const j of result.judged) {
  if (j.reciprocalRank < 1 || j.recall < 1) {
    process.stdout.write(
      `  ${JSON.stringify(j.query)}: got ${j.ranked.join(", ")}; want ${j.relevant.join(", ")}\n`,
    );
  }
}
