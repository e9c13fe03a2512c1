import { type ChildProcessByStdio, spawn } from "node:child_process";
import type { Writable } from "node:stream";
import { splitWords } from "../core/quote.js";
import { displayWidth } from "../core/width.js";

type Env = Record<string, string | undefined>;

/** The pager asked for, as a program and its arguments; or why it cannot be run. */
export type PagerCommand =
  | { argv: string[]; chosen: boolean; setting: string }
  | { problem: string; setting: string }
  | undefined;

/**
 * The pager for output of `lines` lines on a terminal of `rows` rows; undefined when
 * the output fits or paging is off. Only output taller than the terminal is paged, so
 * that a short answer never waits for a key. `$SYSDIAG_PAGER`, else `$PAGER`, else
 * `less -FRX` (-R keeps colour, -X leaves the page on screen after quitting, -F quits
 * by itself on one screen). An empty value or `cat` means no pager. The setting is split
 * into words as a shell splits them (`less "+G"`, `sh -c '... | less'`); no shell is run.
 * `chosen`: the user set it (a default `less` that is missing is not worth a note);
 * `setting`: as it was written, for a message.
 */
export function pagerFor(lines: number, rows: number, env: Env): PagerCommand {
  if (lines <= rows - 1) return undefined;
  const setting = env.SYSDIAG_PAGER ?? env.PAGER;
  const split = splitWords(setting ?? "less -FRX");
  if ("problem" in split) return { problem: split.problem, setting: setting ?? "" };
  const { words } = split;
  if (words.length === 0 || words[0] === "cat") return undefined;
  return { argv: words, chosen: setting !== undefined, setting: setting ?? "less -FRX" };
}

/**
 * Rows the text takes on a screen `columns` wide, not counting a final newline's empty
 * line. A line wider than the screen (a URL longer than a reference's wrap) is folded
 * by the terminal onto more rows, and those rows decide whether the output fits.
 */
export function lineCount(text: string, columns = Number.POSITIVE_INFINITY): number {
  if (text === "") return 0;
  const lines = text.split("\n");
  if (text.endsWith("\n")) lines.pop();
  let rows = 0;
  for (const line of lines) rows += Math.max(1, Math.ceil(displayWidth(line) / columns));
  return rows;
}

/** What became of the output: shown by the pager, or not (the caller prints it), and why. */
export interface Paged {
  shown: boolean;
  /** For standard error: why a pager the user set did not show the output. */
  note?: string;
}

/**
 * Shows `text` through the pager when it is taller than the terminal (`columns` wide:
 * rows, not lines, are counted). Not shown when
 * it fits, paging is off, or the pager cannot be started or fails (exits with an
 * error or is killed): the caller then prints the text itself, and the note says why.
 * Quitting the pager before the end is not an error (less exits 0).
 */
export async function page(text: string, rows: number, env: Env, columns?: number): Promise<Paged> {
  const command = pagerFor(lineCount(text, columns), rows, env);
  if (!command) return { shown: false };
  if ("problem" in command) {
    return {
      shown: false,
      note: `the pager '${command.setting}' was not run: ${command.problem}; the output is printed here instead`,
    };
  }
  const [program, ...args] = command.argv as [string, ...string[]];
  // Named as the user wrote it: `sh -c "exit 3"`, not the words it was split into.
  const name = command.setting;
  // less reads LESS for its options; as git does, give it ours when the user has none.
  const childEnv = { ...env, LESS: env.LESS ?? "FRX" };
  // Ctrl-C belongs to the pager while it runs (less stops a long read with it).
  const listeners = process.listeners("SIGINT");
  process.removeAllListeners("SIGINT");
  const ignore = () => {};
  process.on("SIGINT", ignore);
  try {
    return await new Promise<Paged>((resolve) => {
      const cannot = (why: string): Paged => ({
        shown: false,
        ...(command.chosen
          ? { note: `cannot run the pager '${name}' (${why}); the output is printed here instead` }
          : {}),
      });
      let child: ChildProcessByStdio<Writable, null, null>;
      try {
        child = spawn(program, args, { stdio: ["pipe", "inherit", "inherit"], env: childEnv });
      } catch (error) {
        // Refused before it is tried: a name that is empty (`SYSDIAG_PAGER='""'`).
        const code = (error as NodeJS.ErrnoException).code;
        return resolve(cannot(program === "" ? "its name is empty" : (code ?? String(error))));
      }
      let started = false;
      child.on("spawn", () => {
        started = true;
        child.stdin.on("error", () => {
          // EPIPE: the pager was quit before it read everything.
        });
        child.stdin.end(text);
      });
      child.on("error", (error: NodeJS.ErrnoException) => {
        if (started) return;
        resolve(cannot(error.code === "ENOENT" ? "not found" : (error.code ?? error.message)));
      });
      child.on("close", (code, signal) => {
        if (!started) return;
        // Ctrl-C reaches a pager's shell too (`sh -c '... | less'`): the user quit.
        if (code === 0 || code === 130 || signal === "SIGINT") return resolve({ shown: true });
        const how = code === null ? `was killed by ${signal}` : `exited with ${code}`;
        resolve({
          shown: false,
          note: `the pager '${name}' ${how}; the output is printed here instead`,
        });
      });
    });
  } finally {
    process.off("SIGINT", ignore);
    for (const listener of listeners) process.on("SIGINT", listener as () => void);
  }
}
