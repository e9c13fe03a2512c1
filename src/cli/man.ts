import type { CommandSpec, OptionSpec, OptionSpecs } from "../commands/spec.js";

/**
 * The man page, as roff (man macros), from the same specs as help and completion.
 * Every piece of spec text goes through `roff`, so a leading dot or quote, a
 * backslash or a hyphen prints as itself.
 */

export interface ManInput {
  version: string;
  description: string;
  commands: readonly CommandSpec[];
  globals: OptionSpecs;
  /** Every option a command takes (its own, and -o, --copy… where its spec says). */
  optionsFor: (command: CommandSpec) => OptionSpecs;
  exitCodes: ReadonlyArray<readonly [number, string]>;
}

/** Text safe in roff: escapes, then a zero-width guard for a line that would read as a request. */
export function roff(text: string): string {
  return text
    .replace(/\\/g, "\\e")
    .replace(/-/g, "\\-")
    .replace(/'/g, "\\(aq")
    .replace(/`/g, "\\(ga")
    .replace(/^([.'])/gm, "\\&$1");
}

const bold = (text: string) => `\\fB${roff(text)}\\fR`;

function optionItem(spec: OptionSpec): string {
  // "-f, --format <format>": names bold, the value's name italic.
  const flags = spec.flags.replace(/ <([\w.-]+)>$/, "");
  const value = / <([\w.-]+)>$/.exec(spec.flags)?.[1];
  return `.TP\n${bold(flags)}${value ? ` \\fI${roff(value)}\\fR` : ""}\n${roff(spec.description)}`;
}

function synopsis(command: CommandSpec): string {
  const args = command.args.map((a) => {
    const name = `\\fI${roff(a.name.replace(/\.\.\.$/, ""))}\\fR${a.variadic ? "\\&..." : ""}`;
    return a.required ? name : `[${name}]`;
  });
  return [bold(`sysdiag ${command.name}`), "[\\fIoptions\\fR]", ...args].join(" ");
}

function commandSection(command: CommandSpec, optionsFor: ManInput["optionsFor"]): string {
  const options = Object.values(optionsFor(command));
  const parts = [`.SS ${roff(command.name)}`, synopsis(command), ".br", roff(command.summary)];
  if (command.details) parts.push(".PP", roff(command.details.replace(/\n/g, " ")));
  if (command.args.length > 0) {
    parts.push(".PP", "Arguments:", ".RS");
    for (const a of command.args) {
      parts.push(".TP", `\\fI${roff(a.name)}\\fR`, roff(a.description));
    }
    parts.push(".RE");
  }
  if (options.length > 0) {
    parts.push(".PP", "Options:", ".RS", ...options.map(optionItem), ".RE");
  }
  if (command.json) parts.push(".PP", `JSON output: ${roff(command.json)}`);
  if (command.examples.length > 0) {
    parts.push(".PP", "Examples:", ".RS", ".nf", ...command.examples.map((e) => `$ ${roff(e)}`));
    parts.push(".fi", ".RE");
  }
  return parts.join("\n");
}

export function renderMan(input: ManInput): string {
  const visible = input.commands.filter((c) => !c.hidden);
  const env: Array<[string, string]> = [
    ["NO_COLOR", "Any non-empty value turns colour off (unless --color is given)."],
    ["FORCE_COLOR", "Colours even when output is not a terminal; 0 or false turns colour off."],
    ["TERM", "dumb turns colour off."],
    ["SYSDIAG_PATH", "More places to read diagrams from, colon-separated, the first highest."],
    [
      "XDG_DATA_HOME",
      "Your data directory, where add and edit write, is $XDG_DATA_HOME/sysdiag (default ~/.local/share/sysdiag).",
    ],
    ["VISUAL, EDITOR", "The editor sysdiag edit opens (default vi), run through the shell."],
    [
      "SYSDIAG_CATALOG",
      "Read the built-in catalog from this JSON file instead of the shipped data/diagrams.json.",
    ],
    [
      "LC_ALL, LC_CTYPE, LANG",
      "The first of them that is set decides the character set: box drawing when it names UTF-8, else ASCII (see --ascii and --unicode).",
    ],
  ];
  return [
    `.\\" Generated from the command specs by scripts/man.ts; do not edit.`,
    // No date: the page is rebuilt on every build and must stay the same until the specs change.
    `.TH SYSDIAG 1 "" "sysdiag ${roff(input.version)}" "User Commands"`,
    ".SH NAME",
    `sysdiag \\- ${roff(input.description)}`,
    ".SH SYNOPSIS",
    `${bold("sysdiag")} [\\fIoptions\\fR] \\fIcommand\\fR [\\fIargs\\fR]`,
    ".br",
    `${bold("sysdiag")} [\\fIoptions\\fR] \\fIdiagram\\fR...`,
    ".SH DESCRIPTION",
    roff(
      "sysdiag shows a catalog of ASCII system-design diagrams (caching, databases, load balancing, messaging, distributed transactions, real-world designs and more). It finds the diagram you mean by id, alias, title or a fuzzy search, and prints it framed and coloured, or bare for pasting. A diagram's name where the command goes means show: sysdiag cache-aside is sysdiag show cache-aside.",
    ),
    ".SH COMMANDS",
    ...visible.map((c) => commandSection(c, input.optionsFor)),
    ".SH GLOBAL OPTIONS",
    "They may stand before or after the command.",
    ...Object.values(input.globals).map(optionItem),
    ".TP",
    `${bold("-h, --help")}`,
    "show help",
    ".TP",
    `${bold("-V, --version")}`,
    "print the version",
    ".SH EXIT STATUS",
    ...input.exitCodes.flatMap(([code, meaning]) => [".TP", bold(String(code)), roff(meaning)]),
    ".SH ENVIRONMENT",
    ...env.flatMap(([name, text]) => [".TP", bold(name), roff(text)]),
    ".SH FILES",
    ".TP",
    bold("data/diagrams.json"),
    roff(
      "The shipped catalog, in the installed package; its search index is diagrams.index.json beside it.",
    ),
    ".SH EXAMPLES",
    ".nf",
    ...[
      "sysdiag show cache-aside",
      "sysdiag cache-aside",
      "sysdiag list --category databases",
      "sysdiag search replication",
      "sysdiag random --seed 7",
      "sysdiag show cqrs --format md >> design.md",
      "sysdiag list --ids | fzf | xargs sysdiag show",
      "source <(sysdiag completion bash)",
    ].map((line) => `$ ${roff(line)}`),
    ".fi",
    ".SH SEE ALSO",
    roff("sysdiag help COMMAND, and the README."),
    "",
  ].join("\n");
}
