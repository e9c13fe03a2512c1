import { describe, expect, it } from "vitest";
import { lineCount, pagerFor } from "../../src/cli/pager.js";

describe("pagerFor", () => {
  it.each<[string, number, number, Record<string, string>, string[] | undefined]>([
    ["fits: no pager", 23, 24, {}, undefined],
    ["one line too many for the prompt: less", 24, 24, {}, ["less", "-FRX"]],
    ["SYSDIAG_PAGER first", 100, 24, { SYSDIAG_PAGER: "most -s", PAGER: "more" }, ["most", "-s"]],
    ["then PAGER", 100, 24, { PAGER: "more" }, ["more"]],
    ["PAGER=cat: none", 100, 24, { PAGER: "cat" }, undefined],
    ["an empty SYSDIAG_PAGER: none", 100, 24, { SYSDIAG_PAGER: "", PAGER: "less" }, undefined],
    ["blanks around words", 100, 24, { PAGER: "  less  -R " }, ["less", "-R"]],
  ])("%s", (_, lines, rows, env, expected) => {
    expect(pagerFor(lines, rows, env)).toEqual(expected);
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
});
