// Run after each build (tsup.config.ts): wraps tsup's dist/cli.cjs into dist/cli.js, the
// script bin/sysdiag.cjs compiles, compiles the shipped catalog into
// dist/catalog.store, then makes the V8 code caches that bin/sysdiag.cjs compiles the
// bundle with, one per kind of command line (KINDS in bin/sysdiag.cjs), each in a
// process of its own after running that kind's commands, so that it holds the
// functions they compile and nothing else (V8 reads a cache whole, so every extra
// function costs every run). The caches suit only this Node's V8, so they are not
// packed: an installed sysdiag makes its own as it first runs (bin/sysdiag.cjs).
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");
const {
  load,
  wrap,
  bundleFile,
  cacheFile,
  stampOf,
  writeCache,
  KINDS,
} = require("../bin/sysdiag.cjs");

const DIST = path.join(__dirname, "..", "dist");
const args = process.argv.slice(2);

if (args[0] === "--kind") {
  warm(args[1]).catch((error) => {
    process.stderr.write(`code cache ${args[1]}: ${error.stack}\n`);
    process.exitCode = 1;
  });
} else {
  // Another build's caches would be taken for this one's if the bundle kept its length.
  for (const kind of Object.keys(KINDS())) fs.rmSync(cacheFile(kind), { force: true });
  buildTime();
  for (const kind of Object.keys(KINDS())) {
    const child = spawnSync(process.execPath, [__filename, "--kind", kind], { stdio: "inherit" });
    if (child.status !== 0) process.exitCode = 1;
  }
}

/** The bundle bin compiles, checked, and the shipped catalog's store. */
function buildTime() {
  // tsup's output, wrapped here once so that bin compiles the file as it reads it (a
  // run of this script alone, with no new output, keeps the bundle it finds).
  const output = path.join(DIST, "cli.cjs");
  if (fs.existsSync(output)) {
    const source = fs
      .readFileSync(output, "latin1")
      .replace(
        /\/\/# sourceMappingURL=cli\.cjs\.map\s*$/,
        `//# sourceMappingURL=${path.basename(mapFile())}\n`,
      );
    fs.writeFileSync(bundleFile(), wrap(source), "latin1");
    fs.rmSync(output);
    moveMap(`${output}.map`);
  } else if (!fs.existsSync(bundleFile())) {
    process.stderr.write(
      "code cache: no dist/cli.cjs or dist/cli.js: run tsup (npm run build) first\n",
    );
    process.exit(1);
  }
  const bundle = fs.readFileSync(bundleFile());
  // bin/sysdiag.cjs reads the bundle as Latin-1, one byte a character, which V8
  // keeps as a one-byte string: that holds only while every byte is ASCII.
  const at = bundle.findIndex((byte) => byte > 0x7f);
  if (at >= 0) {
    const line = bundle.subarray(0, at).toString("latin1").split("\n").length;
    throw new Error(`dist/cli.js has a non-ASCII byte on line ${line}: escape it in the source`);
  }
  const data = path.join(__dirname, "..", "data");
  load().exports.writeBuiltInStore(
    path.join(data, "diagrams.json"),
    path.join(DIST, "catalog.store"),
    JSON.parse(fs.readFileSync(path.join(data, "diagrams.index.json"), "utf8")),
  );
}

/**
 * tsup's source map, made small and put beside the bundle it maps: read only when an
 * internal error is reported (src/cli/stack.ts), to name the source file and line of
 * each of the bundle's frames. A stack needs lines, not esbuild's mapping of every
 * token with its name: a generated line keeps one mapping for each run of it that
 * comes from one source line, which makes the packed map a quarter of the size
 * (docs/decisions/0007-source-map-for-bug-reports.md). The bundle's lines are tsup's
 * one line down (wrap puts the wrapper on a line of its own).
 */
function moveMap(from) {
  if (!fs.existsSync(from)) {
    fs.rmSync(mapFile(), { force: true });
    return;
  }
  const { decode, encode } = require("@jridgewell/sourcemap-codec");
  const map = JSON.parse(fs.readFileSync(from, "utf8"));
  const lines = decode(map.mappings).map((segments) =>
    segments
      .filter((segment, i) => {
        const before = segments[i - 1];
        return segment.length >= 4 && !(before?.[1] === segment[1] && before?.[2] === segment[2]);
      })
      .map(([column, source, line, sourceColumn]) => [column, source, line, sourceColumn]),
  );
  const small = { ...map, file: path.basename(bundleFile()), names: [] };
  small.mappings = encode([[], ...lines]);
  fs.writeFileSync(mapFile(), JSON.stringify(small));
  fs.rmSync(from);
}

function mapFile() {
  return `${bundleFile()}.map`;
}

/** Runs one kind's command lines in this process, then writes its cache (atomically). */
async function warm(kind) {
  const lines = KINDS()[kind];
  if (!lines) throw new Error(`no kind ${kind}`);
  // Only the cache's own build (and never this user's diagrams) runs here.
  const home = fs.mkdtempSync(path.join(tmpdir(), "sysdiag-code-cache-"));
  try {
    const stamp = stampOf(bundleFile());
    // As bin/sysdiag.cjs loads it for this kind (with the kind's V8 flags), but uncached.
    const { exports, script } = load(kind, false);
    const sink = { write: () => true, isTTY: false };
    for (const argv of lines) {
      await exports.main(argv, {
        stdout: sink,
        stderr: sink,
        env: {
          HOME: home,
          XDG_DATA_HOME: path.join(home, "d"),
          XDG_CACHE_HOME: path.join(home, "c"),
        },
        cwd: home,
      });
    }
    if (!stamp || !writeCache(kind, script.createCachedData(), stamp)) {
      throw new Error(`cannot write ${cacheFile(kind)}`);
    }
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
