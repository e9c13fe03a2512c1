import type { CommandSpec, OptionSpec, OptionSpecs } from "../commands/spec.js";
import { LIMITS, thousands } from "../core/limits.js";

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
  if (command.exitCodes.length > 0) {
    const codes = command.exitCodes.map(([code, meaning]) => `${code}: ${meaning}`);
    parts.push(".PP", roff(`Exit status, beyond 0 and 2: ${codes.join("; ")}.`));
  }
  if (command.examples.length > 0) {
    parts.push(".PP", "Examples:", ".RS", ".nf", ...command.examples.map((e) => `$ ${roff(e)}`));
    parts.push(".fi", ".RE");
  }
  return parts.join("\n");
}

/** Every variable sysdiag reads (a test holds this list to the code). */
export const ENVIRONMENT: ReadonlyArray<readonly [string, string]> = [
  ["NO_COLOR", "Any non-empty value turns colour off (unless --color is given)."],
  ["FORCE_COLOR", "Colours even when output is not a terminal; 0 or false turns colour off."],
  ["TERM", "dumb turns colour off."],
  [
    "LC_ALL, LC_CTYPE, LANG",
    "The first of them that is set decides the character set: box drawing when it names UTF-8, else ASCII (see --ascii and --unicode).",
  ],
  ["SYSDIAG_PATH", "More places to read diagrams from, colon-separated, the first highest."],
  [
    "XDG_DATA_HOME",
    "Your data directory, where add and edit write, is $XDG_DATA_HOME/sysdiag (default ~/.local/share/sysdiag).",
  ],
  [
    "XDG_CACHE_HOME",
    "Compiled catalogs of your own sources live in $XDG_CACHE_HOME/sysdiag (default ~/.cache/sysdiag); safe to delete.",
  ],
  [
    "XDG_STATE_HOME",
    "What study remembers is in $XDG_STATE_HOME/sysdiag/progress.json (default ~/.local/state/sysdiag).",
  ],
  ["HOME", "Where the defaults above are; paths under it are shown as ~/..."],
  [
    "SYSDIAG_PAGER, PAGER",
    "The pager for output taller than the terminal (default less -FRX); cat or an empty SYSDIAG_PAGER turns paging off.",
  ],
  ["LESS", "When it is not set, the pager gets LESS=FRX, as git does."],
  [
    "VISUAL, EDITOR",
    "The editor sysdiag edit opens (default vi), run through the shell; study asks the redraw drill only when one is set.",
  ],
  [
    "WAYLAND_DISPLAY, DISPLAY",
    "A desktop session: --copy uses wl-copy, xclip or xsel; without one, the terminal's OSC 52.",
  ],
  [
    "TMUX",
    "Inside tmux, --copy sends OSC 52 both plain (for tmux) and wrapped for passthrough (for the terminal outside).",
  ],
  [
    "SYSDIAG_CATALOG",
    "Read the built-in catalog from this JSON file instead of the shipped, precompiled one (for testing a catalog).",
  ],
  [
    "SYSDIAG_NOW",
    "The clock of study, in ISO 8601 (2026-03-01T09:00:00Z), so that a session can be replayed.",
  ],
];

const megabytes = (bytes: number) => `${bytes / 1024 / 1024} MB`;

/** What each limit bounds; a limit added to LIMITS without a line here does not compile. */
const LIMIT_TEXT: Record<keyof typeof LIMITS, string> = {
  sourceBytes: `${megabytes(LIMITS.sourceBytes)}: a catalog source file.`,
  inputBytes: `${megabytes(LIMITS.inputBytes)}: a file or standard input for lint, add and render.`,
  diagramChars: `${thousands(LIMITS.diagramChars)} characters: one diagram's drawing, in a catalog or added with add.`,
  queryChars: `${thousands(LIMITS.queryChars)} characters: a query or a name (show, search); more is a usage error.`,
  idChars: `${thousands(LIMITS.idChars)} characters: a diagram id.`,
  filesPerDirectory: `${thousands(LIMITS.filesPerDirectory)}: files read from one directory, and so files in your data directory after an add.`,
  graphEdges: `${thousands(LIMITS.graphEdges)}: edges one drawing's lines make, for the graph formats.`,
  graphLabelChars: `${thousands(LIMITS.graphLabelChars)}: characters of edge labels, a label counted once for each edge it is on.`,
  cachedStores: `${thousands(LIMITS.cachedStores)}: compiled catalogs kept in the cache, the last used.`,
  echoedWordChars: `${thousands(LIMITS.echoedWordChars)} characters: a word, or a quoted query, of your input echoed in a message; a longer one is cut in the middle.`,
  messageChars: `${thousands(LIMITS.messageChars)} characters: one message line; a longer one keeps its start and its end.`,
};

export function renderMan(input: ManInput): string {
  const visible = input.commands.filter((c) => !c.hidden);
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
    ...ENVIRONMENT.flatMap(([name, text]) => [".TP", bold(name), roff(text)]),
    ".SH FILES",
    ...[
      [
        "~/.local/share/sysdiag/",
        "Your data directory ($XDG_DATA_HOME/sysdiag): add and edit write here, one <id>.md a diagram.",
      ],
      [
        ".sysdiag/",
        "A project's own diagrams, in the working directory or the nearest parent that has one.",
      ],
      [
        "~/.cache/sysdiag/",
        "The compiled store of your own sources ($XDG_CACHE_HOME/sysdiag); safe to delete at any time.",
      ],
      [
        "data/diagrams.json",
        "The shipped catalog, in the installed package; its search index is diagrams.index.json beside it, and dist/catalog.store the same compiled for reading.",
      ],
    ].flatMap(([name, text]) => [".TP", bold(name as string), roff(text as string)]),
    ".PP",
    roff(
      "Diagrams are read from, highest first: --catalog, SYSDIAG_PATH, the project's .sysdiag/, your data directory, the built-in catalog. A place is a Markdown file (## category, ### title, an optional <!-- sysdiag --> comment with id, aliases, tags, summary and related, a fenced drawing), a directory of them, or a JSON catalog.",
    ),
    ".SH LIMITS",
    roff("Limits count the bytes actually read; a FIFO, a device or a socket is refused at once."),
    ...Object.values(LIMIT_TEXT).flatMap((text) => [".IP \\(bu 2", roff(text)]),
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
    roff(
      "sysdiag help COMMAND; the reference in the docs/ folder of the source (commands.md, your-diagrams.md, reference.md).",
    ),
    "",
  ].join("\n");
}
