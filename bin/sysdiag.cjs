#!/usr/bin/env node
// The process entry, kept small: `--version` is answered here without loading the
// bundle, and the bundle is compiled with the V8 code cache made for this kind of
// command line (bin/code-cache.cjs), which saves compiling it on every start. A
// cache this Node cannot use (another V8) is rejected by V8, and the bundle compiles
// as it would without one.
"use strict";
if (require.main !== module) {
  // bin/code-cache.cjs makes the caches through the same loader.
  module.exports = { load, wrap, kindOf, cacheFile, KINDS };
} else {
  const argv = process.argv.slice(2);
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
    require("node:fs").writeSync(1, `${require("../package.json").version}\n`);
  } else load(kindOf(argv)).exports.runMain();
}

/**
 * The command lines each cache is made by. V8 reads a cache whole at start-up, so
 * each holds only what its kind of command runs: a `show` does not pay for the
 * help's or lint's compiled code, nor they for each other's.
 */
function KINDS() {
  return {
    show: [["show", "cache-aside"], ["cache-aside"]],
    svg: [["show", "cache-aside", "--format", "svg"]],
    list: [["list"], ["list", "databases"]],
    categories: [["categories"]],
    search: [
      ["search", "replication"],
      ["search", "kafka", "gateway"],
    ],
    help: [["--help"], ["show", "--help"], ["help", "list"]],
    lint: [["lint"]],
  };
}

/**
 * Which cache suits a command line: the command's own when it has one, the help's
 * for help, `svg` for an SVG, and `show`'s for the rest (they print diagrams too).
 * A guess costs only speed: any cache is valid for any command line.
 */
function kindOf(argv) {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h")) return "help";
  const word = argv.find((a, i) => !a.startsWith("-") && argv[i - 1] !== "--catalog");
  if (word === "help" || word === "list" || word === "categories") return word;
  if (word === "search" || word === "lint") return word;
  const svg =
    argv.includes("--format=svg") ||
    argv.some((a, i) => a === "svg" && /^(-f|--format)$/.test(argv[i - 1] ?? ""));
  return svg ? "svg" : "show";
}

function cacheFile(kind) {
  return require("node:path").join(__dirname, "..", "dist", `cli.${kind}.cache`);
}

/** The bundle's exports, and the vm.Script it was compiled as. */
function load(kind) {
  const fs = require("node:fs");
  const path = require("node:path");
  const file = path.join(__dirname, "..", "dist", "cli.cjs");
  const source = fs.readFileSync(file, "latin1");
  let cachedData;
  if (kind) {
    try {
      cachedData = fs.readFileSync(cacheFile(kind));
    } catch {
      // Not made (or removed): V8 compiles the bundle as it would without one.
    }
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
