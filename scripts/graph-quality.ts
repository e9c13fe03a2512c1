// npm run graph-quality: edge precision and recall of extractGraph over two hand-read sets,
// per diagram and pooled, with every difference listed: the catalog's own diagrams
// (test/diagram/graph-judgments.json) and drawings from public documents (test/diagram/real/).

import { evaluate, type Scored } from "../test/diagram/graph-quality.js";
import { evaluateReal } from "../test/diagram/real-graphs.js";
import { catalog } from "../test/helpers.js";

const ratio = (a: number, b: number) => (b === 0 ? "  -  " : (a / b).toFixed(3));
const out: string[] = [];

function rows(title: string, scored: Scored[]): void {
  out.push(`${title.padEnd(28)} precision recall  edges`);
  for (const s of scored) {
    out.push(
      `${s.id.padEnd(28)} ${ratio(s.matched, s.found).padStart(9)} ${ratio(s.matched, s.expected).padStart(6)}  ${s.matched}/${s.expected} (found ${s.found})`,
    );
    for (const e of s.extra) out.push(`    extra edge  ${e}`);
    for (const e of s.missed) out.push(`    missed edge ${e}`);
    for (const e of s.labelDiffs) out.push(`    label       ${e}`);
    for (const e of s.nodeDiffs) out.push(`    ${e}`);
  }
}

const result = evaluate(catalog);
rows("catalog diagram", result.scored);
out.push(
  `${result.scored.length} diagrams: edge precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}; labels right on ${(result.labelAccuracy * 100).toFixed(1)}% of matched edges; ${result.nodeDiffs} node differences`,
);
out.push("");
const real = evaluateReal();
rows("real drawing", real.scored);
out.push(
  `${real.scored.length} real drawings: edge precision ${real.precision.toFixed(3)}, recall ${real.recall.toFixed(3)}; ${real.nodeDiffs} node differences; direction right on ${real.directions} of ${real.scored.length}`,
);
process.stdout.write(`${out.join("\n")}\n`);
