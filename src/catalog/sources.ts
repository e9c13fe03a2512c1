import { statSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { builtin } from "../core/builtin.js";

/**
 * Where diagrams are read from, highest first: `--catalog` (each, in the order
 * given), `SYSDIAG_PATH` (colon-separated, in order), the project's `.sysdiag/`
 * (in the working directory or the nearest parent that has one, like cheat's
 * `.cheat`), the user's data directory, then the built-in catalog. A diagram in a
 * higher place hides one with the same id in a lower.
 */
export type Origin = "--catalog" | "SYSDIAG_PATH" | "project" | "user" | "built-in";

export interface Place {
  path: string;
  origin: Origin;
}

type Env = Record<string, string | undefined>;

/**
 * `$VARIABLE/sysdiag`, by default `~/<fallback>/sysdiag`, on every OS. A relative
 * XDG directory (or HOME) is invalid by the spec, and ignored.
 */
function xdgDir(env: Env, variable: string, fallback: string): string {
  const absolute = (path: string | undefined) => (path?.startsWith("/") ? path : undefined);
  return join(
    absolute(env[variable]) ??
      join(absolute(env.HOME) ?? builtin<typeof import("node:os")>("node:os").homedir(), fallback),
    "sysdiag",
  );
}

/** `$XDG_DATA_HOME/sysdiag`, by default `~/.local/share/sysdiag`: where `add` and `edit` write. */
export const userDataDir = (env: Env) => xdgDir(env, "XDG_DATA_HOME", ".local/share");

/** `$XDG_CACHE_HOME/sysdiag`, by default `~/.cache/sysdiag`: compiled catalogs, safe to delete. */
export const userCacheDir = (env: Env) => xdgDir(env, "XDG_CACHE_HOME", ".cache");

/**
 * The nearest `.sysdiag` directory from `cwd` up. As git does with a repository
 * another user owns, one that is neither yours nor root's, or that anyone may write
 * to (a `/tmp/.sysdiag`), is not trusted: it is passed over.
 */
export function projectDir(cwd: string): string | undefined {
  const uid = process.getuid?.();
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, ".sysdiag");
    try {
      // One stat a level: this walk runs before every command.
      const stat = statSync(candidate, { throwIfNoEntry: false });
      if (stat) {
        const trusted =
          (uid === undefined || stat.uid === uid || stat.uid === 0) && (stat.mode & 0o002) === 0;
        if (stat.isDirectory() && trusted) return candidate;
      }
    } catch {
      // Unreadable: as if it were not there.
    }
    if (dirname(dir) === dir) return undefined;
  }
}

export function places(options: {
  catalogs: readonly string[];
  env: Env;
  cwd: string;
  builtIn: string;
}): Place[] {
  const { catalogs, env, cwd, builtIn } = options;
  const out: Place[] = catalogs.map((path) => ({ path: resolve(cwd, path), origin: "--catalog" }));
  for (const path of (env.SYSDIAG_PATH ?? "").split(":")) {
    if (path !== "") out.push({ path: resolve(cwd, path), origin: "SYSDIAG_PATH" });
  }
  const project = projectDir(cwd);
  if (project) out.push({ path: project, origin: "project" });
  out.push({ path: userDataDir(env), origin: "user" });
  out.push({ path: builtIn, origin: "built-in" });
  return out;
}

const MARKDOWN = new Set([".md", ".markdown", ".txt"]);

/** Whether a file of a directory source is read: Markdown and JSON, not hidden. */
export function isSourceName(name: string): boolean {
  return (
    !name.startsWith(".") && (MARKDOWN.has(extname(name).toLowerCase()) || name.endsWith(".json"))
  );
}

/** What one place gave when the catalog was read. */
export interface SourceReport {
  path: string;
  origin: Origin;
  /** Whether the place exists (the user's and the project's may well not). */
  present: boolean;
  /** Diagrams it gave, before any was hidden by a higher source. */
  diagrams: number;
  /** `file:line: what is wrong`, each once. */
  problems: string[];
}
