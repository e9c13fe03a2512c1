import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/document/markdown.js";

const doc = [
  "# Title",
  "## Contents",
  "1. [A](#a)",
  "## Caching",
  "### 1. Cache-Aside Pattern",
  "```",
  "┌─┐",
  "  └─┘  ",
  "```",
  "### Fan-Out Patterns",
  "```text",
  "a ──► b",
  "```",
  "---",
  "## Tips",
  "### 1. Label Everything",
  "- names",
  "",
  "---",
  "**Epilogue**",
].join("\n");

describe("parseDocument", () => {
  const sections = parseDocument(doc);

  it("finds every ## section, with the line of its heading", () => {
    expect(sections.map((s) => [s.name, s.line])).toEqual([
      ["Contents", 2],
      ["Caching", 4],
      ["Tips", 15],
    ]);
  });

  it("titles each block by the ### above it, with or without a number", () => {
    expect(sections[1]?.diagrams).toEqual([
      { title: "Cache-Aside Pattern", line: 5, diagram: "┌─┐\n  └─┘  " },
      { title: "Fan-Out Patterns", line: 10, diagram: "a ──► b" },
    ]);
  });

  it("keeps a prose section up to its --- rule", () => {
    expect(sections[2]?.diagrams).toEqual([]);
    expect(sections[2]?.prose).toBe("### 1. Label Everything\n- names");
  });

  it.each([
    ["an unclosed fence", "## S\n### T\n```\nx", /line 3: fenced block is never closed/],
    ["a block with no title", "## S\n```\nx\n```", /line 2: .* has no '###' title/],
    [
      "two blocks under one title",
      "## S\n### T\n```\nx\n```\n```\ny\n```",
      /line 6: second fenced block/,
    ],
    ["a block before any section", "```\nx\n```", /line 1: fenced block before any/],
  ])("rejects %s", (_name, text, message) => {
    expect(() => parseDocument(text)).toThrow(message);
  });
});
