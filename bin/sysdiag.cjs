#!/usr/bin/env node
// The process entry, kept small: `--version` is answered here without loading the
// bundle, and the bundle is compiled with a V8 code cache made for this kind of
// command line, which saves compiling it on every start: the build makes them in
// dist/ (scripts/code-cache.cjs), and an installed package makes each as that kind
// first runs (keep). A cache V8 cannot use is rejected by V8 and the bundle compiles
// as it would without one; nothing here can fail a command. (A cache damaged on disk
// can crash V8, as a damaged bundle would: V8 does not check a cache's content.)
"use strict";
if (require.main !== module) {
  // scripts/code-cache.cjs makes the caches through the same loader.
  module.exports = { load, wrap, kindOf, bundleFile, cacheFile, keep, writeCache, stampOf, KINDS };
} else {
  const argv = process.argv.slice(2);
  if (!(argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V") && printVersion())) {
    run(argv);
  }
}

/**
 * `--version` without the bundle; false when the line could not be written (a closed
 * pipe, a full disk), which the bundle then says as it says any write error.
 */
function printVersion() {
  try {
    require("node:fs").writeSync(1, `${require("../package.json").version}\n`);
    return true;
  } catch {
    return false;
  }
}

/** Runs the bundle; before a build there is none, and one line says what to do. */
function run(argv) {
  let exports;
  try {
    ({ exports } = load(kindOf(argv)));
  } catch (error) {
    if (error?.code !== "ENOENT" || error.path !== bundleFile()) throw error;
    const root = require("node:path").join(__dirname, "..");
    process.stderr.write(
      `sysdiag: ${bundleFile()} is missing: run \`npm install\` (or \`npm run build\`) in ${root}\n`,
    );
    process.exitCode = 3;
    return;
  }
  exports.runMain();
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

/**
 * V8 flags for a kind, set before the bundle is compiled (V8 checks a code cache
 * against its flags, so the kind's cache is made with them too). Lint's loops run
 * long enough for V8 to start optimising them on a background thread, and the
 * process then waits at exit for compiles it no longer needs. With sixteen times
 * V8's default interrupt budget (67,584 on Node 20) short runs stay in the
 * interpreter and long ones (a large file) are still optimised
 * (docs/decisions/0003-lint-interrupt-budget.md).
 */
function FLAGS() {
  return { lint: [`--interrupt-budget=${16 * 67584}`] };
}

/**
 * The bundle as bin compiles it: tsup's CommonJS output wrapped by the build in a
 * function of CommonJS's five parameters (wrap), run with this process's own.
 */
function bundleFile() {
  return require("node:path").join(__dirname, "..", "dist", "cli.js");
}

function cacheFile(kind) {
  return require("node:path").join(__dirname, "..", "dist", `cli.${kind}.cache`);
}

/** The bundle's exports, and the vm.Script it was compiled as. */
function load(kind, keeping = true) {
  const fs = require("node:fs");
  const path = require("node:path");
  const file = bundleFile();
  // Taken before the bundle is read: a cache is used, and kept, only with the bundle
  // it was made from (V8 itself checks only the source's length).
  const made = kind && stampOf(file);
  const source = fs.readFileSync(file, "latin1");
  let cachedData;
  if (made) {
    try {
      const bytes = fs.readFileSync(cacheFile(kind));
      const head = headOf(made);
      if (bytes.toString("latin1", 0, head.length) === head)
        cachedData = bytes.subarray(head.length);
    } catch {
      // None yet: made below as this process exits.
    }
  }
  // V8 prints a flag it does not know on standard error and goes on: a Node whose V8
  // lost this one would say so on every lint, and only speed would be lost.
  for (const flag of (kind && FLAGS()[kind]) || []) require("node:v8").setFlagsFromString(flag);
  const vm = require("node:vm");
  // The bundle holds no import(): a script compiled by vm could not run one (tsup.config.ts).
  // It is compiled as it was read, already wrapped (wrap): a wrapper added here would
  // copy its 250 KB into a new string on every start.
  const script = new vm.Script(source, { filename: file, cachedData });
  if (made && keeping && (cachedData === undefined || script.cachedDataRejected)) {
    process.once("exit", () => keep(kind, script, file, made));
  }
  const module = { exports: {}, filename: file, id: file };
  script.runInThisContext()(module.exports, require, module, file, path.dirname(file));
  return { exports: module.exports, script };
}

/** What a cache file begins with: the bundle it was made from. */
function headOf(stamp) {
  return `sysdiag code cache for ${stamp}\n`;
}

/** Which file a path is, and which version of it: undefined when it cannot be told. */
function stampOf(file) {
  try {
    const { ino, size, mtimeMs } = require("node:fs").statSync(file);
    return `${ino} ${size} ${mtimeMs}`;
  } catch {
    return undefined;
  }
}

/**
 * Writes this kind's cache beside the bundle as the process exits, so that it holds
 * what the command compiled: an installed package has none (a cache suits only the
 * V8 that made it, so none is packed), nor does one whose Node has changed since.
 * Beside the bundle, because a cache is trusted as the code is: V8 checks its version
 * and the source's length, not its content, so it is not kept if the bundle changed
 * while this ran (a rebuild). Skipped, and quietly, where the package's directory is
 * not the user's to write (a system-wide install).
 */
function keep(kind, script, bundle, made) {
  const fs = require("node:fs");
  try {
    fs.accessSync(require("node:path").dirname(bundle), fs.constants.W_OK);
  } catch {
    return;
  }
  if (stampOf(bundle) === made) writeCache(kind, script.createCachedData(), made);
}

/**
 * Writes a cache for the bundle `stamp` names, atomically (a temporary file renamed);
 * false when it cannot be written.
 */
function writeCache(kind, data, stamp) {
  const fs = require("node:fs");
  const file = cacheFile(kind);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    // Created here or not at all (O_EXCL): a file or a link someone put at this name is
    // never written through.
    fs.writeFileSync(temporary, Buffer.concat([Buffer.from(headOf(stamp), "latin1"), data]), {
      flag: "wx",
    });
    fs.renameSync(temporary, file);
    return true;
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing was written, or it cannot be removed either: only speed is lost.
    }
    return false;
  }
}

/**
 * The wrapper the build puts around tsup's CommonJS output: Node's own, on a line of
 * its own so that the bundle's source map needs only to start a line later.
 */
function wrap(source) {
  return `(function (exports, require, module, __filename, __dirname) {\n${source}\n});`;
}
