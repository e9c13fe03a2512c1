import { spawn, spawnSync } from "node:child_process";
import { guardOutput } from "../core/sanitize.js";
import { type Control, setClipboard } from "./terminal.js";

type Env = Record<string, string | undefined>;

// biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what is removed
const SGR = /\u001b\[[0-9;]*m/g;

/**
 * What is copied: the text as printed, guarded as the terminal's output is (a copy is
 * pasted into terminals), without its colour codes.
 */
export function plainText(text: string): string {
  return guardOutput(text).replace(SGR, "");
}

/** The clipboard programs tried, in order, with the display each needs. */
const TOOLS: ReadonlyArray<{ argv: string[]; needs: "wayland" | "x11" | "mac" }> = [
  { argv: ["wl-copy"], needs: "wayland" },
  { argv: ["xclip", "-selection", "clipboard"], needs: "x11" },
  { argv: ["xsel", "--clipboard", "--input"], needs: "x11" },
  { argv: ["pbcopy"], needs: "mac" },
];

/** The clipboard tools that can work here: a display for them and the program on PATH. */
export function clipboardTools(
  env: Env,
  platform: NodeJS.Platform,
  onPath: (program: string) => boolean,
): string[][] {
  const has = {
    wayland: Boolean(env.WAYLAND_DISPLAY),
    x11: Boolean(env.DISPLAY),
    mac: platform === "darwin",
  };
  return TOOLS.filter((t) => has[t.needs] && onPath(t.argv[0] as string)).map((t) => t.argv);
}

function onPath(program: string): boolean {
  return spawnSync("sh", ["-c", 'command -v "$1" >/dev/null', "sh", program]).status === 0;
}

function runTool(argv: string[], text: string): Promise<boolean> {
  const [program, ...args] = argv as [string, ...string[]];
  return new Promise((resolve) => {
    // The tool may stay behind to serve the selection (xclip, wl-copy): not waited for.
    const child = spawn(program, args, { stdio: ["pipe", "ignore", "ignore"], detached: true });
    child.on("error", () => resolve(false));
    child.stdin.on("error", () => resolve(false));
    child.on("exit", (code) => resolve(code === 0));
    child.stdin.end(text, () => {
      // wl-copy and xclip fork and the parent exits 0; xsel exits once it has the text.
      setTimeout(() => {
        child.unref();
        resolve(true);
      }, 500).unref();
    });
  });
}

export interface CopyTarget {
  env: Env;
  /** What was printed, for the note: "cache-aside", "the output". */
  subject: string;
  /** Writes to the terminal, when a standard stream is one. */
  terminal?: (sequence: Control) => unknown;
  platform?: NodeJS.Platform;
}

/**
 * Copies the plain text of `text` to the clipboard: with the system's clipboard
 * tool where one works (a local desktop), else with OSC 52 through the terminal.
 * Returns the note for standard error, which says what was done, or why nothing was.
 * OSC 52 has no answer: a terminal (or tmux with its default `set-clipboard external`)
 * may drop it unseen, so the note says the terminal was asked, not that it copied.
 */
export async function copyToClipboard(text: string, target: CopyTarget): Promise<string> {
  const plain = plainText(text);
  const lines = plain.replace(/\n$/, "").split("\n").length;
  const what = `${target.subject} (${lines} ${lines === 1 ? "line" : "lines"})`;
  for (const tool of clipboardTools(target.env, target.platform ?? process.platform, onPath)) {
    if (await runTool(tool, plain)) return `copied ${what} to the clipboard`;
  }
  if (target.terminal) {
    target.terminal(setClipboard(plain, Boolean(target.env.TMUX)));
    const tmux = target.env.TMUX ? "; in tmux, `set -g set-clipboard on` lets it through" : "";
    return `asked the terminal to copy ${what} (OSC 52): not every terminal allows it${tmux}`;
  }
  return "nothing copied: no terminal to ask (OSC 52) and no clipboard tool (wl-copy, xclip, xsel, pbcopy)";
}
