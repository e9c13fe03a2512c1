import { spawn, spawnSync } from "node:child_process";

type Env = Record<string, string | undefined>;

// biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what is removed
const SGR = /\u001b\[[0-9;]*m/g;

/** What is copied: the text as printed, without its colour codes. */
export function plainText(text: string): string {
  return text.replace(SGR, "");
}

/**
 * OSC 52, which asks the terminal itself to set its clipboard: it works over
 * SSH, where no clipboard tool can reach the user's desktop. Inside tmux the
 * sequence is sent plain (tmux takes it into a buffer and passes it on when
 * `set-clipboard` is on) and again wrapped for passthrough (for the terminal
 * outside, when `allow-passthrough` is on).
 */
export function osc52(text: string, env: Env): string {
  const sequence = `\u001b]52;c;${Buffer.from(text, "utf8").toString("base64")}\u0007`;
  if (!env.TMUX) return sequence;
  return `${sequence}\u001bPtmux;${sequence.replaceAll("\u001b", "\u001b\u001b")}\u001b\\`;
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
  terminal?: (sequence: string) => unknown;
  platform?: NodeJS.Platform;
}

/**
 * Copies the plain text of `text` to the clipboard: with the system's clipboard
 * tool where one works (a local desktop), else with OSC 52 through the terminal.
 * Returns the note for standard error, which says what was copied, or why not.
 */
export async function copyToClipboard(text: string, target: CopyTarget): Promise<string> {
  const plain = plainText(text);
  const lines = plain.replace(/\n$/, "").split("\n").length;
  const what = `${target.subject} (${lines} ${lines === 1 ? "line" : "lines"})`;
  for (const tool of clipboardTools(target.env, target.platform ?? process.platform, onPath)) {
    if (await runTool(tool, plain)) return `copied ${what} to the clipboard`;
  }
  if (target.terminal) {
    target.terminal(osc52(plain, target.env));
    return `copied ${what} to the clipboard`;
  }
  return "nothing copied: no terminal to ask (OSC 52) and no clipboard tool (wl-copy, xclip, xsel, pbcopy)";
}
