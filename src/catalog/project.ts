import { chmodSync, existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { IoError, UsageError } from "../core/errors.js";
import { errnoWords, makeDirectory, writeFileAtomic } from "../core/io.js";
import { projectDir } from "./sources.js";

/**
 * A team's catalog: `.sysdiag/` at the root of a repository, committed with it and
 * read by everyone working in it (see sources.ts for when it is read).
 */

/** The README `init` writes: not a source (no extension), so its example is not a diagram. */
const PROJECT_README = "README";

const README_TEXT = `This directory is a sysdiag catalog: the diagrams of this project, read by
\`sysdiag\` (show, list, search, lint, ...) for anyone working here, above their own
diagrams and the built-in ones. Commit it with the project.

Each .md file holds diagrams: a heading titles the fenced (or indented) drawing under
it, the ## heading above a ### title is its category, and an optional comment just
above the drawing gives its facts:

    ## Caching

    ### Write-Behind Cache
    <!-- sysdiag
    id: write-behind
    aliases: lazy write
    tags: Redis, Kafka
    summary: Writes land in the cache; a queue drains them to the database.
    related: write-back, cache-aside
    -->
    \`\`\`text
    (the drawing)
    \`\`\`

  sysdiag add --project design.md   copies a document's drawings here, one file each
  sysdiag lint .sysdiag/            checks every drawing here (in CI, too)
  sysdiag paths                     shows every place diagrams are read from

sysdiag reads this directory only when it is yours and neither its group nor others
may write to it (chmod go-w .sysdiag). The full format: docs/your-diagrams.md of
sysdiag, or \`sysdiag help add\`.
`;

/**
 * The root of the repository `cwd` is in (the nearest directory holding `.git`, a
 * directory or a worktree's file), found without running git; undefined outside one.
 */
export function repositoryRoot(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Makes `.sysdiag/` at `root` with its README, readable by all and writable only by
 * its owner whatever the umask (a group-writable one would be skipped when read).
 * Says whether it was made or was there; a README already there is kept.
 */
export function initProject(root: string): { dir: string; created: boolean } {
  const dir = join(root, ".sysdiag");
  const existed = existsSync(dir);
  if (existed && !statSync(dir).isDirectory()) {
    throw new IoError(`${dir} is there and is not a directory`);
  }
  try {
    makeDirectory(dir, 0o755);
    if (!existed) chmodSync(dir, 0o755);
  } catch (error) {
    throw new IoError(`cannot create ${dir}: ${errnoWords(error)}`);
  }
  const readme = join(dir, PROJECT_README);
  if (!existsSync(readme)) writeFileAtomic(readme, README_TEXT, false, 0o644);
  return { dir, created: !existed };
}

/** The project's `.sysdiag/` that `add --project` writes to: there, and read. */
export function projectTarget(cwd: string): string {
  const project = projectDir(cwd);
  if (!project) {
    throw new UsageError(
      "no .sysdiag/ here or in a parent directory; 'sysdiag init' makes one at the root of the repository",
    );
  }
  if (project.skipped) throw new IoError(project.skipped);
  return project.path;
}
