// npm run graph-quality: edge precision and recall of extractGraph over the hand-read graphs in
// test/diagram/graph-judgments.json, per diagram and pooled, with every difference listed.

import { evaluate } from "../test/diagram/graph-quality.js";
import { catalog } from "../test/helpers.js";

const result = evaluate(catalog);
const ratio = (a: number, b: number) => (b === 0 ? "  -  " : (a / b).toFixed(3));
const out: string[] = [];
out.push(`${"diagram".padEnd(28)} precision recall  edges`);
for (const s of result.scored) {
  out.push(
    `${s.id.padEnd(28)} ${ratio(s.matched, s.found).padStart(9)} ${ratio(s.matched, s.expected).padStart(6)}  ${s.matched}/${s.expected} (found ${s.found})`,
  );
  for (const e of s.extra) out.push(`    extra edge  ${e}`);
  for (const e of s.missed) out.push(`    missed edge ${e}`);
  for (const e of s.labelDiffs) out.push(`    label       ${e}`);
  for (const e of s.nodeDiffs) out.push(`    ${e}`);
}
out.push(
  `${result.scored.length} diagrams: edge precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}; labels right on ${(result.labelAccuracy * 100).toFixed(1)}% of matched edges; ${result.nodeDiffs} node differences`,
);
process.stdout.write(`${out.join("\n")}\n`);
