import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, spawnCli } from "../helpers.js";

/**
 * The compiled store of a user's catalog, through the built CLI: every command
 * prints what it printed without a store, whatever state the store is in (none,
 * up to date, stale, damaged, being rebuilt by another process, unwritable).
 */
const root = mkdtempSync(join(tmpdir(), "sysdiag-store-e2e-"));
const sources = join(root, "diagrams");
mkdirSync(sources);

function doc(n: number, label = "Box"): string {
  return [
    "## My Things",
    "",
    ...Array.from({ length: 5 }, (_, i) => [
      `### Thing ${n}-${i}`,
      "<!-- sysdiag",
      `id: thing-${n}-${i}`,
      `aliases: widget ${n} ${i}`,
      `tags: kafka, redis, thing${n}`,
      `summary: Thing ${n}.${i} and how it replicates.`,
      "-->",
      "",
      "```",
      `┌────────┐\n│ ${label.padEnd(6)} │\n└────────┘`,
      "```",
      "",
    ]).flat(),
  ].join("\n");
}
for (let n = 0; n < 4; n++) writeFileSync(join(sources, `part-${n}.md`), doc(n));

const COMMANDS = [
  ["show", "thing-2-3"],
  ["show", "widget 1 4", "--json"],
  ["show", "thin 2 3"],
  ["show", "thnig-2-3"],
  ["show", "cache-aside"],
  ["list"],
  ["search", "kafka", "thing3"],
  ["search", "replicates", "--json", "--explain"],
  ["categories", "--json"],
];

function sysdiag(args: string[], cache: string) {
  return spawnCli(args, { env: { SYSDIAG_PATH: sources, XDG_CACHE_HOME: cache } });
}

/** A cache directory that cannot be made: its parent is a file. */
const NO_CACHE = join(root, "a-file");
writeFileSync(NO_CACHE, "");

/** What every command prints with no store at all: an unwritable cache, its note left out. */
function reference() {
  return COMMANDS.map((args) => {
    const r = sysdiag(args, NO_CACHE);
    const note = `sysdiag: cannot write the cache ${NO_CACHE}/sysdiag: a part of the path is not a directory (ENOTDIR); working without it\n`;
    expect(r.stderr.startsWith(note)).toBe(true);
    return { ...r, stderr: r.stderr.slice(note.length) };
  });
}

/** A store's header (less its build time) and everything after it. */
function contentOf(path: string) {
  const bytes = readFileSync(path);
  const length = bytes.readUInt32LE(16);
  const { builtAt: _, ...header } = JSON.parse(bytes.subarray(20, 20 + length).toString());
  return { header, data: bytes.subarray((20 + length + 7) & ~7) };
}

const everything = (cache: string) => COMMANDS.map((args) => sysdiag(args, cache));
const storesIn = (cache: string) =>
  existsSync(join(cache, "sysdiag")) ? readdirSync(join(cache, "sysdiag")) : [];

describe("a user's catalog compiled to a store", () => {
  const expected = reference();

  it("prints the same from no store, a fresh one and an up-to-date one", () => {
    const cache = mkdtempSync(join(root, "cache-"));
    expect(everything(cache)).toEqual(expected);
    const [store] = storesIn(cache);
    expect(store).toMatch(/^catalog-[0-9a-f]{16}\.store$/);
    const built = contentOf(join(cache, "sysdiag", store as string));
    expect(everything(cache)).toEqual(expected);
    // The same store (its build time may have moved on: see below).
    expect(contentOf(join(cache, "sysdiag", store as string))).toEqual(built);
    expect(expected[0]?.stdout).toContain("│ Box    │");
  });

  it("is rebuilt when a source changes, even within its clock tick and at the same size", () => {
    const cache = mkdtempSync(join(root, "cache-"));
    const file = join(sources, "part-2.md");
    const before = readFileSync(file, "utf8");
    const { atime, mtime } = statSync(file);
    try {
      expect(sysdiag(["show", "thing-2-3", "--raw"], cache).stdout).toContain("│ Box    │");
      // Same size, same modification time: only the content tells.
      writeFileSync(file, doc(2, "Bin"));
      utimesSync(file, atime, mtime);
      expect(sysdiag(["show", "thing-2-3", "--raw"], cache).stdout).toContain("│ Bin    │");
      // An edit that shows in size and time.
      writeFileSync(file, doc(2, "Bucket"));
      expect(sysdiag(["show", "thing-2-3", "--raw"], cache).stdout).toContain("│ Bucket │");
      // A file added to the directory.
      writeFileSync(join(sources, "part-9.md"), doc(9));
      expect(sysdiag(["show", "thing-9-0", "--raw"], cache).code).toBe(0);
    } finally {
      writeFileSync(file, before);
      spawnSync("rm", ["-f", join(sources, "part-9.md")]);
    }
    expect(everything(cache)).toEqual(expected);
  });

  it("checks sources written just before it was built by content until they are older", async () => {
    const cache = mkdtempSync(join(root, "cache-"));
    const fresh = join(root, "fresh");
    mkdirSync(fresh);
    writeFileSync(join(fresh, "a.md"), doc(7));
    const run = () =>
      spawnCli(["show", "thing-7-1", "--raw"], {
        env: { SYSDIAG_PATH: fresh, XDG_CACHE_HOME: cache },
      });
    expect(run().stdout).toContain("│ Box    │");
    const store = join(cache, "sysdiag", storesIn(cache)[0] as string);
    const stampOf = () =>
      JSON.parse(
        readFileSync(store)
          .subarray(20, 20 + readFileSync(store).readUInt32LE(16))
          .toString(),
      ).builtAt;
    const built = stampOf();
    await new Promise((resolve) => setTimeout(resolve, 2100));
    // Checked by content once more, found unchanged, and the store says so from now on.
    expect(run().stdout).toContain("│ Box    │");
    expect(stampOf()).toBeGreaterThan(built + 2000);
    // Up to date and past the tick: read, never written again.
    const { ino, mtimeMs } = statSync(store);
    expect(run().stdout).toContain("│ Box    │");
    expect(statSync(store)).toMatchObject({ ino, mtimeMs });
    // Setting the time back after an edit of the same size changes the inode's ctime.
    const { atime, mtime } = statSync(join(fresh, "a.md"));
    writeFileSync(join(fresh, "a.md"), doc(7, "Bin"));
    utimesSync(join(fresh, "a.md"), atime, mtime);
    expect(run().stdout).toContain("│ Bin    │");
  });

  it("is rebuilt when its bytes are damaged or cut, anywhere", () => {
    const cache = mkdtempSync(join(root, "cache-"));
    everything(cache);
    const path = join(cache, "sysdiag", storesIn(cache)[0] as string);
    const good = readFileSync(path);
    const size = good.length;
    // The header, the metadata, the rows, the names, the index, a drawing, the last byte.
    for (const at of [
      2,
      30,
      400,
      Math.floor(size / 3),
      Math.floor(size / 2),
      size - 10,
      size - 1,
    ]) {
      const bad = Buffer.from(good);
      bad[at] = (bad[at] as number) ^ 0x20;
      writeFileSync(path, bad);
      expect(everything(cache), `byte ${at}`).toEqual(expected);
    }
    writeFileSync(path, good.subarray(0, Math.floor(size / 2)));
    expect(everything(cache)).toEqual(expected);
    writeFileSync(path, "not a store at all");
    expect(everything(cache)).toEqual(expected);
    writeFileSync(path, "");
    expect(everything(cache)).toEqual(expected);
    // And what is left is a good store again.
    expect(readFileSync(path).subarray(0, 16).toString()).toBe("SYSDIAG STORE 6\n");
  });

  it("survives processes rebuilding it at once: every one right, one whole store, no leftovers", async () => {
    const cache = mkdtempSync(join(root, "cache-"));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LANG: "C.UTF-8",
      SYSDIAG_PATH: sources,
      XDG_CACHE_HOME: cache,
      HOME: root,
      XDG_DATA_HOME: join(root, "data"),
    };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    const once = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, "show", "thing-2-3", "--json"], { env });
        let out = "";
        child.stdout.on("data", (chunk) => {
          out += chunk;
        });
        child.on("error", reject);
        child.on("close", (code) =>
          code === 0 ? resolve(out) : reject(new Error(`exit ${code}`)),
        );
      });
    const outputs = await Promise.all(Array.from({ length: 6 }, once));
    const want = sysdiag(["show", "thing-2-3", "--json"], NO_CACHE).stdout;
    expect(new Set(outputs)).toEqual(new Set([want]));
    expect(storesIn(cache)).toHaveLength(1);
    expect(storesIn(cache).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(everything(cache)).toEqual(expected);
  });

  describe("in a read-only cache directory", () => {
    const mnt = join(root, "ro-cache");
    mkdirSync(mnt, { recursive: true });
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt]).status === 0;
    afterAll(() => {
      spawnSync("umount", [mnt]);
    });

    it("works without it and says so once a run", () => {
      expect(mounted, "mount -t tmpfs failed: these tests need root").toBe(true);
      expect(spawnSync("mount", ["-o", "remount,ro", mnt]).status).toBe(0);
      COMMANDS.forEach((args, i) => {
        const r = sysdiag(args, mnt);
        const note = `sysdiag: cannot write the cache ${mnt}/sysdiag: read-only file system (EROFS); working without it\n`;
        expect(r.stderr.startsWith(note)).toBe(true);
        expect({ ...r, stderr: r.stderr.slice(note.length) }).toEqual(expected[i]);
      });
    });
  });

  it("is not written when only the shipped catalog is read", () => {
    const cache = mkdtempSync(join(root, "cache-"));
    const r = spawnCli(["show", "cache-aside"], { env: { XDG_CACHE_HOME: cache } });
    expect(r.code).toBe(0);
    expect(storesIn(cache)).toEqual([]);
  });
});
