/**
 * Writes man/sysdiag.1 from the command specs (`npm run build` runs it). With
 * --check, writes nothing and exits 1 when the committed page is not what the specs make.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pkg from "../package.json" with { type: "json" };
import { GLOBAL_OPTIONS } from "../src/cli/globals.js";
import { renderMan } from "../src/cli/man.js";
import { optionsOf } from "../src/cli/parse.js";
import { COMMANDS } from "../src/commands/registry.js";
import { EXIT_CODES } from "../src/core/errors.js";

export const MAN_PATH = fileURLToPath(new URL("../man/sysdiag.1", import.meta.url));

export function manPage(): string {
  return renderMan({
    version: pkg.version,
    description: "system-design diagrams one command away",
    commands: COMMANDS,
    globals: GLOBAL_OPTIONS,
    optionsFor: optionsOf,
    exitCodes: EXIT_CODES,
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const page = manPage();
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(MAN_PATH, "utf8");
    } catch {}
    if (current !== page) {
      console.error("man/sysdiag.1 is stale: run `npm run build`");
      process.exit(1);
    }
  } else writeFileSync(MAN_PATH, page);
}
