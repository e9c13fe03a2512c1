// npm run extract [-- --check]: rebuilds data/diagrams.json and its search index
// from the source document and the diagrams written in data/catalog/; with --check,
// only says whether they are current.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { SysdiagError } from "../src/core/errors.js";
import type { Annotations } from "../src/core/types.js";
import { buildCatalog, serializeCatalog } from "../src/extract/build.js";
import {
  ANNOTATIONS_PATH,
  CATALOG_PATH,
  INDEX_PATH,
  REPAIRS_DIR,
  SOURCE_PATH,
  WRITTEN_DIR,
} from "../src/extract/paths.js";
import { readRepairs } from "../src/extract/repairs.js";
import { readWritten } from "../src/extract/written.js";
import { buildIndex, serializeIndex } from "../src/search/inverted-index.js";

const root = resolve(import.meta.dirname, "..");
const check = process.argv.includes("--check");

function read(path: string): string {
  try {
    return readFileSync(resolve(root, path), "utf8");
  } catch {
    return "";
  }
}

try {
  const garbled = readFileSync(resolve(root, SOURCE_PATH), "utf8");
  const annotations = JSON.parse(read(ANNOTATIONS_PATH)) as Annotations;
  const repairs = readRepairs(resolve(root, REPAIRS_DIR));
  const written = readWritten(root, WRITTEN_DIR);
  const catalog = buildCatalog(garbled, annotations, SOURCE_PATH, repairs, written);
  const outputs: Array<[string, string]> = [
    [CATALOG_PATH, serializeCatalog(catalog)],
    [INDEX_PATH, serializeIndex(buildIndex(catalog))],
  ];
  const count = catalog.diagrams.length;
  for (const [path, text] of outputs) {
    const current = read(path);
    if (check) {
      if (current !== text) {
        process.stderr.write(`extract: ${path} is stale: run 'npm run extract'\n`);
        process.exitCode = 1;
      } else process.stdout.write(`extract: ${path} is current (${count} diagrams)\n`);
    } else if (current === text) {
      process.stdout.write(`extract: ${path} unchanged (${count} diagrams)\n`);
    } else {
      writeFileSync(resolve(root, path), text);
      process.stdout.write(`extract: wrote ${path} (${count} diagrams)\n`);
    }
  }
} catch (error) {
  if (!(error instanceof SysdiagError)) throw error;
  process.stderr.write(`extract: ${error.message}\n`);
  process.exitCode = 1;
}
