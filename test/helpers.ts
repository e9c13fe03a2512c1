import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { main } from "../src/cli.js";
import type { Catalog, Io } from "../src/types.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
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
    env: options.env ?? {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point
export const ANSI = /\u001b\[/;
