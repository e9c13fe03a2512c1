import { accessSync, constants, lstatSync, readdirSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { IoError } from "../core/errors.js";
import { makeDirectory } from "../core/io.js";
import { LIMITS } from "../core/limits.js";
import { whyNotTrusted } from "./trusted-place.js";

/**
 * The cache directory of compiled catalogs (`$XDG_CACHE_HOME/sysdiag`), made and
 * checked before a store is written into it, and kept to the stores last used.
 */

/** A store's file name in the cache: one a set of sources (open-catalog.ts names them). */
const STORE_NAME = /^catalog-[0-9a-f]{16}\.store$/;

/**
 * Makes the cache directory (private: 0700) if it is missing, and returns why it is
 * not to be written to, if it is not: another user's, or one others may write to
 * (the rule of a project's `.sysdiag/`, whyNotTrusted), or not writable. Throws the
 * error of a directory that cannot be made.
 */
export function cacheProblem(dir: string): string | undefined {
  makeDirectory(dir, 0o700);
  const stat = statSync(dir);
  if (!stat.isDirectory()) throw new IoError(`${dir}: not a directory`);
  const why = whyNotTrusted(stat);
  if (why !== undefined) {
    return `${dir}: skipped, as ${why}; sysdiag keeps compiled catalogs in a directory that is yours and only you may write to (chmod go-w, or set XDG_CACHE_HOME)`;
  }
  accessSync(dir, constants.W_OK);
  return undefined;
}

/**
 * What is at a store's path when it is not a file (a FIFO, a link to a terminal, a
 * socket): removed, so that the store can take its place. Never a directory, which
 * is not sysdiag's to empty; the write then says why it cannot.
 */
export function clearNonFile(path: string): void {
  try {
    const stat = lstatSync(path);
    if (!stat.isFile() && !stat.isDirectory()) unlinkSync(path);
  } catch {
    // Not there, or not removable: the write says so.
  }
}

/**
 * Removes all but the LIMITS.cachedStores stores last used (read or written: the
 * later of their access and modification times), `kept` (just written) always among
 * them. Safe while other processes use the cache: a store being read stays readable
 * through its open descriptor, one removed just before another process opens it is
 * rebuilt by that process, and temporary files (dot-named) are never touched here.
 */
export function evictStores(dir: string, kept: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const others: Array<{ path: string; used: number }> = [];
  for (const name of names) {
    const path = join(dir, name);
    if (!STORE_NAME.test(name) || path === kept) continue;
    try {
      const stat = lstatSync(path);
      if (stat.isFile()) others.push({ path, used: Math.max(stat.atimeMs, stat.mtimeMs) });
    } catch {
      // Removed meanwhile by another process.
    }
  }
  others.sort((a, b) => b.used - a.used);
  for (const { path } of others.slice(LIMITS.cachedStores - 1)) {
    try {
      unlinkSync(path);
    } catch {
      // Removed meanwhile, or not ours to remove.
    }
  }
}
