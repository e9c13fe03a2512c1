import { describe, expect, it } from "vitest";
import { decodeKeys } from "../../../src/cli/browse/keys.js";

describe("decodeKeys", () => {
  it.each([
    ["repl", [{ name: "text", text: "repl" }]],
    ["\x1b[A", [{ name: "up" }]],
    ["\x1bOB", [{ name: "down" }]],
    ["\x1b[5~\x1b[6~", [{ name: "pageUp" }, { name: "pageDown" }]],
    [
      "\x1b[H\x1b[F\x1b[1~\x1b[4~",
      [{ name: "home" }, { name: "end" }, { name: "home" }, { name: "end" }],
    ],
    ["\x0e\x10", [{ name: "down" }, { name: "up" }]],
    ["\t\x1b[Z", [{ name: "tab" }, { name: "backTab" }]],
    ["\r", [{ name: "enter" }]],
    ["\x1b", [{ name: "escape" }]],
    ["\x03", [{ name: "interrupt" }]],
    ["\x7f\x17\x15", [{ name: "backspace" }, { name: "deleteWord" }, { name: "clearLine" }]],
    ["ab\x1b[Bc", [{ name: "text", text: "ab" }, { name: "down" }, { name: "text", text: "c" }]],
    // Keys the picker has no use for are dropped, not typed.
    ["\x1b[15~x", [{ name: "text", text: "x" }]],
    ["\x1bx", []],
    ["\x1b\x1b", [{ name: "escape" }, { name: "escape" }]],
    ["é漢", [{ name: "text", text: "é漢" }]],
  ])("%j", (chunk, keys) => {
    expect(decodeKeys(chunk)).toEqual(keys);
  });
});
