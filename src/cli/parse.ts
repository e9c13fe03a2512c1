import type { CommandSpec, OptionSpec, OptionSpecs } from "../commands/spec.js";
import { parseFlags } from "../commands/spec.js";
import { GLOBAL_OPTIONS, type Globals } from "./globals.js";

/** A command line taken apart: which command, its arguments and options, the global options. */
export interface Parsed {
  command: CommandSpec;
  args: string[];
  options: Record<string, unknown>;
  globals: Globals;
}

/** `-o, --output <file>` and `--force`, for commands whose spec says `output: true`. */
const OUTPUT_OPTIONS = {
  output: {
    flags: "-o, --output <file>",
    description: "write to this file (- for standard output); never a partial file",
    complete: "files",
  } as OptionSpec<string | undefined>,
  force: {
    flags: "--force",
    description: "with --output, overwrite the file if it exists",
  } as OptionSpec<boolean | undefined>,
} satisfies OptionSpecs;

/** `--copy`, for commands whose spec says `copy: true`; the CLI does the copying. */
const COPY_OPTIONS = {
  copy: {
    flags: "--copy",
    description: "also copy what is printed (plain text) to the clipboard",
  } as OptionSpec<boolean | undefined>,
} satisfies OptionSpecs;

export function optionsOf(command: CommandSpec): OptionSpecs {
  return {
    ...command.options,
    ...(command.output ? OUTPUT_OPTIONS : {}),
    ...(command.copy ? COPY_OPTIONS : {}),
  };
}

/** Global options that may stand before the command's name, and whether each takes a value. */
let globalLong: Map<string, boolean> | undefined;
const globalTakesValue = (name: string): boolean | undefined => {
  globalLong ??= new Map(
    Object.values(GLOBAL_OPTIONS as OptionSpecs).map((o) => {
      const { long, value } = parseFlags(o.flags);
      return [`--${long}`, value !== undefined];
    }),
  );
  return globalLong.get(name);
};

/** The position of the command's name: the first word that is not a global option or its value. */
export function commandPosition(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (!token.startsWith("-")) return i;
    const takesValue = globalTakesValue(token.replace(/=.*$/, ""));
    if (takesValue === undefined) return -1;
    if (takesValue && !token.includes("=")) i++;
  }
  return -1;
}

/**
 * Parses an ordinary command line from the specs, so that commander (most of what
 * a start-up would load) is needed only for help and for errors. Anything this does
 * not accept returns undefined, and commander, which reads the same specs, then
 * parses it and words the error. A property test holds the two to the same reading.
 */
export function quickParse(
  argv: readonly string[],
  commands: readonly CommandSpec[],
): Parsed | undefined {
  const at = commandPosition(argv);
  if (at < 0) return undefined;
  const command = commands.find((c) => c.name === argv[at]);
  if (!command) return undefined;
  // The usual line (`show cache-aside`) has no option at all: no parser is needed to
  // read it, and Node's costs half a millisecond to load and compile on its first use.
  if (argv.every((word) => !word.startsWith("-"))) {
    return checked(command, argv.slice(at + 1), {}, {});
  }
  const specs: Array<[string, OptionSpec]> = [
    ...Object.entries(GLOBAL_OPTIONS as OptionSpecs),
    ...Object.entries(optionsOf(command)),
  ];
  const byLong = new Map<
    string,
    { key: string; spec: OptionSpec; negated: boolean; takesValue: boolean }
  >();
  const byShort = new Map<string, string>();
  for (const [, spec] of specs) {
    const { long, short, negated, key, value } = parseFlags(spec.flags);
    byLong.set(long, { key, spec, negated, takesValue: value !== undefined });
    if (short) byShort.set(short, long);
  }
  const read = readLine(
    [...argv.slice(0, at), ...argv.slice(at + 1)],
    (name) => byLong.get(name)?.takesValue,
    byShort,
  );
  if (!read) return undefined;
  const globals: Globals = {};
  const options: Record<string, unknown> = {};
  // `--no-color` sets `color`, `--no-pager` sets `pager`: the key the flags spell.
  const globalKeys = new Set(
    Object.values(GLOBAL_OPTIONS as OptionSpecs).map((o) => parseFlags(o.flags).key),
  );
  for (const [name, given] of read.options) {
    const known = byLong.get(name);
    if (!known) return undefined;
    let value: unknown = known.negated ? false : (given ?? true);
    if (typeof value === "string") {
      if (known.spec.choices && !known.spec.choices.includes(value)) return undefined;
      if (known.spec.parse) {
        try {
          value = known.spec.parse(value);
        } catch {
          return undefined;
        }
      }
    }
    const into: Record<string, unknown> = globalKeys.has(known.key)
      ? (globals as Record<string, unknown>)
      : options;
    if (known.spec.repeatable) {
      into[known.key] = [...((into[known.key] as string[] | undefined) ?? []), value];
    } else into[known.key] = value;
  }
  return checked(command, read.positionals, options, globals);
}

/**
 * The options (long names, with their values) and the positionals of a line, read
 * as Node's util.parseArgs reads them in strict mode, for the plain forms only:
 * `--name`, `--name=value`, `--name value`, `-n`, `-n value`, `-` and `--`. Anything
 * else (grouped or inline short flags, an unknown option, a value that looks like an
 * option) is undefined, and commander reads it. Not util.parseArgs itself: loading
 * and first running it took a third of what `show --format svg` may spend.
 */
function readLine(
  args: readonly string[],
  takesValue: (long: string) => boolean | undefined,
  byShort: ReadonlyMap<string, string>,
): { options: Array<[string, string | undefined]>; positionals: string[] } | undefined {
  const options: Array<[string, string | undefined]> = [];
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === "-" || !arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
    } else if (arg.length === 2) {
      name = byShort.get(arg[1] as string);
    }
    const takes = name === undefined ? undefined : takesValue(name);
    if (name === undefined || takes === undefined) return undefined;
    if (!takes) {
      if (inline !== undefined) return undefined;
      options.push([name, undefined]);
    } else if (inline !== undefined) {
      options.push([name, inline]);
    } else {
      const next = args[i + 1];
      // Missing, or option-like (`-x`, but not `-`): util.parseArgs refuses it.
      if (next === undefined || (next.length > 1 && next.startsWith("-"))) return undefined;
      options.push([name, next]);
      i++;
    }
  }
  return { options, positionals };
}

/** Defaults filled in and the line's consistency checked: undefined when commander must judge it. */
function checked(
  command: CommandSpec,
  args: string[],
  options: Record<string, unknown>,
  globals: Globals,
): Parsed | undefined {
  for (const [key, spec] of Object.entries(optionsOf(command))) {
    if (options[key] === undefined && spec.default !== undefined) options[key] = spec.default;
    for (const other of spec.conflicts ?? []) {
      if (options[key] !== undefined && options[other] !== undefined) return undefined;
    }
  }
  if (globals.ascii && globals.unicode) return undefined;
  const required = command.args.filter((a) => a.required).length;
  const variadic = command.args.some((a) => a.variadic);
  if (args.length < required || (!variadic && args.length > command.args.length)) return undefined;
  return { command, args, options, globals };
}
