import { describe, expect, it } from "vitest";
import { clipboardTools, copyToClipboard, plainText } from "../../src/cli/clipboard.js";
import { forTerminal, setClipboard } from "../../src/cli/terminal.js";

const b64 = (text: string) => Buffer.from(text).toString("base64");

const osc52 = (text: string, env: Record<string, string>) =>
  forTerminal(setClipboard(text, Boolean(env.TMUX)));

describe("osc52", () => {
  it("asks the terminal to set its clipboard to the text, base64", () => {
    expect(osc52("a ┌─┐\n", {})).toBe(`\x1b]52;c;${b64("a ┌─┐\n")}\x07`);
  });

  it("inside tmux, also wraps it for passthrough, every ESC doubled", () => {
    const plain = `\x1b]52;c;${b64("x")}\x07`;
    expect(osc52("x", { TMUX: "/tmp/tmux-0/default,1,0" })).toBe(
      `${plain}\x1bPtmux;\x1b\x1b]52;c;${b64("x")}\x07\x1b\\`,
    );
  });
});

describe("plainText", () => {
  it("drops colour codes and nothing else", () => {
    expect(plainText("\x1b[1m\x1b[36mCache\x1b[39m\x1b[22m ─\n")).toBe("Cache ─\n");
  });

  it("is guarded as the terminal's output is: a copy is pasted into terminals", () => {
    expect(plainText("a\x1b]2;x\x07 \u009b1m \u202e \u200b \u2028 \u{e0041}\n")).toBe(
      "a\\e]2;x\\a \\u009b1m \\u202e \\u200b \\u2028 \\udb40\\udc41\n",
    );
  });
});

describe("clipboardTools", () => {
  const all = () => true;
  it.each<[string, Record<string, string>, NodeJS.Platform, (p: string) => boolean, string[]]>([
    ["no display: none", {}, "linux", all, []],
    [
      "Wayland first",
      { WAYLAND_DISPLAY: "wayland-0", DISPLAY: ":0" },
      "linux",
      all,
      ["wl-copy", "xclip", "xsel"],
    ],
    ["X11, xsel only", { DISPLAY: ":0" }, "linux", (p) => p === "xsel", ["xsel"]],
    ["macOS", {}, "darwin", all, ["pbcopy"]],
  ])("%s", (_, env, platform, onPath, programs) => {
    expect(clipboardTools(env, platform, onPath).map((argv) => argv[0])).toEqual(programs);
  });
});

describe("copyToClipboard", () => {
  it("without a tool, writes OSC 52 with the plain text and says what it asked", async () => {
    const written: string[] = [];
    const note = await copyToClipboard("\x1b[1mA\x1b[22m\nB\n", {
      env: {},
      subject: "cache-aside",
      terminal: (s) => written.push(forTerminal(s)),
      platform: "linux",
    });
    expect(written).toEqual([`\x1b]52;c;${b64("A\nB\n")}\x07`]);
    expect(note).toBe(
      "asked the terminal to copy cache-aside (2 lines) (OSC 52): not every terminal allows it",
    );
  });

  it("says when there is nowhere to copy to", async () => {
    const note = await copyToClipboard("A\n", { env: {}, subject: "x", platform: "linux" });
    expect(note).toMatch(/^nothing copied: no terminal/);
  });
});
