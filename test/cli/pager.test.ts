import { describe, expect, it } from "vitest";
import { lineCount, page, pagerFor } from "../../src/cli/pager.js";

describe("pagerFor", () => {
  it.each<[string, number, number, Record<string, string>, string[] | undefined]>([
    ["fits: no pager", 23, 24, {}, undefined],
    ["one line too many for the prompt: less", 24, 24, {}, ["less", "-FRX"]],
    ["SYSDIAG_PAGER first", 100, 24, { SYSDIAG_PAGER: "most -s", PAGER: "more" }, ["most", "-s"]],
    ["then PAGER", 100, 24, { PAGER: "more" }, ["more"]],
    ["PAGER=cat: none", 100, 24, { PAGER: "cat" }, undefined],
    ["an empty SYSDIAG_PAGER: none", 100, 24, { SYSDIAG_PAGER: "", PAGER: "less" }, undefined],
    ["blanks around words", 100, 24, { PAGER: "  less  -R " }, ["less", "-R"]],
    ["quotes, as a shell takes them", 100, 24, { PAGER: 'less "+G" -R' }, ["less", "+G", "-R"]],
    [
      "a shell's command line, one word",
      100,
      24,
      { PAGER: "sh -c 'tr a-z A-Z | less'" },
      ["sh", "-c", "tr a-z A-Z | less"],
    ],
  ])("%s", (_, lines, rows, env, expected) => {
    const command = pagerFor(lines, rows, env);
    expect(command && "argv" in command ? command.argv : command).toEqual(expected);
  });

  it("refuses what only a shell can run, saying why", () => {
    expect(pagerFor(100, 24, { PAGER: "tr a-z A-Z | less" })).toEqual({
      problem: "it uses the shell's | (run it as sh -c '...')",
      setting: "tr a-z A-Z | less",
    });
  });
});

describe("page", () => {
  const tall = `${"line\n".repeat(50)}`;
  it.each<[string, string, RegExp | undefined]>([
    ["a pager that fails", "false", /^the pager 'false' exited with 1; the output is printed here/],
    [
      "a pager that cannot start",
      "no-such-pager-here",
      /^cannot run the pager 'no-such-pager-here' \(not found\)/,
    ],
    // Refused by spawn itself, before it is tried: once an internal error (exit 70).
    [
      "a pager whose name is empty",
      '""',
      /^cannot run the pager '""' \(its name is empty\); the output is printed here/,
    ],
    [
      "one whose name is empty, with arguments",
      "'' -R",
      /^cannot run the pager ''' -R' \(its name is empty\)/,
    ],
    // Named as written, not as the words it was split into.
    [
      "a pager that fails, written with quotes",
      'sh -c "exit 3"',
      /^the pager 'sh -c "exit 3"' exited with 3; /,
    ],
    [
      "a shell's pipe",
      "tr a | cat",
      /^the pager 'tr a \| cat' was not run: it uses the shell's \|/,
    ],
  ])("%s: not shown, and says so", async (_, pager, note) => {
    const paged = await page(tall, 24, { SYSDIAG_PAGER: pager, PATH: process.env.PATH });
    expect(paged.shown).toBe(false);
    expect(paged.note).toMatch(note as RegExp);
  });

  it("a pager that works shows it", async () => {
    const paged = await page(tall, 24, {
      SYSDIAG_PAGER: "sh -c 'cat >/dev/null'",
      PATH: process.env.PATH,
    });
    expect(paged).toEqual({ shown: true });
  });

  it("a missing default less is no news: printed without a note", async () => {
    const paged = await page(tall, 24, { PATH: "/nonexistent" });
    expect(paged).toEqual({ shown: false });
  });
});

describe("lineCount", () => {
  it.each([
    ["", 0],
    ["a", 1],
    ["a\n", 1],
    ["a\nb\n", 2],
    ["a\n\n", 2],
  ])("%j: %i", (text, count) => {
    expect(lineCount(text)).toBe(count);
  });
  it.each([
    ["a line as wide as the screen", `${"x".repeat(10)}\n`, 1],
    ["a line one column wider: two rows", `${"x".repeat(11)}\nb\n`, 3],
    ["three screens' width and a bit", "x".repeat(31), 4],
    ["wide characters by their columns", "漢".repeat(6), 2],
    ["colour codes take no columns", `\u001b[1m${"x".repeat(10)}\u001b[0m`, 1],
    ["an empty line is still a row", "\n\n", 2],
  ])("on a screen 10 columns wide, %s", (_name, text, rows) => {
    expect(lineCount(text, 10)).toBe(rows);
  });
});
