// npm run extract [-- --check]: rebuilds data/diagrams.json from the source document.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { SysdiagError } from "../src/errors.js";
import { buildCatalog, serializeCatalog } from "../src/extract/build.js";
import { ANNOTATIONS_PATH, CATALOG_PATH, SOURCE_PATH } from "../src/extract/paths.js";
import type { Annotations } from "../src/types.js";

const root = resolve(import.meta.dirname, "..");
const check = process.argv.includes("--check");

try {
  const garbled = readFileSync(resolve(root, SOURCE_PATH), "utf8");
  const annotations = JSON.parse(
    readFileSync(resolve(root, ANNOTATIONS_PATH), "utf8"),
  ) as Annotations;
  const text = serializeCatalog(buildCatalog(garbled, annotations, SOURCE_PATH));
  const target = resolve(root, CATALOG_PATH);
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {}
  const count = (JSON.parse(text) as { diagrams: unknown[] }).diagrams.length;
  if (check) {
    if (current !== text) {
      process.stderr.write(`extract: ${CATALOG_PATH} is stale: run 'npm run extract'\n`);
      process.exitCode = 1;
    } else process.stdout.write(`extract: ${CATALOG_PATH} is current (${count} diagrams)\n`);
  } else if (current === text) {
    process.stdout.write(`extract: ${CATALOG_PATH} unchanged (${count} diagrams)\n`);
  } else {
    writeFileSync(target, text);
    process.stdout.write(`extract: wrote ${CATALOG_PATH} (${count} diagrams)\n`);
  }
} catch (error) {
  if (!(error instanceof SysdiagError)) throw error;
  process.stderr.write(`extract: ${error.message}\n`);
  process.exitCode = 1;
}
