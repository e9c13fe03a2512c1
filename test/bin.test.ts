import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { BIN } from "./helpers.js";

const loader = createRequire(import.meta.url)(BIN) as {
  kindOf(argv: string[]): string;
  KINDS(): Record<string, string[][]>;
  load(kind?: string): { script: { cachedDataRejected?: boolean } };
};

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
    for (const kind of Object.keys(loader.KINDS())) {
      expect(loader.load(kind).script.cachedDataRejected, kind).toBe(false);
    }
  });
});
