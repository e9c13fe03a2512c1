import { fstatSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pkg from "../../package.json" with { type: "json" };
import { openCatalog } from "../catalog/open-catalog.js";
import { readSources, type SourcedCatalog } from "../catalog/read-sources.js";
import { type Place, places, userCacheDir } from "../catalog/sources.js";
import type { Context, LineDialog } from "../commands/context.js";
import { COMMANDS } from "../commands/registry.js";
import type { Result } from "../commands/spec.js";
import { builtin } from "../core/builtin.js";
import { DataError, EXIT, IoError, SysdiagError, UsageError } from "../core/errors.js";
import {
  ClosedPipe,
  decodeText,
  errnoWords,
  type ReadLimit,
  readStdinBytes,
  readStdinLines,
  writeFd,
} from "../core/io.js";
import { clipMessage, thousands } from "../core/limits.js";
import { sanitizeLine } from "../core/sanitize.js";
import { indexPathFor, readIndex, type SearchIndex } from "../search/inverted-index.js";
import { decideAscii, decideColor, type Globals } from "./globals.js";
import { commandPosition, type Parsed, quickParse } from "./parse.js";
import { sourceStack } from "./stack.js";
import { type Control, forTerminal, REWRITE_LINE } from "./terminal.js";

/**
 * This module's file: dist/cli.js in the bundle (CommonJS, where bin/sysdiag.cjs
 * passes it), src/cli/main.ts when run from source. A file URL would cost a start-up
 * a URL parse.
 */
const HERE = typeof __filename === "string" ? __filename : fileURLToPath(import.meta.url);
const BUNDLED = !HERE.endsWith(".ts");

/** dist/cli.js and src/cli/main.ts both sit below the package root. */
const DEFAULT_CATALOG = join(dirname(HERE), BUNDLED ? ".." : "../..", "data", "diagrams.json");

/**
 * The shipped catalog compiled at build time, beside the bundle (dist/catalog.store);
 * none when running from source.
 */
const BUILT_IN_STORE = BUNDLED ? join(dirname(HERE), "catalog.store") : undefined;
/** A message for standard error: controls escaped, and echoed input cut (a 100 KB word is not said back). */
const message = (text: string) => clipMessage(sanitizeLine(text));

/** Problems in the catalog sources shown one by one; the rest are counted. */
const PROBLEMS_SHOWN = 20;

export { writeBuiltInStore } from "../catalog/open-catalog.js";

/** The code that compiles catalogs: a store another build made is not read. */
function codeId(): string {
  try {
    const { size, mtimeMs } = statSync(HERE);
    return `${pkg.version} ${size} ${mtimeMs}`;
  } catch {
    return pkg.version;
  }
}

/** Where the CLI reads and writes; tests pass their own. */
export interface Io {
  stdout: { write(chunk: string): unknown; isTTY?: boolean; columns?: number; rows?: number };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  /** Whether standard input is a terminal (keys can be read from it). */
  stdin?: { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** The working directory, where relative paths and the project's `.sysdiag/` are found. */
  cwd?: string;
  /** Standard input, refused past the limit. */
  readStdin?: (limit: ReadLimit) => Promise<Uint8Array>;
  /** Standard input a line at a time, a line refused past the limit. */
  readLines?: (limit: ReadLimit) => AsyncIterable<string>;
}

/** A line of a dialog's answer, at most. */
const DIALOG_LINE: ReadLimit = {
  limit: 64 * 1024,
  purpose: "an answer is one line of at most 64 KB",
};

/** Standard input's lines and standard output, for a command that converses (study --plain). */
function lineDialog(io: Io): LineDialog {
  const lines = io.readLines?.(DIALOG_LINE)[Symbol.asyncIterator]();
  return {
    write: (text) => io.stdout.write(forTerminal(text)),
    note: (text) => say(io, text),
    readLine: async () => {
      const next = await lines?.next();
      return next && !next.done ? next.value : undefined;
    },
  };
}

/** Edit distance with adjacent swaps (optimal string alignment), for "did you mean" a command. */
function nearCommand(word: string): boolean {
  return COMMANDS.some((c) => osa(word, c.name) <= (c.name.length > 4 ? 2 : 1));
}

function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (up[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/**
 * `sysdiag cache-aside` means `sysdiag show cache-aside` (the tldr habit). A
 * command's name always wins, and a near miss of one (`shw`) is left for the
 * parser to answer with "did you mean show?".
 */
export function withImplicitShow(argv: string[]): string[] {
  const at = commandPosition(argv);
  if (at < 0) return argv;
  const word = argv[at] as string;
  if (COMMANDS.some((c) => c.name === word) || nearCommand(word)) return argv;
  return [...argv.slice(0, at), "show", ...argv.slice(at)];
}

/**
 * Runs the command line `argv` (without node and script) against `io` and
 * returns the exit code (see EXIT). Never exits the process.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const columns = terminalColumns(io);
  try {
    // The version needs no parser: commander is most of what a start-up loads.
    if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
      io.stdout.write(forTerminal(`${pkg.version}\n`));
      return EXIT.ok;
    }
    // On a terminal, the picker; piped or in a script, the help it always printed.
    if (argv.length === 0) {
      argv = io.stdin?.isTTY && (io.stdout.isTTY || io.stderr.isTTY) ? ["browse"] : ["help"];
    }
    const line = withImplicitShow(argv);
    let parsed = quickParse(line, COMMANDS);
    if (!parsed) {
      const { slowParse } = await import("./program.js");
      parsed = await slowParse(line, (text) => io.stdout.write(forTerminal(text)), columns);
      if (!parsed) return EXIT.ok;
    }
    return await dispatch(parsed, io);
  } catch (error) {
    return report(error, argv, io);
  }
}

/**
 * The terminal's width, when standard output is one. A terminal that says 0 (`stty
 * cols 0`, an unsized pty in CI or `docker exec -t`) is taken as 80 wide, as the picker
 * takes it: every width below is at least 1.
 */
function terminalColumns(io: Io): number | undefined {
  if (!io.stdout.isTTY) return undefined;
  const columns = io.stdout.columns;
  return columns !== undefined && columns > 0 ? columns : 80;
}

/** A line on standard error, as every note and problem is said. */
const say = (io: Io, text: string) => io.stderr.write(forTerminal(`sysdiag: ${message(text)}\n`));

/** Runs a parsed command line: its options checked, the command run, its result delivered. */
async function dispatch(parsed: Parsed, io: Io): Promise<number> {
  const { command, args, options, globals } = parsed;
  const output = checkedOutput(options, globals);
  const toFile = output !== undefined && output !== "-";
  const ctx = await contextFor(io, globals, toFile, command.sourceProblems ?? "one");
  const result: Result = await command.run(ctx, { args, options });
  await deliver(result, io, { options, globals, file: toFile ? output : undefined });
  return (globals.strict ? result.strictExitCode : undefined) ?? result.exitCode ?? EXIT.ok;
}

/** The --output file (or - for standard output), with what goes with it checked. */
function checkedOutput(options: Record<string, unknown>, globals: Globals): string | undefined {
  const output = options.output as string | undefined;
  if (output === "") throw new UsageError("--output needs a file name (or - for standard output)");
  // An empty path would be the working directory, read whole as a catalog.
  if (globals.catalog?.includes("")) throw new UsageError("--catalog needs a file or directory");
  if (options.force && output === undefined) {
    throw new UsageError("--force goes with --output: it allows overwriting that file");
  }
  return output;
}

/** What a command is given: the catalog (read once, when first asked for), the terminal's look, the programs. */
async function contextFor(
  io: Io,
  globals: Globals,
  toFile: boolean,
  tell: "all" | "none" | "one",
): Promise<Context> {
  const builtIn = io.env.SYSDIAG_CATALOG || DEFAULT_CATALOG;
  let index: SearchIndex | undefined;
  const where = () =>
    places({
      catalogs: globals.catalog ?? [],
      env: io.env,
      cwd: workingDirectory(io),
      builtIn,
    });
  const load = catalogOnce(io, globals, where, tell);
  const { createStyle } = await import("../render/style.js");
  // A file is not a terminal: no colour in it, whatever the terminal would get.
  const color = !toFile && decideColor(globals.color, io.env, io.stdout.isTTY === true);
  return {
    catalog: () => load().catalog,
    // Afresh from the sources themselves, under the lock of a change: no store in between.
    reload: () => readSources(where()).catalog,
    env: io.env,
    cwd: () => workingDirectory(io),
    programs: {
      pick: async ({ catalog, rank, style, ascii, query, category }) => {
        const { pick } = await import("./browse/driver.js");
        return pick({
          catalog,
          rank,
          look: { style, ascii },
          start: { query, category, selected: 0, top: 0, help: false },
        });
      },
      helpText: async (command, columns) =>
        (await import("./program.js")).helpText(command, columns),
      completionScript: async (shell) =>
        (await import("./completion/script.js")).completionScript(shell),
      quiz: async (cards, style) => (await import("./study/driver.js")).quiz(cards, style),
    },
    openEditor: async (file, line) => {
      const { openEditor } = await import("./editor.js");
      openEditor(io.env, file, line);
    },
    sources: () => load().reports,
    index: () => {
      index ??= load().index?.() ?? readIndex(indexPathFor(builtIn), load().catalog);
      return index;
    },
    named: (name) => load().named?.(name),
    // A store's parts, or the same read from the whole catalog when there is no store.
    listing: () => {
      const loaded = load();
      return (
        loaded.listing?.() ?? {
          categories: loaded.catalog.categories,
          entries: loaded.catalog.diagrams,
        }
      );
    },
    entries: () => load().entries?.() ?? load().catalog.diagrams,
    dialog: () => lineDialog(io),
    stdin: async (limit) =>
      decodeText(await (io.readStdin ?? (async () => new Uint8Array()))(limit), "standard input"),
    style: await createStyle(color),
    ascii: decideAscii(globals, io.env),
    columns: toFile ? undefined : terminalColumns(io),
    // Asked for only by a command that reads keys: telling needs node:tty when
    // standard input is a character device (as /dev/null is), ~3 ms of a start-up.
    get terminal() {
      return io.stdin?.isTTY ? { color: decideColor(globals.color, io.env, true) } : undefined;
    },
  };
}

/**
 * The catalog from its places, read on the first call: its sources' problems said
 * once, on standard error, and with --strict an error.
 */
function catalogOnce(
  io: Io,
  globals: Globals,
  where: () => Place[],
  tell: "all" | "one" | "none",
): () => SourcedCatalog {
  let loaded: SourcedCatalog | undefined;
  let progressShown = false;
  const read = () =>
    openCatalog(where(), {
      cacheDir: userCacheDir(io.env),
      codeId: codeId(),
      builtInStore: io.env.SYSDIAG_CATALOG ? undefined : BUILT_IN_STORE,
      note: (text) => say(io, text),
      // Only a person at a terminal is told that a first run over many files takes a while.
      progress: (text) => {
        if (!io.stderr.isTTY || (text === undefined && !progressShown)) return;
        progressShown = text !== undefined;
        io.stderr.write(
          forTerminal(REWRITE_LINE, text === undefined ? "" : `sysdiag: ${message(text)}…`),
        );
      },
    });
  return (): SourcedCatalog => {
    if (loaded) return loaded;
    loaded = read();
    // Said once a run, on standard error, and skipped: the rest of the catalog works.
    // The first few, then how many more: a source can hold thousands of one mistake.
    const problems = loaded.reports.flatMap((r) => r.problems);
    if (tell === "all") {
      for (const problem of problems.slice(0, PROBLEMS_SHOWN)) say(io, problem);
      const more = problems.length - PROBLEMS_SHOWN;
      if (more > 0) {
        say(
          io,
          `${thousands(more)} more ${more === 1 ? "problem" : "problems"} in the catalog sources; 'sysdiag paths' lists them all`,
        );
      }
    } else if (tell === "one" && problems.length === 1) say(io, problems[0] as string);
    else if (tell === "one" && problems.length > 1) {
      // Said where they can be acted on (paths, lint, add and edit of the file); elsewhere
      // one line, not the same list on every show.
      say(io, `${thousands(problems.length)} problems in your sources: sysdiag paths`);
    }
    if (globals.strict && problems.length > 0) {
      throw new DataError(
        `${problems.length} ${problems.length === 1 ? "problem" : "problems"} in the catalog sources (--strict)`,
      );
    }
    return loaded;
  };
}

/** A command's result written where it goes (a file, the pager, standard output), copied if asked, its notes said. */
async function deliver(
  result: Result,
  io: Io,
  { options, globals, file }: { options: Record<string, unknown>; globals: Globals; file?: string },
): Promise<void> {
  if (file !== undefined) {
    const { writeFileAtomic } = await import("../core/io.js");
    writeFileAtomic(file, result.stdout, options.force === true);
  } else {
    const guarded = forTerminal(result.stdout);
    // Only output taller than a terminal is paged, so the pager is loaded only for a terminal.
    const pageable = io.stdout.isTTY && io.stdout.rows !== undefined && globals.pager !== false;
    const paged = pageable
      ? await (await import("./pager.js")).page(
          guarded,
          io.stdout.rows || 24,
          io.env,
          terminalColumns(io),
        )
      : { shown: false };
    if (!paged.shown) io.stdout.write(guarded);
    if (paged.note) say(io, paged.note);
  }
  if (options.copy && result.stdout !== "") {
    const { copyToClipboard } = await import("./clipboard.js");
    // OSC 52 goes to whichever stream is the terminal; never into a file or a pipe.
    const tty = io.stderr.isTTY ? io.stderr : io.stdout.isTTY ? io.stdout : undefined;
    const note = await copyToClipboard(result.stdout, {
      env: io.env,
      subject: result.subject ?? "the output",
      ...(tty ? { terminal: (sequence: Control) => tty.write(forTerminal(sequence)) } : {}),
    });
    say(io, note);
  }
  for (const note of result.notes ?? []) say(io, note);
}

/** Where relative paths and the project's `.sysdiag/` are found; a deleted one is the user's to fix. */
function workingDirectory(io: Io): string {
  try {
    return io.cwd ?? process.cwd();
  } catch (error) {
    throw new IoError(`cannot read the working directory (was it deleted?): ${errnoWords(error)}`);
  }
}

function helpPointer(argv: string[]): string {
  const line = withImplicitShow(argv);
  const at = commandPosition(line);
  const name = at >= 0 && COMMANDS.some((c) => c.name === line[at]) ? line[at] : undefined;
  return `see 'sysdiag${name ? ` ${name}` : ""} --help'`;
}

/** Known errors print one line; anything else is a bug and prints its stack. */
function report(error: unknown, argv: string[], io: Io): number {
  if (error instanceof ClosedPipe) return EXIT.ok;
  const say = (text: string) => {
    try {
      io.stderr.write(forTerminal(text));
    } catch {
      // Standard error is gone too: the exit code is all that is left to say it.
    }
  };
  if (error instanceof UsageError) {
    say(`sysdiag: ${message(error.message)}; ${helpPointer(argv)}\n`);
    return error.exitCode;
  }
  if (error instanceof SysdiagError) {
    say(`sysdiag: ${message(error.message)}\n`);
    return error.exitCode;
  }
  const stack = (error as Error)?.stack ?? String(error);
  // The bundle's minified names and places, given as the source's (src/…:line:column).
  say(
    `sysdiag: internal error, please report it:\n${BUNDLED ? sourceStack(stack, HERE) : stack}\n`,
  );
  return EXIT.internal;
}

/**
 * Whether a descriptor is a terminal. Only a character device can be one, and a
 * file or a pipe (how output is read by scripts) is told by one fstat: node:tty
 * pulls in node:net and the streams, 3 ms of a start-up, and is loaded only then.
 */
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return builtin<typeof import("node:tty")>("node:tty").isatty(fd);
}

/** The process entry point: the one place that touches the process's streams and exit code. */
export async function runMain(): Promise<void> {
  // No SIGINT handler: Node's default ends the process at once, even in the middle of
  // synchronous work (a handler would wait for it), and the shell reports 130. Only the
  // editor, the pager and the picker take Ctrl-C over while they run.
  const stdoutIsTTY = isTerminal(1);
  // Standard error and input are asked about only when a command needs to know.
  let stderrIsTTY: boolean | undefined;
  let stdinIsTTY: boolean | undefined;
  process.exitCode = await main(process.argv.slice(2), {
    stdout: {
      write: (text: string) => writeFd(1, text),
      isTTY: stdoutIsTTY,
      // Only a terminal has a width, and only then is the stream worth setting up.
      get columns() {
        return stdoutIsTTY ? process.stdout.columns : undefined;
      },
      get rows() {
        return stdoutIsTTY ? process.stdout.rows : undefined;
      },
    },
    stderr: {
      write: (text: string) => writeFd(2, text),
      get isTTY() {
        stderrIsTTY ??= isTerminal(2);
        return stderrIsTTY;
      },
    },
    stdin: {
      get isTTY() {
        stdinIsTTY ??= isTerminal(0);
        return stdinIsTTY;
      },
    },
    env: process.env,
    readStdin: readStdinBytes,
    readLines: readStdinLines,
  });
}
