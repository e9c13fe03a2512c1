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
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { decodeText, makeDirectory, strictUtf8, writeFileAtomic } from "../../src/core/io.js";
import { deadPid } from "../helpers.js";

/** Directory listings made through node:fs, counted (the module is the real one otherwise). */
const listings = vi.hoisted(() => ({ count: 0 }));
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const readdirSync = ((...args: Parameters<typeof fs.readdirSync>) => {
    listings.count++;
    return fs.readdirSync(...args);
  }) as typeof fs.readdirSync;
  return { ...fs, default: { ...fs, readdirSync }, readdirSync };
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

describe("strictUtf8: a fatal TextDecoder's decoding, without one", () => {
  const fatal = new TextDecoder("utf-8", { fatal: true });
  const same = (bytes: Uint8Array) => {
    let want: string | Error;
    try {
      want = fatal.decode(bytes);
    } catch (error) {
      want = error as Error;
    }
    if (typeof want === "string") expect(strictUtf8().decode(bytes)).toBe(want);
    else expect(() => strictUtf8().decode(bytes)).toThrow(TypeError);
  };

  it.each([
    ["empty", []],
    ["ASCII", [0x61, 0x62]],
    ["a box corner", [0xe2, 0x94, 0x8c]],
    ["a byte-order mark, dropped", [0xef, 0xbb, 0xbf, 0x61]],
    ["a byte-order mark alone", [0xef, 0xbb, 0xbf]],
    ["two byte-order marks, one dropped", [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]],
    ["a lone continuation byte", [0x80]],
    ["a cut sequence", [0xe2, 0x94]],
    ["an overlong slash", [0xc0, 0xaf]],
    ["a surrogate", [0xed, 0xa0, 0x80]],
    ["past U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
    ["Latin-1", [0x63, 0x61, 0x66, 0xe9]],
  ])("%s", (_, bytes) => same(Uint8Array.from(bytes)));

  it("agrees on any bytes, and on a view into a larger buffer", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), fc.nat(4), fc.nat(4), (bytes, cut, end) => {
        same(bytes);
        // A view with bytes on both sides of it, as a store's part is read.
        same(bytes.subarray(Math.min(cut, bytes.length), Math.max(cut, bytes.length - end)));
        const padded = new Uint8Array(bytes.length + 8).fill(0x61);
        padded.set(bytes, 4);
        same(padded.subarray(4, 4 + bytes.length));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.boolean(), (text, bom) => {
        same(new TextEncoder().encode(bom ? `\uFEFF${text}` : text));
      }),
      { numRuns: 2000 },
    );
  });

  it("decodes a small Buffer, which Node takes from a shared pool", () => {
    const pooled = Buffer.from("\uFEFF┌─┐ café");
    expect(pooled.byteOffset > 0 || pooled.buffer.byteLength > pooled.length).toBe(true);
    expect(strictUtf8().decode(pooled)).toBe("┌─┐ café");
    expect(strictUtf8().decode(pooled.subarray(3, 6))).toBe("┌");
  });

  it("decodeText still refuses what is not UTF-8, and drops a byte-order mark", () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x78]), "f")).toBe("x");
    expect(() => decodeText(Uint8Array.from([0xff]), "f")).toThrow("f is not UTF-8 text");
  });
});
