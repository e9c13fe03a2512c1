import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBuiltInJson } from "../../src/catalog/built-in-json.js";
import { validateCatalog } from "../../src/catalog/validate.js";
import { normalizeName } from "../../src/core/names.js";
import { CATALOG_FILE, catalog } from "../helpers.js";

describe("normalizeName", () => {
  it.each([
    ["Two-Phase Commit (2PC)", "two-phase-commit-2pc"],
    ["  cache_aside ", "cache-aside"],
    ["Twitter/X", "twitter-x"],
    ["Café", "cafe"],
    ["---", ""],
    ["", ""],
    ["-", ""],
    ["a", "a"],
    ["!a!", "a"],
    ["(a)(b)", "a-b"],
    ["--a--", "a"],
  ])("%j -> %j", (name, normal) => {
    expect(normalizeName(name)).toBe(normal);
  });
});

describe("readBuiltInJson", () => {
  const dir = mkdtempSync(join(tmpdir(), "sysdiag-"));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it("loads the shipped catalog", () => {
    expect(readBuiltInJson(CATALOG_FILE).diagrams).toHaveLength(51);
  });

  it.each([
    [
      "a missing file",
      join(dir, "none.json"),
      /cannot read the catalog .*none\.json: no such file or directory \(ENOENT\)/,
    ],
    ["broken JSON", file("broken.json", "{"), /is not valid JSON/],
    ["another shape", file("other.json", '{"version":2}'), /not a version 1 sysdiag catalog/],
  ])("refuses %s in one line", (_name, path, message) => {
    expect(() => readBuiltInJson(path)).toThrow(message);
  });
});

describe("validateCatalog", () => {
  it("accepts the shipped catalog", () => {
    expect(() => validateCatalog(catalog)).not.toThrow();
  });

  it("names every problem at once", () => {
    const bad = structuredClone(catalog);
    const [first, second] = bad.diagrams;
    if (!first || !second) throw new Error("catalog too small");
    first.id = "Not Kebab";
    second.categoryId = "nowhere";
    second.aliases.push(bad.diagrams[2]?.title ?? "");
    expect(() => validateCatalog(bad)).toThrow(
      /id 'Not Kebab' is not kebab-case.*unknown category 'nowhere'.*alias 'Layered Architecture' of 'microservices' is already a name of 'layered'/,
    );
  });
});
