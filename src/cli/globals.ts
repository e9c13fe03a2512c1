import { flag, type OptionSpecs, repeatable } from "../commands/spec.js";

/** Options every command takes, before or after its name. */
export const GLOBAL_OPTIONS = {
  color: flag("--color", "colour even when output is not a terminal"),
  noColor: flag("--no-color", "never colour (NO_COLOR does the same)"),
  ascii: {
    ...flag("--ascii", "draw with + - | v > < ^ (default when the locale is not UTF-8)"),
    conflicts: ["unicode"],
  },
  unicode: flag("--unicode", "draw with box-drawing characters whatever the locale"),
  catalog: repeatable(
    "--catalog <path>",
    "read diagrams from this Markdown or JSON file or directory too (repeatable; first is highest)",
    "files",
  ),
  strict: flag(
    "--strict",
    "a source that cannot be read or parsed is an error (exit 3), and a graph or svg export of a drawing with lint defects or no edge exits 1, not only a warning",
  ),
  noPager: flag("--no-pager", "never page output taller than the terminal"),
} satisfies OptionSpecs;

/** `--color` and `--no-color` are one setting: the last one given wins. */
export interface Globals {
  color?: boolean;
  ascii?: boolean;
  unicode?: boolean;
  catalog?: string[];
  strict?: boolean;
  /** false with --no-pager. */
  pager?: boolean;
}

type Env = Record<string, string | undefined>;

/**
 * Colour is decided here, once: an explicit --color/--no-color wins (the last
 * given), then NO_COLOR (any non-empty value), then FORCE_COLOR, then whether
 * standard output is a terminal.
 */
export function decideColor(color: boolean | undefined, env: Env, isTTY: boolean): boolean {
  if (color !== undefined) return color;
  const { NO_COLOR, FORCE_COLOR, TERM } = env;
  if (NO_COLOR) return false;
  if (FORCE_COLOR !== undefined) return FORCE_COLOR !== "0" && FORCE_COLOR !== "false";
  return isTTY && TERM !== "dumb";
}

/**
 * ASCII instead of box drawing when asked (--ascii, or --unicode for the other
 * way), else when the locale says the terminal is not UTF-8: the first of LC_ALL,
 * LC_CTYPE and LANG that is set (`C`, `POSIX`, `en_US.ISO-8859-1`...). With none
 * set, Unicode: most terminals are UTF-8, and a container often sets no locale at all.
 */
export function decideAscii(globals: { ascii?: boolean; unicode?: boolean }, env: Env): boolean {
  if (globals.ascii) return true;
  if (globals.unicode) return false;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  // Not /utf-?8/i: a case-blind expression takes 0.05 ms to compile, every start-up.
  const lower = locale?.toLowerCase();
  return lower !== undefined && !lower.includes("utf8") && !lower.includes("utf-8");
}
