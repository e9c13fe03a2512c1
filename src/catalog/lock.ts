import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  rmdirSync,
  type Stats,
  unlinkSync,
  utimesSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { IoError } from "../core/errors.js";
import { errnoCode, errnoWords } from "../core/io.js";

/**
 * The data directory's lock: a file, `.lock`, made with O_EXCL and holding its
 * holder's pid and host. It cannot go stale while its holder lives, however long a
 * synchronous step of the change takes (an `add` of 10,000 diagrams writes for
 * seconds without yielding to a timer, so a lock refreshed by a timer went stale
 * under it). It is taken over when the holder is gone (its pid is no process on
 * this host), or when the holder has not said it lives for STALE_MS: a holder on
 * another host, or stopped (Ctrl-Z), or a pid reused after a reboot. The holder
 * says so between its writes, and checks there that the lock is still its own,
 * so that one taken over stops before its next write instead of writing on.
 */

/** How long a holder may go without a sign of life before its lock is taken over. */
export const STALE_MS = 30_000;
/** A sign of life at most this often: a utimes() per written file would cost an add. */
const BEAT_MS = 1_000;
/** How long a change waits for another holder before saying the directory is busy. */
const WAIT_MS = 60_000;
/** An older sysdiag's lock (proper-lockfile's directory), refreshed every second while held. */
const OLD_LOCK_STALE_MS = 10_000;

/** A lock held: `keep()` between the steps of a long change. */
export interface HeldLock {
  /** Says the holder lives; throws an IoError when the lock is no longer this process's. */
  keep(): void;
}

/** Whether a process of this host with that pid runs (another user's counts). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) !== "ESRCH";
  }
}

/** `pid host`, as the holder wrote it; undefined while it is being written or when it is not that. */
function ownerOf(path: string): { pid: number; host: string } | undefined {
  let text: string;
  try {
    // Not followed, and not waited on: a link or a FIFO planted there is no holder.
    const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const buffer = Buffer.alloc(512);
      text = buffer.toString("utf8", 0, readSync(fd, buffer, 0, buffer.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const match = /^(\d+) (\S+)\n$/.exec(text);
  if (!match) return undefined;
  return { pid: Number(match[1]), host: match[2] as string };
}

/** Whether the lock at `path`, as `stat` saw it, is left by a holder that is gone. */
export function isStale(path: string, stat: Stats, now = Date.now()): boolean {
  const quiet = now - stat.mtimeMs;
  if (stat.isDirectory()) return quiet > OLD_LOCK_STALE_MS;
  if (quiet > STALE_MS) return true;
  const owner = ownerOf(path);
  return owner !== undefined && owner.host === hostname() && !alive(owner.pid);
}

/** Removes a stale lock, unless it was replaced since it was judged (by a new holder). */
function removeStale(path: string, judged: Stats): void {
  try {
    const now = lstatSync(path);
    if (now.ino !== judged.ino || now.mtimeMs !== judged.mtimeMs) return;
    if (now.isDirectory()) rmdirSync(path);
    else unlinkSync(path);
  } catch {
    // Gone already: taken over by another waiter, or released.
  }
}

/** The lock made, or undefined when another holds it. */
function tryLock(path: string): number | undefined {
  let fd: number;
  try {
    fd = openSync(
      path,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      0o600,
    );
  } catch (error) {
    if (errnoCode(error) === "EEXIST") return undefined;
    throw error;
  }
  try {
    writeSync(fd, `${process.pid} ${hostname()}\n`);
    return fstatSync(fd).ino;
  } catch (error) {
    unlinkSync(path);
    throw error;
  } finally {
    closeSync(fd);
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Takes the lock of `dir`, waiting a while for another holder; runs `change`; releases it. */
export async function holdingLock<T>(
  dir: string,
  change: (lock: HeldLock) => T | Promise<T>,
  /** What the directory is, in messages. */
  what = "the data directory",
): Promise<T> {
  const path = join(dir, ".lock");
  const started = Date.now();
  let ino: number | undefined;
  for (let pause = 20; ino === undefined; pause = Math.min(pause * 1.5, 250)) {
    try {
      ino = tryLock(path);
    } catch (error) {
      throw new IoError(`cannot lock ${what} ${dir}: ${errnoWords(error)}`);
    }
    if (ino !== undefined) break;
    let stat: Stats | undefined;
    try {
      stat = lstatSync(path);
    } catch {
      continue; // released meanwhile: try again at once
    }
    if (isStale(path, stat)) {
      removeStale(path, stat);
      continue;
    }
    if (Date.now() - started > WAIT_MS) {
      throw new IoError(`${what} ${dir} is busy (another sysdiag is changing it)`);
    }
    await sleep(pause);
  }
  const mine = ino;
  let beat = Date.now();
  const lock: HeldLock = {
    keep() {
      let stat: Stats | undefined;
      try {
        stat = lstatSync(path);
      } catch {
        stat = undefined;
      }
      if (stat?.ino !== mine) {
        throw new IoError(
          `the lock on ${what} ${dir} was taken over (was this sysdiag stopped for over ${STALE_MS / 1000} s?)`,
        );
      }
      const now = Date.now();
      if (now - beat < BEAT_MS) return;
      beat = now;
      try {
        utimesSync(path, now / 1000, now / 1000);
      } catch {
        // Checked again at the next step.
      }
    },
  };
  try {
    return await change(lock);
  } finally {
    try {
      if (lstatSync(path).ino === mine) unlinkSync(path);
    } catch {
      // Gone: taken over after all.
    }
  }
}
