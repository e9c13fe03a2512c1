import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/catalog/store-reader.js";
import { encodeStore } from "../../src/catalog/store-writer.js";
import { checkCatalog } from "../../src/catalog/validate.js";
import { buildIndex } from "../../src/search/inverted-index.js";
import { catalog } from "../helpers.js";

describe("checkCatalog", () => {
  it.each([
    ["a lone high surrogate", "Lone \ud800 Title", "Lone \ufffd Title"],
    ["a lone low surrogate", "\udc00x", "\ufffdx"],
    ["two lone ones in a row", "\udc00\ud800", "\ufffd\ufffd"],
    ["a pair, kept", "emoji \ud83d\ude00", "emoji \ud83d\ude00"],
    ["a pair after a lone one", "\ud800\ud83d\ude00", "\ufffd\ud83d\ude00"],
  ])("makes text UTF-8 can hold: %s", (_, text, expected) => {
    const entry = { ...catalog.diagrams[0], title: text, diagram: `┌─┐\n│${text}│\n└─┘` };
    const { catalog: checked, problems } = checkCatalog({ ...catalog, diagrams: [entry] });
    expect(problems).toEqual([]);
    expect(checked.diagrams[0]?.title).toBe(expected);
    expect(checked.diagrams[0]?.diagram).toBe(`┌─┐\n│${expected}│\n└─┘`);
  });

  it("gives text that reads back the same from a store (which holds UTF-8)", () => {
    const entry = { ...catalog.diagrams[0], title: "A \ud800 B", diagram: "┌┐\n│\udc00\n└┘" };
    const { catalog: checked } = checkCatalog({ ...catalog, diagrams: [entry] });
    const path = join(mkdtempSync(join(tmpdir(), "sysdiag-validate-")), "s.store");
    const contents = { catalog: checked, reports: [], index: () => buildIndex(checked) };
    writeFileSync(path, encodeStore(contents, { key: "k", builtAt: 0, hashes: {} }));
    const store = openStore(path, "k", () => {
      throw new Error("the store was taken for damaged");
    });
    expect(store.listing().entries[0]?.title).toBe(checked.diagrams[0]?.title);
    expect(store.catalog.diagrams[0]?.diagram).toBe(checked.diagrams[0]?.diagram);
  });
});
