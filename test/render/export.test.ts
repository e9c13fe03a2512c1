import { describe, expect, it } from "vitest";
import { findBoxes } from "../../src/diagram/boxes.js";
import { HEADS } from "../../src/diagram/charset.js";
import { Grid } from "../../src/diagram/grid.js";
import { toAscii } from "../../src/render/ascii.js";
import { renderMarkdown } from "../../src/render/entry.js";
import { renderSvg } from "../../src/render/svg.js";
import { catalog } from "../helpers.js";

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe("toAscii", () => {
  it.each([
    ["┌─┬─┐", "+-+-+"],
    ["│ ├─┤ │", "| +-+ |"],
    ["└─┴─┘", "+-+-+"],
    ["▼ ▲ ► ◄", "v ^ > <"],
    ["a → b", "a > b"],
    ["Label (x)", "Label (x)"],
  ])("%j -> %j", (unicode, ascii) => {
    expect(toAscii(unicode)).toBe(ascii);
  });

  it.each(catalog.diagrams.map((d) => [d.id, d.diagram]))(
    "keeps %s's geometry, in ASCII only",
    (_id, diagram) => {
      const ascii = toAscii(diagram);
      expect(ascii).toMatch(/^[\x20-\x7e\n]*$/);
      expect(ascii.split("\n").map((l) => l.length)).toEqual(
        diagram.split("\n").map((l) => [...l].length),
      );
    },
  );
});

describe("renderSvg", () => {
  it.each(catalog.diagrams.map((d) => [d.id, d] as const))(
    "%s: a rect per box, a head per arrow, text per label",
    (_id, entry) => {
      const svg = renderSvg(entry.diagram, entry.title);
      const grid = new Grid(entry.diagram);
      const heads = [...entry.diagram].filter((c) => HEADS.has(c)).length;
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
      expect(count(svg, /<rect class="box"/g)).toBe(findBoxes(grid).length);
      expect(count(svg, /<polygon class="arrow"/g)).toBe(heads);
      expect(count(svg, /<text /g)).toBeGreaterThan(0);
      const escaped = entry.title
        .replace(/&/g, "&amp;")
        .replace(/'/g, "&apos;")
        .replace(/"/g, "&quot;");
      expect(svg.match(/<title id="[^"]+">([^<]*)<\/title>/)?.[1]).toBe(escaped);
    },
  );

  it("escapes text and keeps every label word", () => {
    const svg = renderSvg("┌──────┐\n│ a<b&c │\n└──────┘", "T&T");
    expect(svg).toContain(">a&lt;b&amp;c</text>");
    expect(svg).toMatch(/<title id="[^"]+">T&amp;T<\/title>/);
  });

  it("draws no box for an open shape", () => {
    expect(count(renderSvg("┌──\n│ x", "t"), /<rect class="box"/g)).toBe(0);
  });
});

describe("renderMarkdown", () => {
  it("is a heading, the summary, the diagram fenced, the notes and references", () => {
    const cqrs = catalog.diagrams.find((d) => d.id === "cqrs");
    if (!cqrs) throw new Error("no cqrs");
    // Issue 24: the notes and references follow, each a list item on one line; a
    // reference's web address is a link (<https://…>), any other text inert.
    const points = (items: readonly string[] = [], links = false) =>
      items
        .map((i) => i.replace(/\s+/g, " "))
        .map((i) => `- ${links ? i.replace(/https?:\/\/\S*[\w/#=&%-]/g, "<$&>") : i}`)
        .join("\n");
    expect(cqrs.notes?.length).toBeGreaterThan(0);
    expect(cqrs.references?.length).toBeGreaterThan(0);
    expect(renderMarkdown(cqrs)).toBe(
      `## CQRS Pattern\n\n${cqrs.summary}\n\n\`\`\`text\n${cqrs.diagram}\n\`\`\`\n\n` +
        `**Notes**\n\n${points(cqrs.notes)}\n\n**References**\n\n${points(cqrs.references, true)}\n`,
    );
  });
});
