import type { Context } from "./context.js";

/**
 * What a command is, as data: the parser, `--help`, the man page and the shell
 * completions are all built from these specs, the tests of docs/ check against them,
 * and the option types a command's `run` receives are inferred from them.
 */

/** What completes a value: a fixed list, or a kind of thing the catalog knows. */
export type Completion =
  | "diagrams"
  | "categories"
  | "tags"
  | "files"
  | "commands"
  | readonly string[];

export interface OptionSpec<T = unknown> {
  /** As commander spells it: `--raw`, `-f, --format <format>`, `--no-color`. */
  flags: string;
  description: string;
  /** The only values accepted (checked by the parser, listed in help and completion). */
  choices?: readonly string[];
  /** Turns the value into T, or throws a message for "invalid value" errors. */
  parse?: (value: string) => T;
  default?: T;
  /** Given more than once, the values are collected. */
  repeatable?: boolean;
  complete?: Completion;
  /** Never used alongside these options (their keys). */
  conflicts?: readonly string[];
  /** Only for the option's type; never set. */
  readonly type?: T;
}

export interface ArgSpec {
  name: string;
  description: string;
  required: boolean;
  variadic: boolean;
  complete?: Completion;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** The values `run` receives: one key per option, typed by its spec. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]: O[K] extends OptionSpec<infer T> ? T : never;
};

/** What every command gives back: the text for standard output and its exit code. */
export interface Result {
  stdout: string;
  /** 0 unless the command reports and still fails (lint with defects: 1). */
  exitCode?: number;
  /** The exit code under the global --strict, when a note warns (an export of a defective drawing: 1). */
  strictExitCode?: number;
  /** Notes for standard error (one line each), e.g. what was copied or skipped. */
  notes?: string[];
  /** What the output is, for the note `--copy` prints ("cache-aside"); "the output" if unset. */
  subject?: string;
}

export interface Input<O extends OptionSpecs> {
  args: string[];
  options: OptionValues<O>;
}

export interface CommandSpec<O extends OptionSpecs = OptionSpecs> {
  name: string;
  /** One line, lower case, for the command list. */
  summary: string;
  args: readonly ArgSpec[];
  options: O;
  examples: readonly string[];
  /** More help, after the examples. */
  details?: string;
  /** Exit codes this command gives beyond 0 and 2, and what each means here. */
  exitCodes: ReadonlyArray<readonly [number, string]>;
  /** The shape of its `--json` (or other machine) output, as documented. */
  json?: string;
  /** Takes `-o, --output <file>` and `--force`; the CLI does the writing. */
  output?: boolean;
  /** Takes `--copy`: the CLI copies what is printed to the clipboard. */
  copy?: boolean;
  /**
   * How the catalog sources' problems are said on standard error when the command reads
   * them: `all` one by one (lint), `none` (paths prints them itself); by default one line.
   */
  sourceProblems?: "all" | "none";
  /** Hidden from the command list (aliases). */
  hidden?: boolean;
  run(ctx: Context, input: Input<O>): Promise<Result>;
}

/** Identity, for inference: `run`'s options are typed by the spec's own options. */
export function defineCommand<O extends OptionSpecs>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

export const flag = (flags: string, description: string): OptionSpec<boolean | undefined> => ({
  flags,
  description,
});

export const text = (
  flags: string,
  description: string,
  complete?: Completion,
): OptionSpec<string | undefined> => ({ flags, description, ...(complete ? { complete } : {}) });

export const oneOf = <const C extends readonly string[]>(
  flags: string,
  description: string,
  choices: C,
): OptionSpec<C[number] | undefined> => ({ flags, description, choices, complete: choices });

export const repeatable = (
  flags: string,
  description: string,
  complete?: Completion,
): OptionSpec<string[] | undefined> => ({
  flags,
  description,
  repeatable: true,
  ...(complete ? { complete } : {}),
});

/** A whole number, 1 or more. */
export const count = (
  flags: string,
  description: string,
  fallback: number,
): OptionSpec<number> => ({
  flags,
  description,
  default: fallback,
  parse: (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1 || !Number.isSafeInteger(n)) {
      throw new Error("expected a whole number, 1 or more");
    }
    return n;
  },
});

/** A whole number, 0 or more (a seed, a count that may be none). */
export const whole = (flags: string, description: string): OptionSpec<number | undefined> => ({
  flags,
  description,
  parse: (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) {
      throw new Error("expected a whole number, 0 or more");
    }
    return n;
  },
});

export const arg = (
  name: string,
  description: string,
  shape: { required?: boolean; variadic?: boolean; complete?: Completion } = {},
): ArgSpec => ({
  name,
  description,
  required: shape.required ?? true,
  variadic: shape.variadic ?? false,
  ...(shape.complete ? { complete: shape.complete } : {}),
});

/** `-f, --format <format>` -> { long: "format", short: "f", value: "format", negated: false, key: "format" } */
export function parseFlags(flags: string): {
  long: string;
  short?: string;
  value?: string;
  negated: boolean;
  key: string;
} {
  const match = /^(?:-(\w), )?--([\w-]+)(?: <([\w.-]+)>)?$/.exec(flags);
  if (!match) throw new Error(`bad flags spec '${flags}'`);
  const [, short, long = "", value] = match;
  const negated = long.startsWith("no-");
  const base = negated ? long.slice(3) : long;
  // kebab-case to camelCase: `dry-run` -> `dryRun`.
  const key = base.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return { long, negated, key, ...(short ? { short } : {}), ...(value ? { value } : {}) };
}
