import { DYNAMIC, type Dynamic } from "../../catalog/completion-values.js";
import type { CommandSpec, Completion, OptionSpec, OptionSpecs } from "../../commands/spec.js";
import { parseFlags } from "../../commands/spec.js";

/**
 * What the shell scripts are generated from: the command specs reduced to what
 * completing a word needs. Fixed values are baked into the scripts; catalog
 * values ("diagrams", "categories", "tags") are asked of `sysdiag __complete` at TAB time.
 */

/**
 * The kinds of values asked of `sysdiag __complete` at TAB time, each with what one
 * of its values is called (zsh heads its list with it). Every script offers them all.
 */
const ONE: Record<Dynamic, string> = { diagrams: "diagram", categories: "category", tags: "tag" };
export const CATALOG_KINDS: ReadonlyArray<readonly [Dynamic, string]> = DYNAMIC.map((kind) => [
  kind,
  ONE[kind],
]);

export interface CompletionOption {
  /** `--format` */
  long: string;
  /** `-f` */
  short?: string;
  description: string;
  /** What its value completes to; undefined for a flag. A value with no hint completes nothing. */
  value?: Completion | "none";
}

export interface CompletionArg {
  complete?: Completion;
  variadic: boolean;
}

export interface CompletionCommand {
  name: string;
  summary: string;
  options: CompletionOption[];
  args: CompletionArg[];
}

export interface CompletionModel {
  commands: CompletionCommand[];
  /** Taken before or after any command. */
  globals: CompletionOption[];
  /** Taken only before a command: `--version`. */
  leading: CompletionOption[];
}

const HELP: CompletionOption = { long: "--help", short: "-h", description: "show help" };
const VERSION: CompletionOption = {
  long: "--version",
  short: "-V",
  description: "print the version",
};

export function toOption(spec: OptionSpec): CompletionOption {
  const { long, short, value } = parseFlags(spec.flags);
  return {
    long: `--${long}`,
    ...(short ? { short: `-${short}` } : {}),
    description: spec.description,
    ...(value ? { value: spec.complete ?? spec.choices ?? "none" } : {}),
  };
}

const optionsOf = (specs: OptionSpecs) => Object.values(specs).map(toOption);

/**
 * The model of `commands` (hidden ones left out: they are for scripts, and
 * offering them would clutter every TAB), each with every option it takes, as
 * `optionsFor` gives them (-o and --copy included where its spec says).
 */
export function completionModel(
  commands: readonly CommandSpec[],
  globals: OptionSpecs,
  /** Every option a command takes (its own, and -o, --copy… where its spec says). */
  optionsFor: (command: CommandSpec) => OptionSpecs = (command) => command.options,
): CompletionModel {
  return {
    commands: commands
      .filter((c) => !c.hidden)
      .map((c) => ({
        name: c.name,
        summary: c.summary,
        options: [...optionsOf(optionsFor(c)), HELP],
        args: c.args.map((a) => ({
          variadic: a.variadic,
          ...(a.complete ? { complete: a.complete } : {}),
        })),
      })),
    globals: optionsOf(globals),
    leading: [HELP, VERSION],
  };
}

/** The command a diagram name implies (`sysdiag cache-aside` is `sysdiag show cache-aside`). */
export const IMPLICIT = "show";

/**
 * A value's completion as one word the scripts switch on: `diagrams`,
 * `categories`, `files`, `commands`, `none`, or `fixed a b c` for a fixed list.
 */
export function kindWord(value: Completion | "none" | undefined): string {
  if (value === undefined) return "none";
  if (typeof value === "string") return value;
  for (const word of value) {
    // Baked into scripts unquoted: only words no shell reads twice.
    if (!/^[\w.+-]+$/.test(word)) throw new Error(`completion value '${word}' is not a plain word`);
  }
  return `fixed ${value.join(" ")}`;
}

/** What the `n`th (0-based) argument of `command` completes to. */
export function argKind(command: CompletionCommand, n: number): string {
  const last = command.args[command.args.length - 1];
  const arg = command.args[n] ?? (last?.variadic ? last : undefined);
  return arg ? kindWord(arg.complete) : "none";
}

/**
 * The walk bash and zsh both make over the words before the cursor: which command they
 * name (a diagram's name where the command goes is `show`'s), how many of its arguments
 * are written, whether an option waits for its value (`want`) and whether `--` ended
 * the options. Each shell says how it reads a word, counts, and tells a command's name.
 */
export function wordWalk(shell: {
  loop: string;
  word: string;
  skip?: string;
  count: string;
  isCommand: string;
}): string {
  return `  ${shell.loop}
    w=\${${shell.word}}${shell.skip ? `\n    ${shell.skip}` : ""}
    if [[ -n $want ]]; then
      want=
      continue
    fi
    if [[ -z $ended && $w == -* ]]; then
      if [[ $w == -- ]]; then
        ended=1
      elif [[ $w != *=* ]]; then
        _sysdiag_option "$cmd" "$w"
        want=$REPLY
      fi
      continue
    fi
    if [[ -n $cmd ]]; then
      ${shell.count}
    elif ${shell.isCommand}; then
      cmd=$w
    else
      # A diagram's name where the command goes: \`sysdiag cache-aside\` is \`sysdiag ${IMPLICIT} cache-aside\`.
      cmd=${IMPLICIT} n=1
    fi
  done`;
}
