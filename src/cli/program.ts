import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import pkg from "../../package.json" with { type: "json" };
import { COMMANDS, findCommand } from "../commands/registry.js";
import type { CommandSpec, OptionSpec } from "../commands/spec.js";
import { EXIT_CODES, UsageError } from "../core/errors.js";
import { GLOBAL_OPTIONS, type Globals } from "./globals.js";
import { optionsOf, type Parsed } from "./parse.js";

/**
 * The commander program, built from the command specs. It parses what the quick
 * parser turned down, words usage errors (with "did you mean"), and writes help.
 */

const examples = (lines: readonly string[]) =>
  lines.length === 0 ? "" : `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n`;

const exitCodes = (codes: ReadonlyArray<readonly [number, string]>) =>
  `\nExit codes:\n${codes.map(([code, meaning]) => `  ${String(code).padStart(3)}  ${meaning}`).join("\n")}\n`;

function toOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.choices) option.choices(spec.choices);
  if (spec.parse) {
    const parse = spec.parse;
    option.argParser((value: string) => {
      try {
        return parse(value);
      } catch (error) {
        throw new InvalidArgumentError((error as Error).message);
      }
    });
  }
  if (spec.repeatable) {
    option.argParser((value: string, previous: unknown) => [
      ...((previous as string[] | undefined) ?? []),
      value,
    ]);
  }
  if (spec.default !== undefined) option.default(spec.default);
  if (spec.conflicts) option.conflicts([...spec.conflicts]);
  return option;
}

function argumentOf(arg: CommandSpec["args"][number]): string {
  const name = arg.name.replace(/\.\.\.$/, "");
  const inner = `${name}${arg.variadic ? "..." : ""}`;
  return arg.required ? `<${inner}>` : `[${inner}]`;
}

export interface Program {
  command: Command;
  /** Set by the action of whichever command commander parsed. */
  parsed(): Parsed | undefined;
}

/**
 * The program: every command with its options, each command's help text made only
 * when it is shown. The help option is the program's, which its commands share.
 */
function buildProgram(write: (text: string) => void, columns: number | undefined): Program {
  let parsed: Parsed | undefined;
  const program = new Command("sysdiag")
    .description("System-design diagrams one command away.")
    .usage("[options] <command> | <diagram>")
    .version(pkg.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .helpCommand(false)
    .configureOutput({
      writeOut: write,
      writeErr: write,
      // Errors are reworded into one line by the caller.
      outputError: () => {},
      getOutHelpWidth: () => columns ?? 80,
      getErrHelpWidth: () => 80,
      // Help has no colour to strip; asking would create process.stdout (the streams, 2 ms).
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .exitOverride()
    .showSuggestionAfterError(true)
    .addHelpText(
      "after",
      `${examples([
        "sysdiag show cache-aside",
        "sysdiag cache-aside",
        "sysdiag list databases",
        "sysdiag search replication",
        "sysdiag help show",
      ])}${exitCodes(EXIT_CODES)}`,
    );
  for (const spec of Object.values(GLOBAL_OPTIONS)) program.addOption(toOption(spec));

  for (const spec of COMMANDS) {
    const command = program.command(spec.name, { hidden: spec.hidden === true });
    command.description(spec.summary);
    for (const arg of spec.args) command.argument(argumentOf(arg), arg.description);
    for (const option of Object.values(optionsOf(spec))) command.addOption(toOption(option));
    command.addHelpText("after", () => {
      const codes: Array<readonly [number, string]> = [
        [0, "ok"],
        ...spec.exitCodes,
        [2, "usage error"],
      ];
      return `${examples(spec.examples)}${spec.details ? `\n${spec.details}\n` : ""}${
        spec.json ? `\nJSON output: ${spec.json}\n` : ""
      }${exitCodes(codes.sort((a, b) => a[0] - b[0]))}`;
    });
    command.action((...values: unknown[]) => {
      // commander passes each declared argument (an array for a variadic one), then options.
      const args = values
        .slice(0, spec.args.length)
        .flatMap((v) =>
          v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string],
        );
      const globals = program.opts<Globals>();
      parsed = {
        command: spec,
        args,
        options: command.opts(),
        globals: {
          ...(globals.color !== undefined ? { color: globals.color } : {}),
          ...(globals.ascii ? { ascii: true } : {}),
          ...(globals.unicode ? { unicode: true } : {}),
          ...(globals.catalog ? { catalog: globals.catalog } : {}),
          ...(globals.strict ? { strict: true } : {}),
          ...(globals.pager === false ? { pager: false } : {}),
        },
      };
    });
  }
  return { command: program, parsed: () => parsed };
}

/** A commander error as a usage error (exit 2), or undefined when it only printed help or the version. */
function fromCommander(error: unknown): UsageError | undefined {
  if (!(error instanceof CommanderError)) throw error;
  if (error.code === "commander.helpDisplayed" || error.code === "commander.version")
    return undefined;
  if (error.code === "commander.help") return undefined;
  const message = error.message
    .replace(/^error: /, "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" ")
    .replace(/\.$/, "")
    // commander writes "(Did you mean x?)" mid-sentence.
    .replace("(Did you mean", "(did you mean");
  return new UsageError(message);
}

/** Parses with commander: the command line, or undefined when help or the version was printed. */
export async function slowParse(
  argv: string[],
  write: (text: string) => void,
  columns: number | undefined,
): Promise<Parsed | undefined> {
  const program = buildProgram(write, columns);
  try {
    await program.command.parseAsync(argv, { from: "user" });
  } catch (error) {
    const usage = fromCommander(error);
    if (usage) throw usage;
    return undefined;
  }
  return program.parsed();
}

/** The help of the program, or of one command. */
export function helpText(name: string | undefined, columns: number | undefined): string {
  let text = "";
  const program = buildProgram((chunk) => {
    text += chunk;
  }, columns);
  if (name === undefined) {
    program.command.outputHelp();
    return text;
  }
  if (!findCommand(name)) {
    throw new UsageError(
      `no command '${name}'; commands are: ${COMMANDS.filter((c) => !c.hidden)
        .map((c) => c.name)
        .join(", ")}`,
    );
  }
  const command = program.command.commands.find((c) => c.name() === name);
  command?.outputHelp();
  return text;
}
