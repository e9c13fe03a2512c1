import { readdirSync, type Stats, statSync } from "node:fs";
import { join } from "node:path";
import { IoError } from "../core/errors.js";
import { errnoWords } from "../core/io.js";
import { LIMITS } from "../core/limits.js";
import { isSourceName, type Place } from "./sources.js";

/** Files read from one directory source; the rest are reported and skipped. */
const MAX_FILES = LIMITS.filesPerDirectory;

/** A source file as `stat` saw it before it was read: what a compiled store is keyed by. */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
  /** Changed by any write and by setting the times back, which mtime alone would miss. */
  ctimeMs: number;
  ino: number;
}

/** A place looked at, not yet read: whether it is there, and its files. */
export interface Scan {
  place: Place;
  present: boolean;
  files: FileStamp[];
  problems: string[];
}

/** The files of a directory source, in name order. */
function filesOf(dir: string, problems: string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    problems.push(`${dir}: cannot read the directory: ${errnoWords(error)}`);
    return [];
  }
  const files = names.filter(isSourceName);
  if (files.length > MAX_FILES) {
    problems.push(`${dir}: holds ${files.length} files; only the first ${MAX_FILES} are read`);
  }
  return files.slice(0, MAX_FILES).map((name) => join(dir, name));
}

export const stampOf = (path: string, stat?: Stats): FileStamp => {
  try {
    const { size, mtimeMs, ctimeMs, ino } = stat ?? statSync(path);
    return { path, size, mtimeMs, ctimeMs, ino };
  } catch {
    // Gone, or a dangling link: reading it reports why.
    return { path, size: -1, mtimeMs: -1, ctimeMs: -1, ino: -1 };
  }
};

/** A place's files and their stamps, without reading them. */
export function scanPlace(place: Place): Scan {
  if (place.skipped) return { place, present: false, files: [], problems: [place.skipped] };
  let stat: Stats;
  try {
    stat = statSync(place.path);
  } catch (error) {
    const quiet = place.origin === "user" || place.origin === "project";
    const problems = quiet ? [] : [`${place.path}: ${errnoWords(error)}`];
    return { place, present: false, files: [], problems };
  }
  if (!stat.isDirectory()) {
    return { place, present: true, files: [stampOf(place.path, stat)], problems: [] };
  }
  const problems: string[] = [];
  const files = filesOf(place.path, problems).map((path) => stampOf(path));
  return { place, present: true, files, problems };
}

/**
 * The Markdown and text files of a directory that `lint DIR` checks, in name order:
 * the files a directory source would read, but for JSON.
 */
export function filesToLint(dir: string): string[] {
  const problems: string[] = [];
  const files = filesOf(dir, problems).filter((path) => !path.endsWith(".json"));
  if (problems.length > 0 && files.length === 0) throw new IoError(problems[0] as string);
  return files.filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile() === true);
}
