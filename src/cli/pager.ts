import { spawn } from "node:child_process";

type Env = Record<string, string | undefined>;

/**
 * The pager for output of `lines` lines on a terminal of `rows` rows, as a program
 * and its arguments; undefined when the output fits or paging is off. Only
 * output taller than the terminal is paged, so that a short answer never waits
 * for a key. `$SYSDIAG_PAGER`, else `$PAGER`, else `less -FRX` (-R keeps colour,
 * -X leaves the page on screen after quitting, -F quits by itself on one screen).
 * An empty value or `cat` means no pager.
 */
export function pagerFor(lines: number, rows: number, env: Env): string[] | undefined {
  if (lines <= rows - 1) return undefined;
  const chosen = env.SYSDIAG_PAGER ?? env.PAGER ?? "less -FRX";
  // Words split at blanks, as most pager settings are written; no shell is run.
  const words = chosen.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words[0] === "cat") return undefined;
  return words;
}

/** Lines the text takes on screen, not counting a final newline's empty line. */
export function lineCount(text: string): number {
  if (text === "") return 0;
  const lines = text.split("\n").length;
  return text.endsWith("\n") ? lines - 1 : lines;
}

/**
 * Shows `text` through the pager when it is taller than the terminal. Returns
 * false when it did not (it fits, paging is off, or the pager cannot be started:
 * the caller then prints the text itself). Quitting the pager before the end is
 * not an error.
 */
export async function page(text: string, rows: number, env: Env): Promise<boolean> {
  const command = pagerFor(lineCount(text), rows, env);
  if (!command) return false;
  const [program, ...args] = command as [string, ...string[]];
  // less reads LESS for its options; as git does, give it ours when the user has none.
  const childEnv = { ...env, LESS: env.LESS ?? "FRX" };
  // Ctrl-C belongs to the pager while it runs (less stops a long read with it).
  const listeners = process.listeners("SIGINT");
  process.removeAllListeners("SIGINT");
  const ignore = () => {};
  process.on("SIGINT", ignore);
  try {
    return await new Promise<boolean>((resolve) => {
      const child = spawn(program, args, { stdio: ["pipe", "inherit", "inherit"], env: childEnv });
      let started = false;
      child.on("spawn", () => {
        started = true;
        child.stdin.on("error", () => {
          // EPIPE: the pager was quit before it read everything.
        });
        child.stdin.end(text);
      });
      child.on("error", () => {
        if (!started) resolve(false);
      });
      child.on("close", () => resolve(started));
    });
  } finally {
    process.off("SIGINT", ignore);
    for (const listener of listeners) process.on("SIGINT", listener as () => void);
  }
}
