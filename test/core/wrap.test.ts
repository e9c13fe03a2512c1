import { describe, expect, it } from "vitest";
import { wordsOf, wrapWords } from "../../src/core/wrap.js";

describe("wrapWords", () => {
  it.each([
    ["fits", "one two", 20, ["one two"]],
    ["breaks at words", "one two three", 8, ["one two", "three"]],
    [
      "a word longer than a line stands alone",
      "a supercalifragilistic b",
      6,
      ["a", "supercalifragilistic", "b"],
    ],
    ["wide characters count two", "漢字 漢字 漢字", 9, ["漢字 漢字", "漢字"]],
    ["no width: one line", "one two three", undefined, ["one two three"]],
  ])("%s", (_name, text, columns, lines) => {
    expect(wrapWords(wordsOf(text), columns)).toEqual(lines);
  });

  it("indents continuation lines", () => {
    expect(wrapWords(["Related:", "a,", "b,", "c"], 12, "  ")).toEqual(["Related: a,", "  b, c"]);
  });
});
