import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INDEX_PATH } from "../../src/extract/paths.js";
import {
  buildIndex,
  indexMatches,
  indexPathFor,
  lowerBound,
  readIndex,
  serializeIndex,
} from "../../src/search/inverted-index.js";
import { catalog, ROOT } from "../helpers.js";

describe("the search index", () => {
  const built = buildIndex(catalog);

  it("is committed and current: data/diagrams.index.json is what 'npm run extract' writes", () => {
    const committed = readFileSync(join(ROOT, INDEX_PATH), "utf8");
    expect(committed === serializeIndex(built), "stale: run 'npm run extract'").toBe(true);
  });

  it("survives JSON unchanged", () => {
    expect(JSON.parse(serializeIndex(built))).toEqual(built);
  });

  it("keeps each word's strongest field, a little more for each other field", () => {
    const at = built.words.indexOf("cqrs");
    const postings = built.postings[at] as number[];
    const doc = catalog.diagrams.findIndex((d) => d.id === "cqrs");
    const triple = postings.slice(postings.indexOf(doc), postings.indexOf(doc) + 3);
    // "cqrs" stands in the name (field 0, weight 10), and maybe echoes in weaker fields.
    expect(triple[0]).toBe(doc);
    expect(triple[1]).toBe(0);
    expect(triple[2]).toBeGreaterThanOrEqual(10);
  });

  it("sorts its words, for prefix search", () => {
    expect([...built.words].sort()).toEqual(built.words);
    expect(built.words[lowerBound(built.words, "repl")]?.startsWith("repl")).toBe(true);
  });

  it("knows which catalog it belongs to", () => {
    expect(indexMatches(built, catalog)).toBe(true);
    const other = { ...catalog, diagrams: catalog.diagrams.slice(1) };
    expect(indexMatches(built, other)).toBe(false);
  });

  it("is rebuilt when the file is missing, broken or from another catalog", () => {
    const dir = mkdtempSync(join(tmpdir(), "sysdiag-index-"));
    expect(readIndex(join(dir, "none.index.json"), catalog)).toEqual(built);
    writeFileSync(join(dir, "broken.index.json"), "{");
    expect(readIndex(join(dir, "broken.index.json"), catalog)).toEqual(built);
    const other = { ...catalog, diagrams: catalog.diagrams.slice(0, 3) };
    writeFileSync(join(dir, "other.index.json"), serializeIndex(buildIndex(other)));
    expect(readIndex(join(dir, "other.index.json"), catalog)).toEqual(built);
  });

  it("lives beside its catalog", () => {
    expect(indexPathFor("/x/data/diagrams.json")).toBe("/x/data/diagrams.index.json");
    expect(indexPathFor("/x/my-catalog")).toBe("/x/my-catalog.index.json");
  });
});
