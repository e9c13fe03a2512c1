import { describe, expect, it } from "vitest";
import { findBlocks, isDrawing } from "../../src/diagram/blocks.js";

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
  it("knows a drawing", () => {
    expect(isDrawing("a ► b")).toBe(true);
    expect(isDrawing("a -> b")).toBe(false);
  });
});
