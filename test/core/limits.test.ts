import { describe, expect, it } from "vitest";
import { clipMessage, thousands } from "../../src/core/limits.js";

describe("thousands", () => {
  it.each([
    [0, "0"],
    [7, "7"],
    [42, "42"],
    [999, "999"],
    [1000, "1,000"],
    [10_000, "10,000"],
    [100_000, "100,000"],
    [262_144, "262,144"],
    [1_000_000, "1,000,000"],
    [12_345_678, "12,345,678"],
  ])("%d is %s, as toLocaleString('en-US') writes it", (n, text) => {
    expect(thousands(n)).toBe(text);
    expect(thousands(n)).toBe(n.toLocaleString("en-US"));
  });
});

describe("clipMessage: input echoed in a message is cut, once, where messages are written", () => {
  const a = (n: number) => "a".repeat(n);
  it.each([
    [
      "an ordinary message is as it was",
      "no diagram named 'cache'; did you mean x?",
      "no diagram named 'cache'; did you mean x?",
    ],
    ["a word of 200 characters is kept", `no command '${a(200)}'`, `no command '${a(200)}'`],
    [
      "a longer word keeps its start and end, and says its length",
      `no command '${a(100_000)}' here`,
      `no command '${a(120)}…[100,000 characters]…${a(40)}' here`,
    ],
    [
      "a path keeps its file name",
      `cannot read /${"d".repeat(300)}/notes.md: no such file`,
      `cannot read /${"d".repeat(119)}…[311 characters]…${"d".repeat(30)}/notes.md: no such file`,
    ],
  ])("%s", (_what, text, clipped) => {
    expect(clipMessage(text)).toBe(clipped);
  });

  it("a query of many short words, echoed in quotes, is cut as one long word is", () => {
    const query = Array.from({ length: 130 }, (_, i) => `w${i}`).join(" ");
    expect(query.length).toBeGreaterThan(200);
    const clipped = clipMessage(`nothing matches '${query}': no diagram mentions 'x'`);
    expect(clipped).toBe(
      `nothing matches '${query.slice(0, 120)}…[${query.length} characters]…${query.slice(-40)}': no diagram mentions 'x'`,
    );
  });

  it.each([
    ["a quoted phrase of 200 characters", `named '${"ab ".repeat(66)}ab'; see`],
    ["prose between two quoted words", `'a' ${"and so on ".repeat(30)}'b'`],
    ["an apostrophe in a word", `it doesn't ${"go on ".repeat(50)}'b'`],
  ])("%s is kept", (_what, text) => {
    expect(clipMessage(text)).toBe(text);
  });

  it("a long line of short words keeps its start and end", () => {
    const line = "ab ".repeat(10_000);
    const clipped = clipMessage(line);
    expect(clipped.length).toBeLessThan(2_000);
    expect(clipped).toMatch(/^ab ab .*…\[30,000 characters\]….* ab $/);
  });

  it("never cuts a character in half", () => {
    const clipped = clipMessage("😀".repeat(300));
    expect(clipped).not.toMatch(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
    );
  });
});
