import { describe, expect, it } from "vitest";
import { decodeKeys, KeyReader } from "../../../src/cli/browse/keys.js";

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

describe("KeyReader: bracketed paste", () => {
  it.each<[string, string[], Array<Record<string, string>>]>([
    [
      "a paste's newlines are text, not Enter",
      ["\x1b[200~cache\rtouch /tmp/x\n\x1b[201~"],
      [{ name: "paste", text: "cache touch /tmp/x " }],
    ],
    [
      "keys around a paste are keys",
      ["a\x1b[200~b\tc\x1b[201~\r"],
      [{ name: "text", text: "a" }, { name: "paste", text: "b c" }, { name: "enter" }],
    ],
    [
      "a paste over several reads, its end marker cut in two",
      ["\x1b[200~one\r", "two\x1b[20", "1~\x1b[A"],
      [{ name: "paste", text: "one two" }, { name: "up" }],
    ],
    [
      "escape sequences in a paste are dropped",
      ["\x1b[200~a\x1b]2;x\x07b\x1b[201~"],
      [{ name: "paste", text: "a]2;xb" }],
    ],
  ])("%s", (_, chunks, keys) => {
    const reader = new KeyReader();
    expect(chunks.flatMap((chunk) => reader.read(chunk))).toEqual(keys);
  });
});
