import { Buffer } from "node:buffer";
import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  type Stats,
  statfsSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { IoError } from "./errors.js";

/**
 * The one io module: reading files and standard input within limits, writing
 * standard output and files without ever leaving a torn file, and turning errno
 * codes into words. Messages quote paths raw: the CLI sanitizes every message.
 */

const ERRNO_WORDS: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory",
  ENOTDIR: "a part of the path is not a directory",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  EEXIST: "already exists",
  EMFILE: "too many open files",
  ENAMETOOLONG: "name too long",
  ELOOP: "too many symbolic links",
  EFBIG: "file too large",
  EIO: "input/output error",
  EPIPE: "the reader went away",
  EBADF: "not open",
};

/** `ENOSPC` -> "no space left on the device (ENOSPC)". */
export function errnoWords(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return (error as Error | undefined)?.message ?? String(error);
  return `${ERRNO_WORDS[code] ?? "error"} (${code})`;
}

export const errnoCode = (error: unknown): string | undefined =>
  (error as NodeJS.ErrnoException | undefined)?.code;

const kindOf = (stat: Stats): string =>
  stat.isDirectory()
    ? "a directory"
    : stat.isFIFO()
      ? "a FIFO"
      : stat.isSocket()
        ? "a socket"
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? "a device"
          : "not a regular file";

const megabytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

export interface ReadLimit {
  /** At most this many bytes are read; a longer input is refused, not cut. */
  limit: number;
  /** What the limit is for, in the refusal: "lint reads files up to 1 MB". */
  purpose: string;
}

/** How a file is opened to be read (see openFile). */
export interface OpenOptions {
  /** What the file is called in a refusal: "the catalog /x.json"; by default its path. */
  name?: string;
  /**
   * A file sysdiag wrote (a compiled store), not one a person names: not stat'ed before
   * it is opened (see openFile).
   */
  own?: boolean;
  /** false: a symbolic link is refused by the open itself (O_NOFOLLOW). */
  follow?: boolean;
}

/** A file open for reading, and what fstat said of it once open. */
export interface OpenedFile {
  fd: number;
  stat: Stats;
}

/**
 * The one way a file is opened to be read: never blocking (O_NONBLOCK: a FIFO or a
 * terminal put where a file was expected opens at once and is refused), and refused
 * unless the open descriptor is a regular file (fstat, so that the file checked is
 * the file read). A file a person names is also stat'ed before it is opened, as
 * opening a device can act on it (a tape rewinds, a watchdog arms). For sysdiag's own
 * files (`own`, opened at every start-up) the open and its fstat are the whole check:
 * only root can make a device node, and a link is refused (`follow` false) where none
 * belongs.
 */
export function openFile(
  path: string,
  { name = path, own = false, follow = true }: OpenOptions = {},
): OpenedFile {
  const refuse = (why: string): never => {
    throw new IoError(`cannot read ${name}: ${why}`);
  };
  if (!own) {
    let stat: Stats | undefined;
    try {
      stat = statSync(path);
    } catch (error) {
      refuse(errnoWords(error));
    }
    if (stat && !stat.isFile()) refuse(`it is ${kindOf(stat)}`);
  }
  let fd = -1;
  try {
    fd = openSync(
      path,
      constants.O_RDONLY | constants.O_NONBLOCK | (follow ? 0 : constants.O_NOFOLLOW),
    );
  } catch (error) {
    refuse(!follow && errnoCode(error) === "ELOOP" ? "it is a symbolic link" : errnoWords(error));
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) refuse(`it is ${kindOf(stat)}`);
    return { fd, stat };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * A regular file's bytes (opened by openFile), refused by the bytes actually read,
 * not only by what `fstat` says, when it is over the limit.
 */
export function readFileBytes(
  path: string,
  { limit, purpose }: ReadLimit,
  options: OpenOptions = {},
): Uint8Array {
  const name = options.name ?? path;
  const { fd, stat } = openFile(path, options);
  try {
    if (stat.size > limit) throw new IoError(`${name} is ${megabytes(stat.size)}; ${purpose}`);
    return readAll(fd, limit, () => `${name} is over ${megabytes(limit)}; ${purpose}`, name);
  } finally {
    closeSync(fd);
  }
}

function readAll(fd: number, limit: number, tooBig: () => string, name: string): Uint8Array {
  const buffer = Buffer.allocUnsafe(Math.min(limit + 1, 64 * 1024));
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      if (errnoCode(error) === "EAGAIN") {
        waitBriefly();
        continue;
      }
      throw new IoError(`cannot read ${name}: ${errnoWords(error)}`);
    }
    if (n === 0) break;
    total += n;
    if (total > limit) throw new IoError(tooBig());
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return Buffer.concat(chunks, total);
}

let sleeper: Int32Array | undefined;
/** A pipe with nothing in it yet: wait a moment rather than spin. */
const waitBriefly = () => {
  sleeper ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(sleeper, 0, 0, 5);
};

/**
 * Standard input, refused past the limit by the bytes actually read. Read as a
 * stream, so that the process stays responsive (Ctrl-C) while a pipe is quiet.
 */
export async function readStdinBytes({ limit, purpose }: ReadLimit): Promise<Uint8Array> {
  // Node reads a directory given as standard input (`< /`) as empty: it is said instead.
  let stat: Stats | undefined;
  try {
    stat = fstatSync(0);
  } catch {
    stat = undefined; // closed: read as Node gives it (empty)
  }
  if (stat?.isDirectory()) throw new IoError("cannot read standard input: it is a directory");
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of process.stdin) {
      total += (chunk as Buffer).length;
      if (total > limit) {
        process.stdin.destroy();
        throw new IoError(`standard input is over ${megabytes(limit)}; ${purpose}`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof IoError) throw error;
    throw new IoError(`cannot read standard input: ${errnoWords(error)}`);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Standard input a line at a time, as it comes (a person types, or a script answers
 * after reading the question): without the line's end, a line past `limit` bytes refused.
 */
export async function* readStdinLines({ limit, purpose }: ReadLimit): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  try {
    for await (const chunk of process.stdin) {
      pending += decoder.decode(chunk as Buffer, { stream: true });
      for (let end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n")) {
        yield pending.slice(0, end).replace(/\r$/, "");
        pending = pending.slice(end + 1);
      }
      if (Buffer.byteLength(pending) > limit) {
        process.stdin.destroy();
        throw new IoError(`a line of standard input is over ${limit} bytes; ${purpose}`);
      }
    }
  } catch (error) {
    if (error instanceof IoError) throw error;
    throw new IoError(`cannot read standard input: ${errnoWords(error)}`);
  }
  pending += decoder.decode();
  if (pending !== "") yield pending;
}

/** Decodes UTF-8, throwing on bytes that are not. */
export interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}

let strict: Utf8Decoder | undefined;
/** A fatal TextDecoder: a TypeError on bytes that are not UTF-8, a leading byte-order mark dropped. */
export const strictUtf8 = (): Utf8Decoder => (strict ??= new TextDecoder("utf-8", { fatal: true }));

/** Bytes as text: UTF-8 or refused, a byte-order mark dropped, NUL taken for a binary file. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0)) throw new IoError(`${name} is a binary file, not text`);
  try {
    return strictUtf8()
      .decode(bytes)
      .replace(/^\uFEFF/, "");
  } catch {
    throw new IoError(`${name} is not UTF-8 text`);
  }
}

/** The text of a file, within a limit. */
export function readText(path: string, limit: ReadLimit, options: OpenOptions = {}): string {
  return decodeText(readFileBytes(path, limit, options), options.name ?? path);
}

/**
 * Writes a file so that it is never seen half-written: the text goes to a
 * temporary file beside it, is flushed, and then takes the name in one step. Without
 * `force` an existing file is left alone (the name is taken with link(), which
 * fails rather than replace). A full disk or a read-only directory leaves no trace.
 * A replaced file keeps its permissions unless `mode` says what they are to be.
 */
export function writeFileAtomic(
  path: string,
  text: string | Uint8Array,
  force: boolean,
  mode?: number,
): void {
  writeFilesAtomic([{ path, text, force, ...(mode === undefined ? {} : { mode }) }]);
}

/** One file of `writeFilesAtomic`. */
export interface FileWrite {
  path: string;
  text: string | Uint8Array;
  /** Replace a file that is there (else an existing file is an error). */
  force: boolean;
  /** The file's permissions; by default a replaced file keeps its own, a new one is 0644. */
  mode?: number;
}

/** A file's new text, flushed to a temporary file beside it; the old one, if any, kept by a second link. */
interface Staged {
  write: FileWrite;
  temp: string;
  /** A second name of the file being replaced, to put it back with. */
  backup?: string;
  committed: boolean;
}

/**
 * Writes several files all or nothing: every text is first written and flushed
 * beside its file (where a full disk is met), and only then do the files take
 * their names, renames that need no room. Should one fail, the ones already
 * done are put back as they were. The error names the file that failed.
 */
export function writeFilesAtomic(
  writes: readonly FileWrite[],
  /** Called before each step: a long batch's holder of a lock says it lives. */
  each: () => void = () => {},
): void {
  const staged: Staged[] = [];
  try {
    for (const write of writes) {
      each();
      staged.push(stage(write));
    }
    for (const one of staged) {
      each();
      commit(one);
      one.committed = true;
    }
  } catch (error) {
    const stuck = undo(staged);
    if (stuck.length > 0 && error instanceof IoError) {
      throw new IoError(
        `${error.message}; and ${stuck.length === 1 ? "this file" : "these files"} could not be put back: ${stuck.join(", ")}`,
      );
    }
    throw error;
  } finally {
    for (const one of staged) {
      removeQuietly(one.temp);
      if (one.backup) removeQuietly(one.backup);
    }
  }
}

const removeQuietly = (path: string) => {
  try {
    unlinkSync(path);
  } catch {
    // Renamed away, or never made.
  }
};

/** Puts back what the committed writes changed; the paths that could not be. */
function undo(staged: readonly Staged[]): string[] {
  const stuck: string[] = [];
  for (const one of [...staged].reverse()) {
    if (!one.committed) continue;
    try {
      if (one.backup) renameSync(one.backup, one.write.path);
      else unlinkSync(one.write.path);
    } catch {
      stuck.push(one.write.path);
    }
  }
  return stuck;
}

/** The checks made before a file is written: what is at its path now, and its mode. */
function targetMode({ path, force }: FileWrite): { mode: number; exists: boolean } {
  const dir = dirname(path);
  let dirStat: Stats;
  try {
    dirStat = statSync(dir);
  } catch (error) {
    if (errnoCode(error) === "ENOENT")
      throw new IoError(`cannot write ${path}: the directory ${dir} does not exist`);
    throw new IoError(`cannot write ${path}: ${errnoWords(error)}`);
  }
  if (!dirStat.isDirectory()) throw new IoError(`cannot write ${path}: ${dir} is not a directory`);
  let target: Stats;
  try {
    // lstat: a link, a FIFO or a device is not a file to be replaced by one, even with --force.
    target = lstatSync(path);
  } catch {
    return { mode: 0o644, exists: false };
  }
  if (target.isDirectory()) throw new IoError(`cannot write ${path}: it is a directory`);
  if (!target.isFile()) {
    throw new IoError(
      `cannot write ${path}: it is ${target.isSymbolicLink() ? "a symbolic link" : kindOf(target)}, not a file to replace`,
    );
  }
  if (!force) throw new IoError(`${path} exists; add --force to overwrite it`);
  // A replaced file keeps its permissions: a private file stays private.
  return { mode: target.mode & 0o7777, exists: true };
}

function stage(write: FileWrite): Staged {
  const { path, text } = write;
  const { mode, exists } = targetMode(write);
  const dir = dirname(path);
  const prefix = `.${basename(path)}.`;
  sweepTemporaries(dir, prefix);
  const name = () =>
    join(dir, `${prefix}${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  const staged: Staged = { write, temp: name(), committed: false };
  let fd: number | undefined;
  try {
    fd = openSync(staged.temp, "wx", 0o600);
    fchmodSync(fd, write.mode ?? mode);
    const bytes = typeof text === "string" ? Buffer.from(text) : text;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    removeQuietly(staged.temp);
    throw new IoError(`cannot write ${path}: ${errnoWords(error)}`);
  }
  if (exists) {
    // Named like a temporary file, so that one left by a process killed here is swept.
    const backup = name();
    try {
      linkSync(path, backup);
      staged.backup = backup;
    } catch (error) {
      // A file system without hard links: the file is replaced without a way back.
      if (errnoCode(error) !== "EPERM" && errnoCode(error) !== "ENOTSUP") {
        removeQuietly(staged.temp);
        throw new IoError(`cannot write ${path}: ${errnoWords(error)}`);
      }
    }
  }
  return staged;
}

function commit({ write, temp }: Staged): void {
  const { path, force } = write;
  try {
    if (force) renameSync(temp, path);
    else {
      try {
        linkSync(temp, path);
      } catch (error) {
        // A file system without hard links: the check before stands in for link()'s.
        if (errnoCode(error) === "EPERM" || errnoCode(error) === "ENOTSUP") renameSync(temp, path);
        else throw error;
      }
    }
  } catch (error) {
    if (errnoCode(error) === "EEXIST")
      throw new IoError(`${path} exists; add --force to overwrite it`);
    throw new IoError(`cannot write ${path}: ${errnoWords(error)}`);
  }
}

/**
 * Each directory's leftover temporaries, by the prefix of the file they were for: listed
 * once per process, since an `add` of a thousand diagrams writes a thousand files into
 * one directory (and listing it for each made that quadratic). One left by a process
 * that ends while this one runs is swept by the next process to write that file.
 */
const leftovers = new Map<string, Map<string, string[]>>();

function leftoversIn(dir: string): Map<string, string[]> {
  let byPrefix = leftovers.get(dir);
  if (byPrefix) return byPrefix;
  byPrefix = new Map();
  leftovers.set(dir, byPrefix);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return byPrefix;
  }
  for (const name of names) {
    // `.<name>.<pid>.<random>.tmp`, as writeFileAtomic names them.
    const prefix = /^(\..+\.)\d+\.[a-z0-9]+\.tmp$/.exec(name)?.[1];
    if (prefix === undefined) continue;
    const list = byPrefix.get(prefix);
    if (list) list.push(name);
    else byPrefix.set(prefix, [name]);
  }
  return byPrefix;
}

/**
 * Removes what an earlier write of the same file left when its process was ended
 * mid-write (Ctrl-C ends sysdiag at once, with no clean-up): a temporary file
 * whose process is gone. A live process's (another sysdiag writing now) is left.
 */
function sweepTemporaries(dir: string, prefix: string): void {
  const byPrefix = leftoversIn(dir);
  const names = byPrefix.get(prefix);
  if (!names) return;
  byPrefix.delete(prefix);
  for (const name of names) {
    const pid = Number(/^(\d+)\.[a-z0-9]+\.tmp$/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
      continue; // alive (or another user's, which says EPERM below)
    } catch (error) {
      if (errnoCode(error) !== "ESRCH") continue;
    }
    try {
      unlinkSync(join(dir, name));
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

/**
 * A directory and the ones above it that are missing. Not `mkdirSync`'s `recursive`,
 * which on Node 20 loops for ever where a directory exists but cannot hold one
 * (`/proc/self`): each directory is tried once more after its parent, and that error is
 * the answer. Another process making the same directories meanwhile (two `add`s at
 * once, on a first run) is no error. `mode` (less the umask) is the last directory's.
 */
export function makeDirectory(dir: string, mode = 0o777): void {
  try {
    mkdirSync(dir, { mode });
    return;
  } catch (error) {
    const code = errnoCode(error);
    if (code === "EEXIST") return;
    const parent = dirname(dir);
    if (code !== "ENOENT" || parent === dir) throw error;
    makeDirectory(parent);
  }
  try {
    mkdirSync(dir, { mode });
  } catch (error) {
    if (errnoCode(error) !== "EEXIST") throw error;
  }
}

/**
 * Whether the file system holding `path` is full for this user (its last write there
 * may have been cut short): no block left (root may use the reserved ones), or no
 * inode. Unknown (an unreadable path, a file system that does not say) is not full.
 */
export function diskFull(path: string): boolean {
  try {
    const { bavail, bfree, files, ffree } = statfsSync(path);
    const blocks = process.getuid?.() === 0 ? bfree : bavail;
    return blocks === 0 || (files > 0 && ffree === 0);
  } catch {
    return false;
  }
}

/** Thrown when standard output's reader has gone (`sysdiag list | head -1`): not an error. */
export class ClosedPipe extends Error {}

/**
 * Writes to a file descriptor synchronously: no stream is set up (that costs a
 * `show` more than its catalog), and output is complete before the process exits.
 */
export function writeFd(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(fd, bytes, written);
    } catch (error) {
      const code = errnoCode(error);
      if (code === "EAGAIN") {
        waitBriefly();
        continue;
      }
      if (code === "EPIPE") throw new ClosedPipe();
      throw new IoError(
        `cannot write to standard ${fd === 2 ? "error" : "output"}: ${errnoWords(error)}`,
      );
    }
  }
}
