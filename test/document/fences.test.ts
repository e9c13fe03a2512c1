import { describe, expect, it } from "vitest";
import { scanMarkdown, trimNewlines } from "../../src/document/fences.js";

describe("scanMarkdown", () => {
  it("reads headings, fences and text with their lines", () => {
    expect(scanMarkdown("## A\ntext\n```text\n┌┐\n```\n### B")).toEqual([
      { kind: "heading", level: 2, text: "A", raw: "## A", line: 1 },
      { kind: "text", text: "text", line: 2 },
      { kind: "fence", info: "text", body: "┌┐", line: 3, closed: true },
      { kind: "heading", level: 3, text: "B", raw: "### B", line: 6 },
    ]);
  });

  it.each([
    ["a comment over lines", "<!--\n## Old\n```\n┌┐\n```\n-->\n## New", 6],
    ["a comment on one line", "<!-- ## not a heading --> \n## New", 1],
    ["an unclosed comment runs to the end", "<!--\n## Old\n```\n┌┐", 4],
    ["the metadata comment", "<!-- sysdiag\nid: a\n-->\n## New", 3],
  ])("reads %s as text, headings and drawings in it too (CommonMark)", (_name, text, lines) => {
    const tokens = scanMarkdown(text);
    expect(tokens.slice(0, lines).every((t) => t.kind === "text")).toBe(true);
    expect(tokens.slice(lines).map((t) => t.kind)).toEqual(
      tokens.length > lines ? ["heading"] : [],
    );
  });

  it.each([
    ["a shorter fence does not close a longer one", "````\n```\n````", "```"],
    ["a tilde fence is not closed by backticks", "~~~\n```\n~~~", "```"],
    ["a fence indented up to three spaces", "   ```\nx\n   ```", "x"],
  ])("%s", (_name, text, body) => {
    const [fence] = scanMarkdown(text);
    expect(fence).toMatchObject({ kind: "fence", body, closed: true });
  });

  it("an unclosed fence runs to the end, and says so", () => {
    expect(scanMarkdown("```\na\nb")).toEqual([
      { kind: "fence", info: "", body: "a\nb", line: 1, closed: false },
    ]);
  });

  it("a heading with a stray carriage return is still a heading", () => {
    expect(scanMarkdown("### Trap \r x")[0]).toMatchObject({ kind: "heading", text: "Trap \r x" });
  });

  it.each([
    ["# Title", "Title"],
    ["#   Title  ", "Title"],
    ["## Title ##", "Title"],
    ["## Title\t#### \t", "Title"],
    ["# C# #", "C#"],
    ["# a # b", "a # b"],
    ["# ###", ""],
    ["# ", ""],
    [`# a${" ".repeat(50_000)}x`, `a${" ".repeat(50_000)}x`],
  ])("heading %j reads as %j", (line, text) => {
    expect(scanMarkdown(line)[0]).toMatchObject({ kind: "heading", text });
  });

  it.each(["#", "#Title", "####### seven", "    # indented code"])("%j is no heading", (line) => {
    expect(scanMarkdown(line)[0]).toMatchObject({ kind: "text" });
  });
});

describe("trimNewlines", () => {
  it.each([
    ["", ""],
    ["\n\n", ""],
    ["a", "a"],
    ["a\n", "a"],
    ["a\n\n\n", "a"],
    ["a\n\nb\n", "a\n\nb"],
    ["a\r\n", "a\r"],
    ["\na", "\na"],
  ])("%j is %j", (text, trimmed) => {
    expect(trimNewlines(text)).toBe(trimmed);
  });
});
