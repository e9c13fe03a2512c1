#!/usr/bin/env node
// The process entry, kept tiny: `--version` is answered here without loading the
// bundle, and the bundle is compiled with the V8 code cache made at build time
// (scripts/code-cache.cjs), which saves compiling it on every start. A cache that
// this Node cannot use (another V8) is rejected by V8 and the bundle compiles as usual.
"use strict";
if (require.main !== module) {
  // scripts/code-cache.cjs makes the cache through the same loader.
  module.exports = { load, wrap };
} else {
  const argv = process.argv.slice(2);
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
    require("node:fs").writeSync(1, `${require("../package.json").version}\n`);
  } else load().exports.runMain();
}

/** The bundle's exports, and the vm.Script it was compiled as. */
function load() {
  const fs = require("node:fs");
  const path = require("node:path");
  const file = path.join(__dirname, "..", "dist", "cli.cjs");
  const source = fs.readFileSync(file, "utf8");
  let cachedData;
  try {
    cachedData = fs.readFileSync(`${file}.cache`);
  } catch {
    // Not built (or removed): V8 compiles the bundle as it would without one.
  }
  const vm = require("node:vm");
  // The bundle holds no import(): a script compiled by vm could not run one (tsup.config.ts).
  const script = new vm.Script(wrap(source), { filename: file, cachedData });
  const module = { exports: {}, filename: file, id: file };
  script.runInThisContext()(module.exports, require, module, file, path.dirname(file));
  return { exports: module.exports, script };
}

/** Node's own CommonJS wrapper, so that the code cache made for it matches. */
function wrap(source) {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}
