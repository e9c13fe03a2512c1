import { describe, expect, it } from "vitest";
import { guardOutput, sanitize, sanitizeLine } from "../../src/core/sanitize.js";

describe("sanitize", () => {
  it.each([
    ["an OSC title change", "\u001b]0;pwned\u0007", "\\e]0;pwned\\a"],
    ["a CSI sequence", "\u001b[2J", "\\e[2J"],
    ["a C1 CSI", "\u009b31m", "\\u009b31m"],
    ["backspace, CR and DEL", "a\bb\rc\u007f", "a\\bb\\rc\\u007f"],
    ["a right-to-left override", "abc\u202edef", "abc\\u202edef"],
    ["bidi marks", "\u200e\u200f\u061c", "\\u200e\\u200f\\u061c"],
    ["newlines and tabs kept", "a\n\tb", "a\n\tb"],
    ["box drawing and CJK kept", "┌─┐ 漢字 é", "┌─┐ 漢字 é"],
  ])("%s", (_name, text, shown) => {
    expect(sanitize(text)).toBe(shown);
  });

  it("keeps one line one line", () => {
    expect(sanitizeLine("a\nb\tc")).toBe("a\\nb\\tc");
  });
});

describe("guardOutput", () => {
  it("lets our colour codes through and nothing else", () => {
    expect(guardOutput("\u001b[1;36mtitle\u001b[22;39m")).toBe("\u001b[1;36mtitle\u001b[22;39m");
    expect(guardOutput("\u001b]0;x\u0007\u001b[2J")).toBe("\\e]0;x\\a\\e[2J");
  });

  it("keeps JSON valid: a C1 character becomes its JSON escape", () => {
    const json = guardOutput(JSON.stringify({ t: "a\u009bb\u202e" }));
    expect(JSON.parse(json)).toEqual({ t: "a\u009bb\u202e" });
  });
});
