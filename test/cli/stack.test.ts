import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sourceStack } from "../../src/cli/stack.js";

// A package with a bundle's source map: on the bundle's first line, columns 1 to 9
// map to line 1 of src/a.ts, and from column 10 on to its line 3.
const root = mkdtempSync(join(tmpdir(), "sysdiag-stack-"));
mkdirSync(join(root, "dist"));
const bundle = join(root, "dist", "cli.js");
writeFileSync(
  `${bundle}.map`,
  JSON.stringify({
    version: 3,
    file: "cli.js",
    sources: ["../src/a.ts"],
    names: [],
    mappings: "AAAA,SAEE",
  }),
);

describe("sourceStack: the bundle's places as the source's", () => {
  it.each([
    [
      "frames in the bundle",
      [`    at t (${bundle}:1:10)`, `    at Object.<anonymous> (${bundle}:1:1)`],
      ["    at t (src/a.ts:3)", "    at Object.<anonymous> (src/a.ts:1)"],
    ],
    ["async and new kept", [`    at async t (${bundle}:1:10)`], ["    at async t (src/a.ts:3)"]],
    ["an anonymous frame", [`    at ${bundle}:1:10`], ["    at src/a.ts:3"]],
    [
      "other files as they are",
      ["    at Object.get (/tmp/x.cjs:5:42)", "    at Module._compile (node:internal/x:1:2)"],
      ["    at Object.get (/tmp/x.cjs:5:42)", "    at Module._compile (node:internal/x:1:2)"],
    ],
  ])("%s", (_, frames, want) => {
    expect(sourceStack(["TypeError: boom", ...frames].join("\n"), bundle)).toBe(
      ["TypeError: boom", ...want].join("\n"),
    );
  });

  it("gives the stack as it is where there is no map", () => {
    const stack = `Error\n    at t (${join(root, "elsewhere.js")}:1:10)`;
    expect(sourceStack(stack, join(root, "elsewhere.js"))).toBe(stack);
  });
});
