import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import pkg from "../package.json" with { type: "json" };
import { loadCatalog } from "./catalog/load.js";
import type { Context } from "./commands/context.js";
import type { SearchOptions } from "./commands/search.js";
import { SysdiagError } from "./errors.js";
import { createStyle } from "./render/style.js";
import { indexPathFor, readIndex, type SearchIndex } from "./search/index.js";
import type { Catalog, Io } from "./types.js";

/** src/cli.ts and dist/cli.js both sit one level below the package root. */
const DEFAULT_CATALOG = new URL("../data/diagrams.json", import.meta.url);

interface GlobalOptions {
  color?: boolean;
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
      throw new InvalidArgumentError("expected a whole number ≥ 1");
    return n;
  };
  const catalogPath = io.env.SYSDIAG_CATALOG || fileURLToPath(DEFAULT_CATALOG);
  let catalog: Catalog | undefined;
  let index: SearchIndex | undefined;
  const loadedCatalog = () => {
    catalog ??= loadCatalog(catalogPath);
    return catalog;
  };
  const context = async (command: Command): Promise<Context> => {
    const { color } = command.optsWithGlobals<GlobalOptions>();
    const style = await createStyle(decideColor(color, io));
    return {
      catalog: loadedCatalog,
      index: () => {
        index ??= readIndex(indexPathFor(catalogPath), loadedCatalog());
        return index;
      },
      style,
      columns: io.stdout.isTTY ? io.stdout.columns : undefined,
    };
  };
  const write = (text: string) => {
    io.stdout.write(text);
  };

  const program = new Command("sysdiag")
    .description("System-design diagrams one command away.")
    .version(pkg.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .addOption(new Option("--color", "colour even when output is not a terminal"))
    .addOption(new Option("--no-color", "never colour (NO_COLOR does the same)"))
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
    .option("--raw", "only the diagram text: no frame, no title, no colour")
    .option("--json", "the whole entry as JSON (an array for several names)")
    .addHelpText(
      "after",
      examples(
        "sysdiag show cache-aside",
        'sysdiag show "two phase commit"',
        "sysdiag show cqrs saga --raw",
        "sysdiag show 2pc --json",
      ),
    )
    .action(
      async (names: string[], options: { raw?: boolean; json?: boolean }, command: Command) => {
        if (options.raw && options.json)
          throw new UsageErrorFor("show", "--raw and --json cannot be used together");
        const { show } = await import("./commands/show.js");
        write(await show(await context(command), names, options));
      },
    );

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
    .command("tips")
    .description("tips for drawing diagrams of your own")
    .addHelpText("after", examples("sysdiag tips"))
    .action(async (_options: unknown, command: Command) => {
      const { tips } = await import("./commands/tips.js");
      write(tips(await context(command)));
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    return report(
      error instanceof CommanderError ? commanderError(error) : error,
      argv,
      program,
      io,
    );
  }
}

/** A usage error raised outside commander's parsing, for one command. */
class UsageErrorFor extends SysdiagError {
  readonly command: string;
  constructor(command: string, message: string) {
    super(message, 2);
    this.command = command;
  }
}

function helpPointer(argv: string[], program: Command, command?: string): string {
  const name = command ?? argv.find((arg) => program.commands.some((c) => c.name() === arg));
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
  if (error instanceof UsageErrorFor) {
    io.stderr.write(`sysdiag: ${error.message}; ${helpPointer(argv, program, error.command)}\n`);
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
  });
}
