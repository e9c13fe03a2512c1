import { describe, expect, it } from "vitest";
import { decideAscii, decideColor } from "../../src/cli/globals.js";

describe("decideColor", () => {
  it.each([
    ["a terminal", undefined, true, {}, true],
    ["a pipe", undefined, false, {}, false],
    ["NO_COLOR on a terminal", undefined, true, { NO_COLOR: "1" }, false],
    ["an empty NO_COLOR", undefined, true, { NO_COLOR: "" }, true],
    ["FORCE_COLOR on a pipe", undefined, false, { FORCE_COLOR: "1" }, true],
    ["FORCE_COLOR=0 on a terminal", undefined, true, { FORCE_COLOR: "0" }, false],
    ["NO_COLOR beats FORCE_COLOR", undefined, false, { NO_COLOR: "1", FORCE_COLOR: "1" }, false],
    ["--no-color beats FORCE_COLOR", false, true, { FORCE_COLOR: "1" }, false],
    ["--color beats NO_COLOR", true, false, { NO_COLOR: "1" }, true],
    ["a dumb terminal", undefined, true, { TERM: "dumb" }, false],
  ])("%s", (_name, flag, tty, env, expected) => {
    expect(decideColor(flag, env, tty)).toBe(expected);
  });
});

describe("decideAscii", () => {
  it.each([
    ["no locale at all", {}, {}, false],
    ["a UTF-8 LANG", {}, { LANG: "en_US.UTF-8" }, false],
    ["LANG=C", {}, { LANG: "C" }, true],
    ["LANG=POSIX", {}, { LANG: "POSIX" }, true],
    ["a Latin-1 LANG", {}, { LANG: "de_DE.ISO-8859-1" }, true],
    ["LC_ALL over LANG", {}, { LC_ALL: "C", LANG: "en_US.UTF-8" }, true],
    ["LC_CTYPE over LANG", {}, { LC_CTYPE: "en_US.utf8", LANG: "C" }, false],
    ["UTF8 in capitals", {}, { LANG: "EN_US.UTF8" }, false],
    ["utf-8 in lower case", {}, { LANG: "C.utf-8" }, false],
    ["UTF-16 is not UTF-8", {}, { LANG: "en_US.UTF-16" }, true],
    ["--unicode over the locale", { unicode: true }, { LANG: "C" }, false],
    ["--ascii over the locale", { ascii: true }, { LANG: "en_US.UTF-8" }, true],
  ])("%s", (_name, flags, env, expected) => {
    expect(decideAscii(flags, env)).toBe(expected);
  });
});
