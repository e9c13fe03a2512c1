import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import pkg from "../package.json" with { type: "json" };
import { loadCatalog } from "./catalog/load.js";
import type { Context } from "./commands/context.js";
import type { SearchOptions } from "./commands/search.js";
import type { ShowOptions } from "./commands/show.js";
import { SysdiagError, UsageError } from "./errors.js";
import { createStyle } from "./render/style.js";
import { indexPathFor, readIndex, type SearchIndex } from "./search/inverted-index.js";
import { type Catalog, FORMATS, type Io } from "./types.js";

/** src/cli.ts and dist/cli.cjs both sit one level below the package root. */
const DEFAULT_CATALOG = new URL("../data/diagrams.json", import.meta.url);

interface GlobalOptions {
  color?: boolean;
  ascii?: boolean;
  unicode?: boolean;
}

/**
 * ASCII instead of box drawing when asked (--ascii, or --unicode for the other
 * way), else when the locale says the terminal is not UTF-8: the first of LC_ALL,
 * LC_CTYPE and LANG that is set (`C`, `POSIX`, `en_US.ISO-8859-1`...). With none
 * set, Unicode: most terminals are UTF-8, and a container often sets no locale at all.
 */
export function decideAscii(options: GlobalOptions, env: Io["env"]): boolean {
  if (options.ascii) return true;
  if (options.unicode) return false;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  return locale !== undefined && !/utf-?8/i.test(locale);
}

/**
 * Colour is decided here, once: an explicit --color/--no-color wins, then
 * NO_COLOR (any non-empty value), then FORCE_COLOR, then whether stdout is a terminal.
 */
export function decideColor(flag: boolean | undefined, io: Io): boolean {
  if (flag !== undefined) return flag;
  const { NO_COLOR, FORCE_COLOR, TERM } = io.env;
  if (NO_COLOR) return false;
  if (FORCE_COLOR !== undefined) return FORCE_COLOR !== "0" && FORCE_COLOR !== "false";
  return io.stdout.isTTY === true && TERM !== "dumb";
}

const examples = (...lines: string[]) =>
  `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n`;

/**
 * Runs the command line `argv` (without node and script) against `io` and
 * returns the exit code: 0 ok, 1 not found, 2 usage error. Never exits the process.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  // The version needs no parser: commander is most of what a start-up loads.
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const { Command, CommanderError, InvalidArgumentError, Option } = await import("commander");
  const positiveInteger = (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1)
      throw new InvalidArgumentError("expected a whole number, 1 or more");
    return n;
  };
  const catalogPath = io.env.SYSDIAG_CATALOG || fileURLToPath(DEFAULT_CATALOG);
  let catalog: Catalog | undefined;
  let index: SearchIndex | undefined;
  const loadedCatalog = () => {
    catalog ??= loadCatalog(catalogPath);
    return catalog;
  };
  const context = async (command: Command, toFile = false): Promise<Context> => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    // A file is not a terminal: no colour in it, whatever the terminal would get.
    const style = await createStyle(!toFile && decideColor(globals.color, io));
    return {
      catalog: loadedCatalog,
      index: () => {
        index ??= readIndex(indexPathFor(catalogPath), loadedCatalog());
        return index;
      },
      style,
      ascii: decideAscii(globals, io.env),
      columns: !toFile && io.stdout.isTTY ? io.stdout.columns : undefined,
    };
  };
  // A command that prints a report and still fails (lint with defects) sets this.
  let exitCode = 0;
  const write = (text: string) => {
    io.stdout.write(text);
  };

  const program = new Command("sysdiag")
    .description("System-design diagrams one command away.")
    .version(pkg.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .addOption(new Option("--color", "colour even when output is not a terminal"))
    .addOption(new Option("--no-color", "never colour (NO_COLOR does the same)"))
    .addOption(
      new Option(
        "--ascii",
        "draw with + - | v > < ^ (default when the locale is not UTF-8)",
      ).conflicts("unicode"),
    )
    .addOption(new Option("--unicode", "draw with box-drawing characters whatever the locale"))
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Commander's errors are reworded into one line below.
      outputError: () => {},
      getOutHelpWidth: () => io.stdout.columns ?? 80,
      getErrHelpWidth: () => 80,
    })
    .exitOverride()
    .showSuggestionAfterError(true)
    .addHelpText(
      "after",
      `${examples(
        "sysdiag show cache-aside",
        "sysdiag list --category databases",
        "sysdiag search replication",
      )}\nExit codes: 0 ok, 1 not found, 2 usage error.\n`,
    );

  program
    .command("show")
    .description("print diagrams by id, alias or title (fuzzy when unambiguous)")
    .argument("<name...>", "diagram ids, aliases or titles")
    .option("--raw", "only the diagram text: no frame, no title, no colour (= --format txt)")
    .option("--json", "the whole entry as JSON, an array for several names (= --format json)")
    .addOption(
      new Option("-f, --format <format>", "text (framed), txt, md, svg or json").choices(FORMATS),
    )
    .option("-o, --output <file>", "write to this file instead of standard output")
    .option("--force", "with --output, overwrite the file if it exists")
    .option("--original", "the diagram as the source document drew it, before any repair")
    .addHelpText(
      "after",
      examples(
        "sysdiag show cache-aside",
        'sysdiag show "two phase commit"',
        "sysdiag show cqrs saga --raw",
        "sysdiag show 2pc --json",
        "sysdiag show cqrs --format md >> design.md",
        "sysdiag show cache-aside --format svg -o cache-aside.svg",
        "sysdiag show vpc --original",
      ),
    )
    .action(async (names: string[], options: ShowCliOptions, command: Command) => {
      const { show } = await import("./commands/show.js");
      const text = await show(await context(command, options.output !== undefined), names, options);
      if (options.output === undefined) write(text);
      else writeFile(options.output, text, options.force === true);
    });

  program
    .command("list")
    .description("list diagrams by category")
    .option("-c, --category <category>", "only this category (id, name or a near miss)")
    .option("--json", "an array of {id, title, category, categoryId}")
    .addHelpText(
      "after",
      examples("sysdiag list", "sysdiag list --category databases", "sysdiag list --json"),
    )
    .action(async (options: { category?: string; json?: boolean }, command: Command) => {
      const { list } = await import("./commands/list.js");
      write(await list(await context(command), options));
    });

  program
    .command("categories")
    .description("list categories with their ids and number of diagrams")
    .option("--json", "an array of {id, name, count}")
    .addHelpText("after", examples("sysdiag categories", "sysdiag categories --json"))
    .action(async (options: { json?: boolean }, command: Command) => {
      const { categories } = await import("./commands/categories.js");
      write(categories(await context(command), options));
    });

  program
    .command("search")
    .description("rank diagrams by name, aliases, tags, category, summary and text (typo-tolerant)")
    .argument("<words...>", "what to look for")
    .addOption(
      new Option("-n, --limit <n>", "at most this many results")
        .default(10)
        .argParser(positiveInteger),
    )
    .option("--explain", "show which field and words matched, and the score")
    .option("--json", "the ranked array of {id, title, category, score} (+ matches with --explain)")
    .addHelpText(
      "after",
      examples(
        "sysdiag search replication",
        "sysdiag search cach asid",
        'sysdiag search "distributed transaction" --explain',
        "sysdiag search queue --limit 3 --json",
      ),
    )
    .action(async (words: string[], options: SearchOptions, command: Command) => {
      const { search } = await import("./commands/search.js");
      write(await search(await context(command), words, options));
    });

  program
    .command("lint")
    .description(
      "check diagrams: boxes that close, lines that meet, arrows that point at something",
    )
    .argument("[file...]", "Markdown or text files, or - for standard input (default: the catalog)")
    .option("--json", "an array of {file, line, column, rule, message}")
    .addHelpText(
      "after",
      `${examples("sysdiag lint", "sysdiag lint docs/design.md", "cat diagram.txt | sysdiag lint -")}
Markdown files are checked block by block (fenced blocks that are drawings), other files
as one diagram. Files over 1 MB are refused. Exit 0 when clean, 1 when defects are found.
`,
    )
    .action(async (files: string[], options: { json?: boolean }, command: Command) => {
      const { lint, MAX_BYTES } = await import("./commands/lint.js");
      const stdin = files.includes("-") ? await io.readStdin?.(MAX_BYTES + 1) : undefined;
      const result = lint(await context(command), files, options, stdin);
      write(result.output);
      exitCode = result.exitCode;
    });

  program
    .command("tips")
    .description("tips for drawing diagrams of your own")
    .addHelpText("after", examples("sysdiag tips"))
    .action(async (_options: unknown, command: Command) => {
      const { tips } = await import("./commands/tips.js");
      write(tips(await context(command)));
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    return report(
      error instanceof CommanderError ? commanderError(error) : error,
      argv,
      program,
      io,
    );
  }
}

interface ShowCliOptions extends ShowOptions {
  output?: string;
  force?: boolean;
}

/** Never overwrites what the user has, unless told to. */
function writeFile(path: string, text: string, force: boolean): void {
  try {
    writeFileSync(path, text, { flag: force ? "w" : "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new UsageError(`${path} exists; add --force to overwrite it`);
    throw new UsageError(`cannot write ${path} (${code ?? "error"})`);
  }
}

function helpPointer(argv: string[], program: Command): string {
  const name = argv.find((arg) => program.commands.some((c) => c.name() === arg));
  return `see 'sysdiag${name ? ` ${name}` : ""} --help'`;
}

/** Known errors print one line; anything else is a bug and prints its stack. */
/** Commander's errors as plain data, so that reporting needs no commander class. */
interface ParseError {
  kind: "parse";
  code: string;
  message: string;
}

function commanderError(error: { code: string; message: string }): ParseError {
  return { kind: "parse", code: error.code, message: error.message };
}

function isParseError(error: unknown): error is ParseError {
  return (error as ParseError | undefined)?.kind === "parse";
}

function report(error: unknown, argv: string[], program: Command, io: Io): number {
  if (isParseError(error)) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
    // No command at all: commander has already shown the help, on stderr.
    if (error.code === "commander.help") return 2;
    const message = error.message
      .replace(/^error: /, "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .join(" ")
      .replace(/\.$/, "");
    io.stderr.write(`sysdiag: ${message}; ${helpPointer(argv, program)}\n`);
    return 2;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`sysdiag: ${error.message}; ${helpPointer(argv, program)}\n`);
    return error.exitCode;
  }
  if (error instanceof SysdiagError) {
    io.stderr.write(`sysdiag: ${error.message}\n`);
    return error.exitCode;
  }
  io.stderr.write(
    `sysdiag: internal error, please report it:\n${(error as Error)?.stack ?? String(error)}\n`,
  );
  return 1;
}

/** The process entry point: the one place that touches process streams and the exit code. */
export async function runMain(): Promise<void> {
  // A closed pipe (`sysdiag list | head -1`) is the reader's choice, not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    readStdin: async (limit) => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        size += (chunk as Buffer).length;
        if (size >= limit) break;
      }
      return Buffer.concat(chunks);
    },
  });
}
