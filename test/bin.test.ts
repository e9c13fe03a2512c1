import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { BIN, ROOT } from "./helpers.js";

interface Loader {
  kindOf(argv: string[]): string;
  KINDS(): Record<string, string[][]>;
  load(kind?: string, keeping?: boolean): { script: Script };
  keep(kind: string, script: Script, bundle: string, made: string | undefined): void;
  stampOf(file: string): string | undefined;
  writeCache(kind: string, data: Buffer, stamp: string): boolean;
}
const loader = createRequire(import.meta.url)(BIN) as Loader;

describe("bin/sysdiag.cjs: the code cache for a command line", () => {
  it.each([
    [[], "help"],
    [["--help"], "help"],
    [["show", "-h"], "help"],
    [["help", "show"], "help"],
    [["show", "cache-aside"], "show"],
    [["cache-aside"], "show"],
    [["--no-color", "show", "cqrs", "saga"], "show"],
    [["--catalog", "list", "show", "x"], "show"],
    [["list", "databases"], "list"],
    [["--ascii", "categories"], "categories"],
    [["search", "kafka", "gateway"], "search"],
    [["lint", "docs/design.md"], "lint"],
    [["show", "cqrs", "--format", "svg"], "svg"],
    [["show", "cqrs", "-f", "svg"], "svg"],
    [["render", "doc.md", "--format=svg"], "svg"],
    [["show", "svg"], "show"],
    [["random"], "show"],
    [["render", "-", "--format", "dot"], "show"],
  ])("%j -> %s", (argv, kind) => {
    expect(loader.kindOf(argv)).toBe(kind);
  });

  it("has a cache of each kind that this Node accepts (made by the build)", () => {
    // Each in a process of its own, as a command runs: a kind's V8 flags are the process's.
    for (const kind of Object.keys(loader.KINDS())) {
      const rejected = execFileSync(
        process.execPath,
        [
          "-e",
          `console.log(require(${JSON.stringify(BIN)}).load("${kind}", false).script.cachedDataRejected)`,
        ],
        { encoding: "utf8" },
      );
      expect(rejected.trim(), kind).toBe("false");
    }
  });

  it("keeps a cache made at run time only for the bundle it was made from", () => {
    // A copy of the package's entry and bundle, with no cache yet.
    const root = mkdtempSync(join(tmpdir(), "sysdiag-keep-"));
    mkdirSync(join(root, "bin"));
    mkdirSync(join(root, "dist"));
    copyFileSync(BIN, join(root, "bin", "sysdiag.cjs"));
    copyFileSync(join(ROOT, "package.json"), join(root, "package.json"));
    const bundle = join(root, "dist", "cli.js");
    copyFileSync(join(ROOT, "dist", "cli.js"), bundle);
    const copy = createRequire(import.meta.url)(join(root, "bin", "sysdiag.cjs")) as Loader;
    const made = copy.stampOf(bundle);
    const { script } = copy.load(undefined, false);
    const cache = join(root, "dist", "cli.show.cache");
    // The bundle was rebuilt while the command ran: its cache would be the old code's.
    copy.keep("show", script, bundle, `${made} and since changed`);
    expect(existsSync(cache)).toBe(false);
    copy.keep("show", script, bundle, made);
    expect(existsSync(cache)).toBe(true);
    expect(readdirSync(join(root, "dist")).sort()).toEqual(["cli.js", "cli.show.cache"]);
    expect(copy.load("show", false).script.cachedDataRejected).toBe(false);
    // Another build of the bundle (of the same length: V8 would take the cache): not used.
    utimesSync(bundle, new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(copy.load("show", false).script.cachedDataRejected).toBeUndefined();
  });
});

/** A copy of the package's entry and package.json, with what `dist` is given. */
function packageCopy(bundle: boolean) {
  const root = mkdtempSync(join(tmpdir(), "sysdiag-bin-"));
  mkdirSync(join(root, "bin"));
  mkdirSync(join(root, "dist"));
  copyFileSync(BIN, join(root, "bin", "sysdiag.cjs"));
  copyFileSync(join(ROOT, "package.json"), join(root, "package.json"));
  if (bundle) copyFileSync(join(ROOT, "dist", "cli.js"), join(root, "dist", "cli.js"));
  return root;
}

describe("bin/sysdiag.cjs: the code cache's temporary file", () => {
  it("is created, never opened: a link planted at its name is not written through", () => {
    const root = packageCopy(true);
    const copy = createRequire(import.meta.url)(join(root, "bin", "sysdiag.cjs")) as Loader;
    const victim = join(root, "victim");
    writeFileSync(victim, "precious");
    const planted = join(root, "dist", `cli.show.cache.${process.pid}.tmp`);
    symlinkSync(victim, planted);
    const stamp = copy.stampOf(join(root, "dist", "cli.js")) as string;
    expect(copy.writeCache("show", Buffer.from("code"), stamp)).toBe(false);
    expect(readFileSync(victim, "utf8")).toBe("precious");
    expect(existsSync(planted)).toBe(false);
    // The name is free again: the next write makes the cache.
    expect(copy.writeCache("show", Buffer.from("code"), stamp)).toBe(true);
    expect(readdirSync(join(root, "dist")).sort()).toEqual(["cli.js", "cli.show.cache"]);
  });
});

describe("bin/sysdiag.cjs before a build", () => {
  const root = packageCopy(false);
  const bin = join(root, "bin", "sysdiag.cjs");

  it("says in one line to build, exit 3", () => {
    const result = spawnSync(process.execPath, [bin, "show", "cache-aside"], { encoding: "utf8" });
    expect(result.status).toBe(3);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `sysdiag: ${join(root, "dist", "cli.js")} is missing: run \`npm install\` (or \`npm run build\`) in ${root}\n`,
    );
  });

  it("still prints its version", () => {
    const result = spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8" });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: "" });
  });
});
