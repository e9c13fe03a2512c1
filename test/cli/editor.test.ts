import { describe, expect, it } from "vitest";
import { editorSetting } from "../../src/cli/editor.js";

describe("editorSetting", () => {
  it.each<[string, Record<string, string>, string]>([
    ["none set: vi", {}, "vi"],
    ["VISUAL first", { VISUAL: "nano", EDITOR: "emacs" }, "nano"],
    ["then EDITOR", { EDITOR: "emacs" }, "emacs"],
    ["an empty VISUAL: EDITOR", { VISUAL: "", EDITOR: "emacs" }, "emacs"],
    // Blanks are no editor: the shell would run the diagram's file itself as a program.
    ["a VISUAL of blanks: EDITOR", { VISUAL: " ", EDITOR: "emacs" }, "emacs"],
    ["both blank: vi", { VISUAL: "\t", EDITOR: "  " }, "vi"],
    ["a command line, as written", { EDITOR: "code --wait" }, "code --wait"],
  ])("%s", (_, env, editor) => {
    expect(editorSetting(env)).toBe(editor);
  });
});
