import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Annotations } from "../../src/core/types.js";
import { buildCatalog, serializeCatalog } from "../../src/extract/build.js";
import {
  ANNOTATIONS_PATH,
  CATALOG_PATH,
  REPAIRS_DIR,
  SOURCE_PATH,
  WRITTEN_DIR,
} from "../../src/extract/paths.js";
import { readRepairs } from "../../src/extract/repairs.js";
import { readWritten } from "../../src/extract/written.js";
import { ROOT } from "../helpers.js";

const source = readFileSync(`${ROOT}${SOURCE_PATH}`, "utf8");
const annotations = JSON.parse(readFileSync(`${ROOT}${ANNOTATIONS_PATH}`, "utf8")) as Annotations;
const repairs = readRepairs(`${ROOT}${REPAIRS_DIR}`);
const written = readWritten(ROOT, WRITTEN_DIR);
const shipped = buildCatalog(source, annotations, SOURCE_PATH, repairs, written);
/** The source document's diagrams alone. */
const catalog = {
  ...shipped,
  diagrams: shipped.diagrams.filter((d) => d.file === undefined),
  categories: shipped.categories.filter((c) =>
    shipped.diagrams.some((d) => d.file === undefined && d.categoryId === c.id),
  ),
};

describe("the shipped catalog", () => {
  it("is current: data/diagrams.json is what 'npm run extract' writes", () => {
    const committed = readFileSync(`${ROOT}${CATALOG_PATH}`, "utf8");
    expect(committed === serializeCatalog(shipped), "stale: run 'npm run extract'").toBe(true);
  });

  it("is built from a byte-for-byte copy of the user's document", () => {
    const original = `${ROOT}../shared/source/system-design-diagrams.md`;
    // The shared folder sits beside every checkout here and in CI; elsewhere only the copy exists.
    if (!existsSync(original)) return;
    expect(readFileSync(`${ROOT}${SOURCE_PATH}`).equals(readFileSync(original))).toBe(true);
  });

  it("holds the source document's 51 diagrams under 15 categories, the tips apart", () => {
    expect(catalog.diagrams).toHaveLength(51);
    expect(catalog.categories).toHaveLength(15);
    expect(catalog.categories.map((c) => c.name)).toContain("Quick Reference: Common Patterns");
    expect(catalog.tips.title).toBe("Diagram Drawing Tips");
    expect(catalog.tips.markdown).toMatch(/^### 1\. Use Standard Symbols/);
    expect(catalog.tips.markdown).toMatch(/- Group related components$/);
  });

  it("gives short ids a person would type", () => {
    const ids = catalog.diagrams.map((d) => d.id);
    for (const id of [
      "cache-aside",
      "write-through",
      "master-slave-replication",
      "two-phase-commit",
      "cqrs",
      "twitter",
    ]) {
      expect(ids).toContain(id);
    }
    expect(Math.max(...ids.map((id) => id.length))).toBeLessThanOrEqual(25);
  });

  it("takes title and category from the document", () => {
    const entry = catalog.diagrams.find((d) => d.id === "two-phase-commit");
    expect(entry).toMatchObject({
      title: "Two-Phase Commit (2PC)",
      category: "Distributed Systems",
      categoryId: "distributed",
      line: 653,
    });
    expect(entry?.diagram.split("\n")[0]).toBe("┌─────────────┐");
  });
});

describe("buildCatalog", () => {
  const clone = (): Annotations => structuredClone(annotations);

  it("fails when an annotation names a diagram that is not in the document", () => {
    const stale = clone();
    stale.diagrams["Gone Pattern"] = { id: "gone" };
    expect(() => buildCatalog(source, stale, SOURCE_PATH, {}, written)).toThrow(
      /annotated diagram 'Gone Pattern' is not in the document/,
    );
  });

  it("fails when a diagram has no annotation", () => {
    const missing = clone();
    delete missing.diagrams["CQRS Pattern"];
    expect(() => buildCatalog(source, missing, SOURCE_PATH, {}, written)).toThrow(
      /diagram 'CQRS Pattern' \(line 743\) has no id/,
    );
  });

  it("fails when two entries share an id or an alias", () => {
    const twice = clone();
    (twice.diagrams["CQRS Pattern"] as { id: string }).id = "saga";
    expect(() => buildCatalog(source, twice, SOURCE_PATH, {}, written)).toThrow(
      /id 'saga' is used twice/,
    );

    const shared = clone();
    shared.diagrams["CQRS Pattern"]?.aliases?.push("2PC");
    expect(() => buildCatalog(source, shared, SOURCE_PATH, {}, written)).toThrow(
      /alias '2PC' of 'cqrs' is already a name of 'two-phase-commit'/,
    );
  });

  it("fails on a section with no category id", () => {
    const bare = clone();
    delete bare.categories["Network Architectures"];
    expect(() => buildCatalog(source, bare, SOURCE_PATH, {}, written)).toThrow(
      /'Network Architectures' has no category id/,
    );
  });
});
