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

describe("what each output makes of a character that steers a terminal or hides text", () => {
  // The rule in src/core/sanitize.ts: the terminal and a --copy payload show it escaped;
  // JSON and SVG (on a terminal or in a file) use their own escape, which parses back to it.
  const CASES: Array<[string, string, string]> = [
    ["ESC (C0)", "\u001b", "\\e"],
    ["BEL", "\u0007", "\\a"],
    ["C1 CSI", "\u009b", "\\u009b"],
    ["DEL", "\u007f", "\\u007f"],
    ["right-to-left override", "\u202e", "\\u202e"],
    ["first-strong isolate", "\u2068", "\\u2068"],
    ["zero-width space", "\u200b", "\\u200b"],
    ["word joiner", "\u2060", "\\u2060"],
    ["byte order mark", "\ufeff", "\\ufeff"],
    ["line separator", "\u2028", "\\u2028"],
    ["paragraph separator", "\u2029", "\\u2029"],
    ["tag letter A", "\u{e0041}", "\\udb40\\udc41"],
    ["cancel tag", "\u{e007f}", "\\udb40\\udc7f"],
    ["joiner beside ASCII", "\u200d", "\\u200d"],
    ["non-joiner beside ASCII", "\u200c", "\\u200c"],
  ];

  it.each(CASES)("%s: the terminal shows it escaped", (_, char, shown) => {
    expect(sanitize(`a${char}b`)).toBe(`a${shown}b`);
    expect(sanitizeLine(`a${char}b`)).toBe(`a${shown}b`);
    expect(guardOutput(`a${char}b`)).toBe(`a${shown}b`);
  });

  it.each(CASES)("%s: --copy's payload is guarded as the terminal is", async (_, char, shown) => {
    const { plainText } = await import("../../src/cli/clipboard.js");
    expect(plainText(`\u001b[1ma${char}b\u001b[22m`)).toBe(`a${shown}b`);
  });

  it.each(CASES)("%s: JSON escapes it and means the same", async (_, char) => {
    const { toJson } = await import("../../src/render/json.js");
    const json = toJson({ title: `a${char}b` });
    expect(json).not.toContain(char);
    expect(guardOutput(json)).toBe(json);
    expect(JSON.parse(json)).toEqual({ title: `a${char}b` });
  });

  it.each(CASES)(
    "%s: SVG text escapes it (or drops a C0 control, as XML must)",
    async (_, char) => {
      const { xmlText } = await import("../../src/render/svg.js");
      const xml = xmlText(`a${char}b`);
      expect(xml).not.toContain(char);
      expect(guardOutput(xml)).toBe(xml);
      const code = char.codePointAt(0) as number;
      expect(xml).toBe(code < 0x20 ? "ab" : `a&#x${code.toString(16)};b`);
    },
  );

  it.each([
    ["an emoji sequence", "👩\u200d💻"],
    ["Persian with a non-joiner", "می\u200cخواهم"],
    ["Devanagari with a joiner", "क्\u200dष"],
  ])("keeps a joiner between two other characters: %s", (_, text) => {
    expect(sanitize(text)).toBe(text);
  });
});
