import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { quote, splitWords } from "../../src/core/quote.js";

/** What sh itself makes of a line: its words, one a line (NUL-separated). */
const shWords = (line: string) =>
  execFileSync("sh", ["-c", `printf '%s\\0' ${line}`], { encoding: "utf8" })
    .split("\0")
    .slice(0, -1);

describe("splitWords", () => {
  it.each<[string, string[]]>([
    ["less", ["less"]],
    ["  less   -R  ", ["less", "-R"]],
    ['less "+G"', ["less", "+G"]],
    ["less '+G' -R", ["less", "+G", "-R"]],
    ["sh -c 'a | less'", ["sh", "-c", "a | less"]],
    ["a\"b\"c'd'e", ["abcde"]],
    ['""', [""]],
    ["''", [""]],
    ['"a \\"b\\" \\\\ \\x"', ['a "b" \\ \\x']],
    ["a\\ b", ["a b"]],
    ["a\\|b", ["a|b"]],
    ['"a|b;c&d"', ["a|b;c&d"]],
    ["'$HOME `x`'", ["$HOME `x`"]],
    ["/opt/my pager/less", ["/opt/my", "pager/less"]],
    ["'/opt/my pager/less' -R", ["/opt/my pager/less", "-R"]],
    ["a\tb c", ["a", "b", "c"]],
    ["'a\nb'", ["a\nb"]],
  ])("%j as sh splits it", (line, words) => {
    expect(splitWords(line)).toEqual({ words });
    expect(shWords(line)).toEqual(words);
  });

  it.each<[string, RegExp]>([
    ["less | cat", /shell's \|/],
    ["less > x", /shell's >/],
    ["less; rm x", /shell's ;/],
    ["less &", /shell's &/],
    ["less $OPTS", /shell's \$/],
    ["less `x`", /shell's `/],
    ['less "$OPTS"', /expands \$/],
    ["less 'open", /single quote is not closed/],
    ['less "open', /double quote is not closed/],
    ["less \\", /ends in a backslash/],
    ["less\nrm x", /a newline ends the command/],
  ])("%j is refused", (line, problem) => {
    const split = splitWords(line);
    expect("problem" in split && split.problem).toMatch(problem);
  });

  it("takes back what quote() writes", () => {
    for (const text of ["a b", "it's", 'say "hi"', "$x `y` \\z", ""]) {
      expect(splitWords(`cmd ${quote(text)}`)).toEqual({ words: ["cmd", text] });
    }
  });
});
