import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync } from "node:fs";
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
