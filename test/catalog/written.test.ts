import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/core/width.js";
import { extractGraph } from "../../src/diagram/graph.js";
import { lintDiagram } from "../../src/diagram/lint.js";
import { readDocument } from "../../src/document/document.js";
import { scanMarkdown } from "../../src/document/fences.js";
import { WRITTEN_DIR } from "../../src/extract/paths.js";
import { readWritten } from "../../src/extract/written.js";
import { rank } from "../../src/search/rank.js";
import { type GraphJudgment, score } from "../diagram/graph-quality.js";
import { catalog, ROOT } from "../helpers.js";
import { judgments } from "../search/quality.js";

/**
 * The diagrams written for the catalog in data/catalog/, each in a Markdown file a
 * user could have written, with its graph read by hand in a `json` block after the
 * drawing (nodes and edges as test/diagram/graph-judgments.json has them).
 */
const files = readWritten(ROOT, WRITTEN_DIR);
const byId = new Map(catalog.diagrams.map((d) => [d.id, d]));

function handGraph(text: string): Omit<GraphJudgment, "id"> | undefined {
  const block = scanMarkdown(text).find((t) => t.kind === "fence" && t.info.trim() === "json");
  return block?.kind === "fence" ? JSON.parse(block.body) : undefined;
}

describe("the diagrams written in data/catalog", () => {
  it("are there: at least 3, each in the built catalog", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const { path } of files) {
      expect(
        catalog.diagrams.some((d) => d.file === path),
        path,
      ).toBe(true);
    }
  });
});

describe.each(files.map((f) => [f.path, f] as const))("%s", (path, { text }) => {
  const { diagrams, problems } = readDocument(text);
  const diagram = diagrams[0];

  it("reads as one diagram with no problem", () => {
    expect(problems).toEqual([]);
    expect(diagrams).toHaveLength(1);
  });

  it("is lint-clean and at most 80 columns wide", () => {
    expect(lintDiagram(diagram?.diagram ?? "")).toEqual([]);
    const widths = (diagram?.diagram ?? "").split("\n").map(displayWidth);
    expect(Math.max(...widths)).toBeLessThanOrEqual(80);
  });

  it("reads as exactly the graph written by hand beside it", () => {
    const hand = handGraph(text);
    expect(hand, `${path}: no json block with the graph`).toBeDefined();
    const scored = score(
      { id: diagram?.id ?? "", ...(hand as Omit<GraphJudgment, "id">) },
      extractGraph(diagram?.diagram ?? ""),
    );
    expect({
      extra: scored.extra,
      missed: scored.missed,
      labels: scored.labelDiffs,
      nodes: scored.nodeDiffs,
    }).toEqual({ extra: [], missed: [], labels: [], nodes: [] });
    expect(scored.matched).toBeGreaterThan(0);
  });

  it("has 4 to 12 notes and cites its references", () => {
    expect(diagram?.notes.length).toBeGreaterThanOrEqual(4);
    expect(diagram?.notes.length).toBeLessThanOrEqual(12);
    for (const note of diagram?.notes ?? []) expect(note).toMatch(/^\S.{10,300}$/);
    expect(diagram?.references.length).toBeGreaterThanOrEqual(1);
  });

  it("is in the built catalog as written", () => {
    const entry = byId.get(diagram?.id ?? "");
    expect(entry).toMatchObject({
      file: path,
      diagram: diagram?.diagram,
      notes: diagram?.notes,
      references: diagram?.references,
    });
  });

  it("is found first by its common names (test/search/judgments.json)", async () => {
    const mine = judgments.judgments.filter(
      (j) => j.relevant.length === 1 && j.relevant[0] === diagram?.id,
    );
    expect(mine.length, `${diagram?.id}: no query in the relevance set`).toBeGreaterThan(0);
    for (const j of mine) {
      const first = (await rank(catalog, j.query))[0]?.entry.id;
      expect(first, j.query).toBe(diagram?.id);
    }
  });
});
