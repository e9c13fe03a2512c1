// Run by tsup after each build (onSuccess). Writes dist/catalog.store, the shipped
// catalog compiled (src/catalog/cache.ts) with its shipped index, and then
// dist/cli.cjs.cache, the V8 code
// cache that bin/sysdiag.cjs hands to vm.Script. It is made after running the
// commands a person runs most, in this process, so that it holds the functions they
// compile too and not only the bundle's top level. V8 checks it against its own
// version and flags and the source; a mismatch costs only the compile it would save.
"use strict";
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { load } = require("../bin/sysdiag.cjs");

/**
 * The commands whose code goes in the cache. V8 reads all of a cache at start-up,
 * so each function in it costs every command a little: help, SVG and lint (run
 * less, with more time to spare) compile their own code as they run.
 */
const COMMANDS = [
  ["show", "cache-aside"],
  ["show", "cach asid"],
  ["list"],
  ["categories"],
  ["search", "replication"],
];

async function main() {
  // Only the cache's own build (and never this user's diagrams) runs here.
  const home = mkdtempSync(join(tmpdir(), "sysdiag-code-cache-"));
  const { exports, script } = load();
  const data = join(__dirname, "..", "data");
  exports.writeBuiltInStore(
    join(data, "diagrams.json"),
    join(__dirname, "..", "dist", "catalog.store"),
    JSON.parse(readFileSync(join(data, "diagrams.index.json"), "utf8")),
  );
  const sink = { write: () => true, isTTY: false };
  for (const argv of COMMANDS) {
    await exports.main(argv, {
      stdout: sink,
      stderr: sink,
      env: { HOME: home, XDG_DATA_HOME: join(home, "d"), XDG_CACHE_HOME: join(home, "c") },
      cwd: home,
    });
  }
  writeFileSync(join(__dirname, "..", "dist", "cli.cjs.cache"), script.createCachedData());
  rmSync(home, { recursive: true, force: true });
}

main().catch((error) => {
  process.stderr.write(`code cache: ${error.stack}\n`);
  process.exitCode = 1;
});
