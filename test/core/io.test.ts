import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { decodeText, diskFull, makeDirectory, writeFileAtomic } from "../../src/core/io.js";
import { deadPid } from "../helpers.js";

/**
 * Directory listings made through node:fs, counted, and what statfs says when a test
 * sets it (the module is the real one otherwise).
 */
const listings = vi.hoisted(() => ({ count: 0 }));
const statfs = vi.hoisted(() => ({ says: undefined as object | undefined }));
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const readdirSync = ((...args: Parameters<typeof fs.readdirSync>) => {
    listings.count++;
    return fs.readdirSync(...args);
  }) as typeof fs.readdirSync;
  const statfsSync = ((...args: Parameters<typeof fs.statfsSync>) =>
    statfs.says ?? fs.statfsSync(...args)) as typeof fs.statfsSync;
  return {
    ...fs,
    default: { ...fs, readdirSync, statfsSync },
    readdirSync,
    statfsSync,
  };
});

const dir = () => mkdtempSync(join(tmpdir(), "sysdiag-io-"));

describe("writeFileAtomic", () => {
  it("removes what a write ended mid-way left, and only that", () => {
    const where = dir();
    const dead = join(where, `.out.txt.${deadPid()}.abc123.tmp`);
    // A write going on now (this process's parent stands in for one), and another file's.
    const live = join(where, `.out.txt.${process.ppid}.def456.tmp`);
    const other = join(where, `.other.txt.${deadPid()}.ghi789.tmp`);
    for (const file of [dead, live, other]) writeFileSync(file, "partial");
    writeFileAtomic(join(where, "out.txt"), "whole", false);
    expect(readFileSync(join(where, "out.txt"), "utf8")).toBe("whole");
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect(readdirSync(where).sort()).toEqual(
      [other, live, join(where, "out.txt")].map((p) => p.slice(where.length + 1)).sort(),
    );
  });
});

describe("writeFileAtomic, many files into one directory", () => {
  it("lists the directory once, and still sweeps what was left for each file", () => {
    const where = dir();
    const stale = join(where, `.f199.txt.${deadPid()}.abc123.tmp`);
    writeFileSync(stale, "partial");
    const before = listings.count;
    for (let i = 0; i < 200; i++) writeFileAtomic(join(where, `f${i}.txt`), `${i}`, false);
    expect(listings.count - before).toBe(1);
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(where)).toHaveLength(200);
    expect(readFileSync(join(where, "f199.txt"), "utf8")).toBe("199");
  });
});

describe("diskFull: whether a write there may have been cut short", () => {
  const room = { bavail: 10, bfree: 20, files: 100, ffree: 50 };
  it.each([
    ["room left", 1000, room, false],
    ["no block left for a user", 1000, { ...room, bavail: 0 }, true],
    ["the reserved blocks left, for root", 0, { ...room, bavail: 0 }, false],
    ["no block left at all, for root", 0, { ...room, bavail: 0, bfree: 0 }, true],
    ["no inode left", 1000, { ...room, ffree: 0 }, true],
    ["a file system that counts no inodes (btrfs)", 1000, { ...room, files: 0, ffree: 0 }, false],
  ])("%s", (_what, uid, says, full) => {
    statfs.says = says;
    const getuid = vi.spyOn(process, "getuid").mockReturnValue(uid);
    try {
      expect(diskFull(tmpdir())).toBe(full);
    } finally {
      statfs.says = undefined;
      getuid.mockRestore();
    }
  });

  it("a path that cannot be asked about is not full", () => {
    expect(diskFull(join(dir(), "missing", "file"))).toBe(false);
  });
});

describe("makeDirectory", () => {
  it("makes a directory and the missing ones above it, and takes one that exists", () => {
    const where = dir();
    makeDirectory(join(where, "a", "b", "c"));
    expect(existsSync(join(where, "a", "b", "c"))).toBe(true);
    makeDirectory(join(where, "a", "b", "c"));
    mkdirSync(join(where, "d"));
    makeDirectory(join(where, "d"));
  });

  it("says why where a directory cannot be made, rather than looping (/proc)", () => {
    expect(() => makeDirectory("/proc/self/sysdiag/cache")).toThrow(/ENOENT/);
    const where = dir();
    writeFileSync(join(where, "file"), "");
    expect(() => makeDirectory(join(where, "file", "sub"))).toThrow(/ENOTDIR/);
  });
});

describe("decodeText", () => {
  it("refuses what is not UTF-8, and drops a byte-order mark", () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x78]), "f")).toBe("x");
    expect(() => decodeText(Uint8Array.from([0xff]), "f")).toThrow("f is not UTF-8 text");
  });
});
