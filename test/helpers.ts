import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { type Io, main } from "../src/cli/main.js";
import type { Catalog } from "../src/core/types.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Every file under a directory, at any depth, whose name ends with `suffix`. */
export function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? filesUnder(join(dir, e.name), suffix)
      : e.name.endsWith(suffix)
        ? [join(dir, e.name)]
        : [],
  );
}

/**
 * A home of the tests' own with nothing in it, so that no diagram of the person
 * running them (in ~/.local/share/sysdiag) changes what the tests see.
 */
export const EMPTY_HOME = mkdtempSync(join(tmpdir(), "sysdiag-home-"));
const ISOLATED = {
  HOME: EMPTY_HOME,
  XDG_DATA_HOME: join(EMPTY_HOME, "data"),
  XDG_CACHE_HOME: join(EMPTY_HOME, "cache"),
};
export const CATALOG_FILE = `${ROOT}data/diagrams.json`;
export const catalog = JSON.parse(readFileSync(CATALOG_FILE, "utf8")) as Catalog;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as a terminal of `columns` columns when `tty` is set. */
export async function run(
  argv: string[],
  options: { tty?: boolean; columns?: number; env?: Record<string, string> } = {},
): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: {
      write: (chunk: string) => {
        stdout += chunk;
      },
      isTTY: options.tty ?? false,
      columns: options.columns,
    },
    stderr: {
      write: (chunk: string) => {
        stderr += chunk;
      },
    },
    env: { ...ISOLATED, ...options.env },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point
export const ANSI = /\u001b\[/;

export const BIN = `${ROOT}bin/sysdiag.cjs`;

/**
 * Spawns the built CLI (`npm test` builds it first) in an environment that says
 * nothing of colour, charset or catalog but what `env` adds; the locale is UTF-8.
 */
export function spawnCli(
  args: string[],
  options: { env?: Record<string, string>; input?: string; cwd?: string } = {},
) {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: "C.UTF-8" };
  for (const name of [
    "NO_COLOR",
    "FORCE_COLOR",
    "SYSDIAG_CATALOG",
    "SYSDIAG_PATH",
    "VISUAL",
    "EDITOR",
    "COLUMNS",
    "LC_ALL",
    "LC_CTYPE",
  ]) {
    delete env[name];
  }
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...env, ...ISOLATED, ...options.env },
    input: options.input ?? "",
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A known error: exactly one line on stderr, no stack, nothing on stdout. */
export function expectOneLineError(
  result: ReturnType<typeof spawnCli>,
  code: number,
  pattern: RegExp,
) {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^sysdiag: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
}

/**
 * Whether `text` holds a character that steers a terminal or hides text: what the
 * sanitizer escapes, written out here independently of it (src/core/sanitize.ts).
 */
export function hasControl(text: string): boolean {
  return [...text].some((c) => {
    const code = c.codePointAt(0) ?? 0;
    return (
      (code < 0x20 && code !== 0x0a && code !== 0x09) ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069) ||
      (code >= 0xe0000 && code <= 0xe007f) ||
      [0x061c, 0x200b, 0x200e, 0x200f, 0x2028, 0x2029, 0x2060, 0xfeff].includes(code)
    );
  });
}

/** A process id that is no process's now: one that has just ended. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(child.stdout);
}

/** A home of a test's own, its data directory (`data`, not made yet) and the CLI run in it. */
export function userHome() {
  const dir = mkdtempSync(join(tmpdir(), "sysdiag-src-"));
  const data = join(dir, "data");
  const env = { HOME: dir, XDG_DATA_HOME: data };
  const sysdiag = (
    args: string[],
    more: { input?: string; env?: Record<string, string>; cwd?: string } = {},
  ) => spawnCli(args, { ...more, env: { ...env, ...more.env } });
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  return { dir, data: join(data, "sysdiag"), env, sysdiag, write };
}
