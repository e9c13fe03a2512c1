// npm run bench [-- --runs N] [-- --no-scale]: start-up and scale measurements with
// a small Node harness; prints a table and writes BENCHMARKS.md. Not part of npm test.
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, release, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { buildIndex, serializeIndex } from "../src/search/inverted-index.js";
import { rank } from "../src/search/rank.js";
import { catalog } from "../test/helpers.js";
import { evaluate } from "../test/search/quality.js";
import { SCALE_QUERIES, syntheticCatalog } from "./synthetic.js";

const root = resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) || 40;
const scale = !args.includes("--no-scale");
const bin = join(root, "bin/sysdiag.cjs");
const work = mkdtempSync(join(tmpdir(), "sysdiag-bench-"));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const ms = (n: number) => n.toFixed(1);

/** Wall time of one whole process, output to a file as a user's redirect would. */
function time(argv: string[], env: NodeJS.ProcessEnv = process.env): number {
  const out = openSync(join(work, "out.txt"), "w");
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, argv, { stdio: ["ignore", out, "ignore"], env });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  closeSync(out);
  if (result.status !== 0) throw new Error(`${argv.join(" ")} exited ${result.status}`);
  return elapsed;
}

interface Row {
  name: string;
  argv: string[];
  budget?: number;
  env?: NodeJS.ProcessEnv;
}

function startup(): string[] {
  execFileSync(process.execPath, [join(root, "node_modules/tsup/dist/cli-default.js")], {
    cwd: root,
    stdio: "ignore",
  });
  const rows: Row[] = [
    { name: "sysdiag --version", argv: [bin, "--version"], budget: 1.15 },
    { name: "sysdiag list", argv: [bin, "list"], budget: 1.35 },
    { name: "sysdiag search replication", argv: [bin, "search", "replication"], budget: 1.35 },
    { name: "sysdiag show cache-aside", argv: [bin, "show", "cache-aside"], budget: 1.3 },
  ];
  try {
    const tldr = createRequire(join(root, "package.json")).resolve("tldr/bin/tldr");
    const home = join(work, "tldr-home");
    mkdirSync(join(home, ".tldr/cache/pages/common"), { recursive: true });
    writeFileSync(
      join(home, ".tldr/cache/pages/common/tar.md"),
      "# tar\n\n> Archiving utility.\n\n- Create an archive:\n\n`tar cf {{target.tar}} {{file}}`\n",
    );
    rows.push({
      name: "tldr tar (Node client, reference)",
      argv: [tldr, "tar"],
      env: { ...process.env, HOME: home },
    });
  } catch {
    // Not installed: `npm i --no-save tldr` adds the reference row.
  }
  const samples = new Map(rows.map((r) => [r.name, [] as number[]]));
  const base: number[] = [];
  for (const row of rows) time(row.argv, row.env); // warm the file cache
  for (let i = 0; i < runs; i++) {
    for (const row of rows) {
      base.push(time(["-e", ""]));
      samples.get(row.name)?.push(time(row.argv, row.env));
    }
  }
  const baseline = median(base);
  const lines = [
    `Whole-process wall time, median of ${runs} runs, alternating each command with \`node -e ''\` (median ${ms(baseline)} ms); output redirected to a file.`,
    "",
    "| command | median ms | × node -e '' | budget | within |",
    "| --- | ---: | ---: | ---: | :---: |",
  ];
  for (const row of rows) {
    const m = median(samples.get(row.name) ?? []);
    const ratio = m / baseline;
    const budget = row.budget ? `≤ ${row.budget.toFixed(2)}×` : "";
    const within = row.budget ? (ratio <= row.budget ? "yes" : "**no**") : "";
    lines.push(`| \`${row.name}\` | ${ms(m)} | ${ratio.toFixed(2)}× | ${budget} | ${within} |`);
  }
  return lines;
}

async function scaling(): Promise<string[]> {
  const lines = [
    `Synthetic catalogs (\`scripts/synthetic.ts\`: realistic titles and tags, 1–3 KB bodies), in process. Per query: median and slowest of ${SCALE_QUERIES.length} queries (${SCALE_QUERIES.map((q) => `\`${q}\``).join(", ")}). The index is built once, at extract time for a shipped catalog, and read back as JSON; \`sysdiag search\` is the whole process on that catalog and index.`,
    "",
    "| diagrams | catalog MB | parse catalog ms | build index ms | index MB | parse index ms | query median ms | query max ms | `sysdiag search kafka` ms |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const size of [100, 1_000, 10_000, 50_000]) {
    const text = JSON.stringify(syntheticCatalog(size));
    let start = performance.now();
    const parsed = JSON.parse(text);
    const parse = performance.now() - start;
    start = performance.now();
    const built = buildIndex(parsed);
    const build = performance.now() - start;
    const indexText = serializeIndex(built);
    start = performance.now();
    const index = JSON.parse(indexText);
    const indexParse = performance.now() - start;
    const queries: number[] = [];
    for (const query of SCALE_QUERIES) {
      start = performance.now();
      await rank(parsed, query, index, 10); // as `sysdiag search` does by default
      queries.push(performance.now() - start);
    }
    const file = join(work, `synthetic-${size}.json`);
    writeFileSync(file, text);
    writeFileSync(file.replace(/\.json$/, ".index.json"), indexText);
    const env = { ...process.env, SYSDIAG_CATALOG: file };
    const whole = median([0, 1, 2].map(() => time([bin, "search", "kafka"], env)));
    lines.push(
      `| ${size.toLocaleString("en")} | ${(text.length / 1e6).toFixed(1)} | ${ms(parse)} | ${ms(build)} | ${(indexText.length / 1e6).toFixed(1)} | ${ms(indexParse)} | ${ms(median(queries))} | ${ms(Math.max(...queries))} | ${ms(whole)} |`,
    );
    process.stdout.write(`  scale ${size} done\n`);
  }
  // The approach the index replaced, for reference: Fuse.js over whole bodies.
  const { default: Fuse } = await import("fuse.js");
  const big = syntheticCatalog(10_000);
  const fuse = new Fuse(big.diagrams, {
    keys: ["id", "title", "aliases", "tags", "diagram"],
    includeScore: true,
    threshold: 0.4,
  });
  const fuseTimes = SCALE_QUERIES.slice(0, 3).map((q) => {
    const start = performance.now();
    fuse.search(q);
    return performance.now() - start;
  });
  lines.push(
    "",
    `For reference, Fuse.js alone over the same 10,000 whole diagrams: ${ms(median(fuseTimes))} ms a query (median of 3).`,
  );
  return lines;
}

async function quality(): Promise<string[]> {
  const result = await evaluate(catalog);
  return [
    `Judged queries (\`test/search/judgments.json\`, ${result.judged.length} queries): MRR ${result.mrr.toFixed(3)}, recall@5 ${result.recall.toFixed(3)}.`,
  ];
}

function pack(): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const [info] = JSON.parse(out) as Array<{
    size: number;
    unpackedSize: number;
    entryCount: number;
  }>;
  if (!info) return [];
  return [
    `\`npm pack\`: ${(info.size / 1024).toFixed(1)} KB packed, ${(info.unpackedSize / 1024).toFixed(1)} KB unpacked, ${info.entryCount} files (limit: 300 KB packed).`,
  ];
}

const cpu = cpus()[0]?.model ?? "unknown CPU";
const machine = `${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
const sections = [
  "# Benchmarks",
  "",
  `Measured ${date} on ${machine}, by \`npm run bench\` (the bundle that \`npm install\` builds). Reproduce: \`npm install && npm run bench\`; add \`npm i --no-save tldr\` first for the reference row.`,
  "",
  "## Start-up",
  "",
  ...startup(),
  "",
  ...(scale ? ["## Scale", "", ...(await scaling()), ""] : []),
  "## Ranking quality",
  "",
  ...(await quality()),
  "",
  "## Package",
  "",
  ...pack(),
  "",
];
const text = sections.join("\n");
writeFileSync(join(root, "BENCHMARKS.md"), text);
process.stdout.write(`${text}\nwrote BENCHMARKS.md\n`);
