import { accessSync, constants, readdirSync, unlinkSync } from "node:fs";
import { basename, resolve, sep } from "node:path";
import { IoError, UsageError } from "../core/errors.js";
import { errnoWords, type FileWrite, makeDirectory, writeFilesAtomic } from "../core/io.js";
import { LIMITS, thousands } from "../core/limits.js";
import { KEBAB } from "../core/names.js";
import { type HeldLock, holdingLock } from "./lock.js";
import { isSourceName } from "./sources.js";

/**
 * The user's data directory is the one place sysdiag writes diagrams: one
 * Markdown file a diagram, named by its id. Every change is made under a lock on
 * the directory (two `add`s at once both land) and every file is written whole
 * (a temporary file renamed over it), so an interrupted change leaves each
 * diagram as it was or as it was meant to be, never torn.
 */

/** Names Windows reserves, refused everywhere so that a data directory can be synced anywhere. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** The file of a diagram id, refused when the id could name anything outside the directory. */
export function fileFor(dir: string, id: string): string {
  if (!KEBAB.test(id) || id.length > LIMITS.idChars || RESERVED.test(id)) {
    throw new UsageError(
      `'${id}' cannot be a diagram id: use a-z, 0-9 and single dashes, at most 64, not a reserved name`,
    );
  }
  const file = resolve(dir, `${id}.md`);
  if (!file.startsWith(resolve(dir) + sep)) throw new UsageError(`'${id}' cannot be a diagram id`);
  return file;
}

function ensureDir(dir: string): void {
  try {
    makeDirectory(dir);
  } catch (error) {
    throw new IoError(`cannot create the data directory ${dir}: ${errnoWords(error)}`);
  }
  try {
    // Said at once, rather than after the lock has retried for a while.
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new IoError(`cannot write to the data directory ${dir}: ${errnoWords(error)}`);
  }
}

/** Runs `change` holding the data directory's lock (see lock.ts); waits a while for another holder. */
export async function withLock<T>(
  dir: string,
  change: (lock: HeldLock) => T | Promise<T>,
): Promise<T> {
  ensureDir(dir);
  return holdingLock(dir, change);
}

/**
 * Refuses files that would take the directory past the files read from one directory
 * source: what was added past it could never be found. `shown` is how it is named.
 */
export function checkRoom(dir: string, files: readonly string[], shown: string): void {
  const present = new Set(readdirSync(dir).filter(isSourceName));
  const total = present.size + files.filter((f) => !present.has(basename(f))).length;
  if (total > LIMITS.filesPerDirectory) {
    throw new IoError(
      `the data directory ${shown} would hold ${thousands(total)} files; sysdiag reads up to ${thousands(LIMITS.filesPerDirectory)} from one directory, so nothing was added`,
    );
  }
}

export function writeDiagramFile(file: string, text: string, replace: boolean): void {
  writeDiagramFiles([{ path: file, text, force: replace }]);
}

/**
 * Writes diagram files all or nothing (see writeFilesAtomic): a full disk half-way
 * through an `add` leaves the directory as it was, and the error says so.
 */
export function writeDiagramFiles(writes: readonly FileWrite[], each?: () => void): void {
  try {
    writeFilesAtomic(writes, each);
  } catch (error) {
    if (!(error instanceof IoError)) throw error;
    const message = error.message.replace(
      / exists; add --force to overwrite it$/,
      " exists; add --replace to replace it",
    );
    if (writes.length < 2 || /could not be put back/.test(message)) throw new IoError(message);
    throw new IoError(`${message}; nothing was added`);
  }
}

export function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    throw new IoError(`cannot remove ${file}: ${errnoWords(error)}`);
  }
}
