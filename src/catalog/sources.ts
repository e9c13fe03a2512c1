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
  /** Why a place found is not read (a `.sysdiag/` that others may write to): said as its problem. */
  skipped?: string;
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

/** `$XDG_STATE_HOME/sysdiag`, by default `~/.local/state/sysdiag`: what `study` remembers. */
export const userStateDir = (env: Env) => xdgDir(env, "XDG_STATE_HOME", ".local/state");

/** `$XDG_CACHE_HOME/sysdiag`, by default `~/.cache/sysdiag`: compiled catalogs, safe to delete. */
export const userCacheDir = (env: Env) => xdgDir(env, "XDG_CACHE_HOME", ".cache");

/**
 * The nearest `.sysdiag` directory from `cwd` up. It is read only when it is yours
 * (or root's) and only its owner may write to it: a directory that others may
 * write to, or that another user owns, is what anyone who can put a file there
 * would make you read (a `/tmp/.sysdiag`, a shared checkout), as git refuses such a
 * repository. That one is skipped, with the reason (`skipped`), said once a run as a
 * problem of the place, and no `.sysdiag` further up stands in for it. A place named
 * on purpose (--catalog, SYSDIAG_PATH) is read whoever may write to it.
 */
function projectDir(cwd: string): { path: string; skipped?: string } | undefined {
  const uid = process.getuid?.();
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, ".sysdiag");
    try {
      // One stat a level: this walk runs before every command.
      const stat = statSync(candidate, { throwIfNoEntry: false });
      if (stat?.isDirectory()) {
        const why =
          uid !== undefined && stat.uid !== uid && stat.uid !== 0
            ? `it belongs to another user (uid ${stat.uid})`
            : (stat.mode & 0o002) !== 0
              ? "anyone may write to it"
              : (stat.mode & 0o020) !== 0
                ? "its group may write to it"
                : undefined;
        if (why === undefined) return { path: candidate };
        return {
          path: candidate,
          skipped: `${candidate}: skipped, as ${why}; sysdiag reads a .sysdiag/ that is yours and only you may write to (chmod go-w), or one named with --catalog`,
        };
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
  if (project)
    out.push({
      path: project.path,
      origin: "project",
      ...(project.skipped ? { skipped: project.skipped } : {}),
    });
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
