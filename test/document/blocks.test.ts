import { describe, expect, it } from "vitest";
import { findBlocks, isDrawing } from "../../src/document/blocks.js";

describe("findBlocks", () => {
  it("takes the drawn fenced blocks of Markdown, with their first line", () => {
    const md = ["# Doc", "```js", "const x = 1;", "```", "", "```", "┌─┐", "└─┘", "```"].join("\n");
    expect(findBlocks(md)).toEqual([{ line: 7, text: "┌─┐\n└─┘" }]);
  });
  it("takes plain text whole when it is drawn", () => {
    expect(findBlocks("┌─┐\n└─┘\n")).toEqual([{ line: 1, text: "┌─┐\n└─┘" }]);
  });
  it.each(["", "just prose\n", "```\nprose in a fence\n```"])("finds none in %j", (text) => {
    expect(findBlocks(text)).toEqual([]);
  });
  it.each([
    ["a flow of arrows", "```\nClient\n  ↓\nResolver\n```", [2]],
    ["a chart in a fence of code, not drawn", "```mermaid\nA --> B\n```", []],
    ["code with an arrow operator", "```js\nconst f = (a) => a --> 0;\n```", []],
    ["box drawing in a fence of code", "```js\n// ┌┐\n```", [2]],
    ["a table", "```text\n| a | b |\n|---|---|\n```", []],
    ["commands", "```\nnpm install\n```", []],
  ])("in Markdown: %s", (_name, md, lines) => {
    expect(findBlocks(md).map((b) => b.line)).toEqual(lines);
  });
  it("knows a drawing", () => {
    expect(isDrawing("a ► b")).toBe(true);
    expect(isDrawing("a -> b")).toBe(false);
  });
});

describe("findBlocks in Markdown", () => {
  it("takes indented code blocks too, after a blank line, with their file line", () => {
    const md = [
      "# Doc", //  1
      "", //       2
      "    ┌─┐", // 3
      "", //       4
      "    └─┘", // 5
      "", //       6
      "Text", //   7
      "    not code: a paragraph goes on ┌", // 8
      "", //       9
      "\t+--+", // 10
      "\t|  |", // 11
      "\t+--+", // 12
    ].join("\n");
    expect(findBlocks(md)).toEqual([
      { line: 3, text: "    ┌─┐\n\n    └─┘" },
      { line: 10, text: "\t+--+\n\t|  |\n\t+--+" },
    ]);
  });
  it("takes fenced and indented blocks in file order", () => {
    const md = ["```", "┌┐", "```", "", "    a ► b", "", "```text", "└┘", "```"].join("\n");
    expect(findBlocks(md).map((b) => b.line)).toEqual([2, 5, 8]);
  });
  it("takes a drawing under a heading, in no block, whole", () => {
    expect(findBlocks("# T\n┌┐\n└┘\n")).toEqual([{ line: 1, text: "# T\n┌┐\n└┘" }]);
  });
  it("knows an ASCII drawing, and prose with hyphens for none", () => {
    expect(isDrawing("+--+\n|  |\n+--+")).toBe(true);
    expect(isDrawing("Write --> Master")).toBe(true);
    expect(isDrawing("a well-known - and + dash")).toBe(false);
  });
});
