import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RepairError, repairMojibake } from "../../src/document/encoding.js";
import { ROOT } from "../helpers.js";

/** What the document went through: UTF-8 read through a code page, its holes dropped, saved as UTF-8. */
function garble(text: string, codepage = "windows-1254"): string {
  const decoder = new TextDecoder(codepage);
  const hole = (b: number) =>
    decoder.decode(Uint8Array.of(b)).charCodeAt(0) === b && b >= 0x80 && b < 0xa0;
  const bytes = [...new TextEncoder().encode(text)].filter((b) => !hole(b));
  return decoder.decode(Uint8Array.from(bytes));
}

describe("repairMojibake", () => {
  it.each([
    ["plain ASCII", "hello, world\n", "hello, world\n"],
    ["a stroke", "â”€", "─"],
    ["a top-left corner", "â”Œ", "┌"],
    ["an arrow", "â–¼", "▼"],
    ["an emoji", "ğŸ“Š", "📊"],
    ["Turkish letters of the code page", "Ä±ÅŸ", "ış"],
    ["a corner that lost its last byte, before a newline", "â”€â”\n", "─┐\n"],
    ["a corner that lost its last byte, before a space", "â” x", "┐ x"],
    ["a lost byte at the end of the text", "â”", "┐"],
  ])("%s", (_name, garbled, original) => {
    expect(repairMojibake(garbled)).toBe(original);
  });

  it.each(["┌──────┐\n│ App  │\n└──┬───┘\n   ▼\n", "café ☕ — naïve ‘quotes’ “x 📊 ◄┼►", "┐┐┐\n┐"])(
    "undoes the garbling of %j",
    (text) => {
      expect(repairMojibake(garble(text))).toBe(text);
    },
  );

  it("reports a character the code page cannot produce, with its place", () => {
    expect(() => repairMojibake("ok\nab─")).toThrow(/line 2, column 3: '─' \(U\+2500\)/);
  });

  it("refuses to guess a lost byte with no single plausible restoration", () => {
    // E2 9D 8C (❌) minus its 9D: restorations include ❌ and ⌐, neither a diagram character.
    const garbled = garble("x ❌");
    expect(() => repairMojibake(garbled)).toThrow(RepairError);
    expect(() => repairMojibake(garbled)).toThrow(/line 1, column 3: .*candidates: .*❌/);
    expect(repairMojibake(garbled, { preferred: ["❌"] })).toBe("x ❌");
  });

  it("reports a stray continuation byte", () => {
    expect(() => repairMojibake("a” b")).toThrow(/line 1, column 2: byte 0x94/);
  });

  it("works for another code page, where ┐ and ┘ lose the same byte", () => {
    const options = { codepage: "windows-1250" };
    expect(repairMojibake(garble("┌─┬─", "windows-1250"), options)).toBe("┌─┬─");
    expect(() => repairMojibake(garble("─┐", "windows-1250"), options)).toThrow(
      /line 1, column 4: .*candidates: .*┐.*┘/,
    );
    expect(() => repairMojibake("x", { codepage: "no-such-page" })).toThrow(/unknown code page/);
  });

  it("restores the whole source document: every corner, no replacement character", () => {
    const source = readFileSync(`${ROOT}data/source/system-design-diagrams.md`, "utf8");
    const text = repairMojibake(source);
    expect(text).not.toMatch(/[\uFFFDâ”]/);
    expect(text.split("┐").length - 1).toBe(298);
    expect(text.split("┌").length - 1).toBe(291);
    expect(text).toContain("## 📊 Table of Contents");
    expect(text).toContain("│ M1  │◄┼───►│ M2  │");
  });
});
