import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../src/core/limits.js";
import { type Forged, forge } from "../catalog/forge-store.js";
import { BIN, EMPTY_HOME, ROOT, spawnCli } from "../helpers.js";

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

  /**
   * Writes `bytes` as the store and runs the commands in turn while it holds them: a
   * damage a command does not read is met by the next. Once rebuilt, the store is a
   * good one, which the other tests run every command on.
   */
  function untilRebuilt(cache: string, path: string, bytes: Buffer, what: string) {
    writeFileSync(path, bytes);
    for (const [i, args] of COMMANDS.entries()) {
      expect(sysdiag(args, cache), `${what}: ${args.join(" ")}`).toEqual(expected[i]);
      if (!readFileSync(path).equals(bytes)) return;
    }
  }

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

  it("checks sources written just before it was built by content until they are older", () => {
    const cache = mkdtempSync(join(root, "cache-"));
    const fresh = join(root, "fresh");
    mkdirSync(fresh);
    writeFileSync(join(fresh, "a.md"), doc(7));
    // A clock 2.1 s ahead, past the slack, stands in for waiting that long.
    const later = join(root, "later.cjs");
    writeFileSync(later, "const real = Date.now;\nDate.now = () => real() + 2100;\n");
    const run = (ahead = false) =>
      spawnCli(["show", "thing-7-1", "--raw"], {
        env: {
          SYSDIAG_PATH: fresh,
          XDG_CACHE_HOME: cache,
          ...(ahead ? { NODE_OPTIONS: `--require ${later}` } : {}),
        },
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
    // Within the tick: checked by content, and the store is left as it is.
    expect(run().stdout).toContain("│ Box    │");
    expect(stampOf()).toBe(built);
    // Past it: checked by content once more, found unchanged, and the store says so from now on.
    expect(run(true).stdout).toContain("│ Box    │");
    expect(stampOf()).toBeGreaterThan(built + 2000);
    // Up to date and past the tick: read, never written again.
    const { ino, mtimeMs } = statSync(store);
    expect(run(true).stdout).toContain("│ Box    │");
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
      untilRebuilt(cache, path, bad, `byte ${at}`);
    }
    untilRebuilt(cache, path, good.subarray(0, Math.floor(size / 2)), "cut in half");
    untilRebuilt(cache, path, Buffer.from("not a store at all"), "not a store");
    untilRebuilt(cache, path, Buffer.alloc(0), "empty");
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

/**
 * Runs the CLI as spawnCli does, but ended (and failed) should it hang: a FIFO or a
 * terminal opened as a file blocks for ever, and a hung spawnSync would hang the suite.
 */
function bounded(args: string[], env: Record<string, string>) {
  // The environment spawnCli gives, so that the same sources make the same store.
  const base: NodeJS.ProcessEnv = { ...process.env, LANG: "C.UTF-8", HOME: EMPTY_HOME };
  for (const name of ["NO_COLOR", "FORCE_COLOR", "SYSDIAG_CATALOG", "SYSDIAG_PATH", "COLUMNS"]) {
    delete base[name];
  }
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...base, XDG_DATA_HOME: join(EMPTY_HOME, "data"), ...env },
    input: "",
    timeout: 60_000,
    killSignal: "SIGKILL",
  });
  expect(r.signal, `sysdiag ${args.join(" ")} hung`).toBeNull();
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function mkfifo(path: string) {
  expect(spawnSync("mkfifo", [path]).status).toBe(0);
  expect(lstatSync(path).isFIFO()).toBe(true);
}

describe("what is not a store at a store's path", () => {
  const expected = reference();
  const complete = bounded(["__complete", "diagrams"], {
    SYSDIAG_PATH: sources,
    XDG_CACHE_HOME: NO_CACHE,
  }).stdout;
  expect(complete).toContain("thing-2-3\n");

  /** A cache whose store (for `sources`) is replaced by `plant` before every command. */
  function planted(plant: (path: string) => void) {
    const cache = mkdtempSync(join(root, "cache-"));
    everything(cache);
    const path = join(cache, "sysdiag", storesIn(cache)[0] as string);
    const run = (args: string[]) => {
      rmSync(path, { force: true });
      plant(path);
      // Whatever was planted is what the command meets.
      expect(lstatSync(path).isFile()).toBe(false);
      const r = bounded(args, { SYSDIAG_PATH: sources, XDG_CACHE_HOME: cache });
      // And it was taken for no store: a store took its place.
      expect(lstatSync(path).isFile()).toBe(true);
      return r;
    };
    return run;
  }

  const plants: Array<[string, (path: string) => void]> = [
    ["a FIFO", mkfifo],
    [
      "a link to a FIFO",
      (path) => {
        const fifo = `${path}.fifo`;
        rmSync(fifo, { force: true });
        mkfifo(fifo);
        symlinkSync(fifo, path);
      },
    ],
    ["a link to /dev/zero", (path) => symlinkSync("/dev/zero", path)],
    ["a link to a terminal", (path) => symlinkSync("/dev/tty", path)],
    [
      "a socket",
      (path) =>
        spawnSync("python3", [
          "-c",
          `import socket; socket.socket(socket.AF_UNIX).bind(${JSON.stringify(path)})`,
        ]),
    ],
  ];

  it.each(plants)(
    "%s: every command and TAB works as without a store",
    (_, plant) => {
      const run = planted(plant);
      COMMANDS.forEach((args, i) => {
        expect(run(args), args.join(" ")).toEqual(expected[i]);
      });
      expect(run(["__complete", "diagrams"])).toEqual({ code: 0, stdout: complete, stderr: "" });
    },
    180_000,
  );
});

describe("the catalog named by SYSDIAG_CATALOG", () => {
  const cache = join(root, "catalog-cache");
  const refused = (catalog: string, pattern: RegExp) => {
    for (const args of [
      ["show", "cache-aside"],
      ["list"],
      ["search", "cache"],
      ["__complete", "diagrams"],
    ]) {
      const r = bounded(args, { SYSDIAG_CATALOG: catalog, XDG_CACHE_HOME: cache });
      expect(r.code, args.join(" ")).toBe(3);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^sysdiag: [^\n]+\n$/);
      expect(r.stderr).toMatch(pattern);
    }
  };

  it("is refused at once when it is a FIFO or a device, never read", () => {
    const fifo = join(root, "catalog.fifo");
    mkfifo(fifo);
    refused(fifo, /^sysdiag: cannot read the catalog \S+catalog\.fifo: it is a FIFO\n$/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    refused("/dev/zero", /^sysdiag: cannot read the catalog \/dev\/zero: it is a device\n$/);
    const link = join(root, "catalog-link.json");
    symlinkSync("/dev/zero", link);
    refused(link, /cannot read the catalog \S+catalog-link\.json: it is a device/);
  }, 180_000);

  it("is refused over the limit of every source, and nothing is compiled from it", () => {
    const big = join(root, "big-catalog.json");
    const one = JSON.parse(readFileSync(join(ROOT, "data", "diagrams.json"), "utf8"));
    // Valid JSON, just past 5 MB: refused by its size, not by what is in it.
    const pad = "x".repeat(5 * 1024 * 1024);
    writeFileSync(big, JSON.stringify({ ...one, source: pad }));
    refused(
      big,
      /^sysdiag: the catalog \S+big-catalog\.json is 5\.\d MB; sources are read up to 5 MB\n$/,
    );
    expect(storesIn(cache)).toEqual([]);
    // At the limit it is read.
    writeFileSync(big, JSON.stringify({ ...one, source: "x" }));
    const r = bounded(["show", "cache-aside"], { SYSDIAG_CATALOG: big, XDG_CACHE_HOME: cache });
    expect(r.code).toBe(0);
  }, 180_000);

  it("--catalog and SYSDIAG_PATH report a FIFO or device among their files, and read the rest", () => {
    const dir = join(root, "with-fifo");
    mkdirSync(dir);
    writeFileSync(join(dir, "good.md"), doc(9));
    mkfifo(join(dir, "fifo.md"));
    symlinkSync("/dev/zero", join(dir, "zero.md"));
    const ways: Array<[string[], Record<string, string>]> = [
      [["show", "thing-9-1"], { SYSDIAG_PATH: dir }],
      [["--catalog", dir, "show", "thing-9-1"], {}],
    ];
    for (const [args, env] of ways) {
      const r = bounded(args, { ...env, XDG_CACHE_HOME: cache });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Thing 9-1");
      expect(r.stderr).toBe(
        `sysdiag: cannot read ${dir}/fifo.md: it is a FIFO\nsysdiag: cannot read ${dir}/zero.md: it is a device\n`,
      );
    }
  }, 180_000);
});

describe("a cache directory another user could write to", () => {
  const expected = reference();
  const cases: Array<[string, (dir: string) => void, string]> = [
    [
      "another user's",
      (dir) => chownSync(dir, 4321, 4321),
      "it belongs to another user (uid 4321)",
    ],
    ["group-writable", (dir) => chmodSync(dir, 0o770), "its group may write to it"],
    ["world-writable", (dir) => chmodSync(dir, 0o777), "anyone may write to it"],
  ];

  it.each(cases)(
    "%s: is skipped, said in one line a run, and every command works",
    (_, make, why) => {
      const cache = mkdtempSync(join(root, "cache-"));
      const dir = join(cache, "sysdiag");
      mkdirSync(dir, { mode: 0o700 });
      make(dir);
      COMMANDS.forEach((args, i) => {
        const r = sysdiag(args, cache);
        const note = `sysdiag: ${dir}: skipped, as ${why}; sysdiag keeps compiled catalogs in a directory that is yours and only you may write to (chmod go-w, or set XDG_CACHE_HOME); working without it\n`;
        expect(r.stderr.startsWith(note), r.stderr).toBe(true);
        expect({ ...r, stderr: r.stderr.slice(note.length) }).toEqual(expected[i]);
      });
      expect(readdirSync(dir)).toEqual([]);
    },
    180_000,
  );

  it("is made private when it is made, whatever the umask", () => {
    const cache = mkdtempSync(join(root, "cache-"));
    const r = spawnSync(
      "sh",
      ["-c", `umask 000 && exec "${process.execPath}" "${BIN}" show thing-2-3`],
      {
        env: { ...process.env, SYSDIAG_PATH: sources, XDG_CACHE_HOME: cache, HOME: root },
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(statSync(join(cache, "sysdiag")).mode & 0o777).toBe(0o700);
    const store = join(cache, "sysdiag", storesIn(cache)[0] as string);
    expect(statSync(store).mode & 0o777).toBe(0o600);
  });
});

describe("the cache keeps the stores last used", () => {
  /** `n` sets of sources, each its own store. */
  const sets = Array.from({ length: 12 }, (_, n) => {
    const dir = join(root, `set-${n}`);
    mkdirSync(dir);
    writeFileSync(join(dir, "a.md"), doc(n));
    return dir;
  });
  const show = (set: number, cache: string) =>
    spawnCli(["show", `thing-${set}-1`, "--json"], {
      env: { SYSDIAG_PATH: sets[set] as string, XDG_CACHE_HOME: cache },
    });
  /** The stores made since it was called. */
  const newStores = (cache: string) => {
    const before = new Set(storesIn(cache));
    return () => storesIn(cache).filter((f) => !before.has(f));
  };

  it(`removes all but the ${LIMITS.cachedStores} last used when it writes one`, () => {
    const cache = mkdtempSync(join(root, "cache-"));
    const names: string[] = [];
    for (let set = 0; set < sets.length; set++) {
      const after = newStores(cache);
      expect(show(set, cache).code).toBe(0);
      names.push(after()[0] as string);
      expect(storesIn(cache).length).toBe(Math.min(set + 1, LIMITS.cachedStores));
    }
    expect(storesIn(cache).sort()).toEqual(names.slice(-LIMITS.cachedStores).sort());
    // A store read again is one last used: set 4's is now older than set 5's, whose is used.
    const path = (set: number) => join(cache, "sysdiag", names[set] as string);
    for (let set = 0; set < sets.length; set++) {
      if (storesIn(cache).includes(names[set] as string)) {
        utimesSync(path(set), new Date(1000 * (set + 1)), new Date(1000 * (set + 1)));
      }
    }
    utimesSync(path(5), new Date(), new Date(1000));
    expect(show(0, cache).code).toBe(0);
    expect(storesIn(cache)).toContain(names[5]);
    expect(storesIn(cache)).toContain(names[0]);
    expect(storesIn(cache)).not.toContain(names[4]);
    expect(storesIn(cache).length).toBe(LIMITS.cachedStores);
  }, 180_000);

  it("leaves what is not a store, and stores being written, alone", () => {
    const cache = mkdtempSync(join(root, "cache-"));
    mkdirSync(join(cache, "sysdiag"), { mode: 0o700 });
    const others = [
      "notes.txt",
      `.catalog-0123456789abcdef.store.${process.pid}.abc123.tmp`,
      "catalog-old.json",
    ];
    for (const name of others) writeFileSync(join(cache, "sysdiag", name), "");
    for (let set = 0; set < LIMITS.cachedStores + 2; set++) expect(show(set, cache).code).toBe(0);
    const left = readdirSync(join(cache, "sysdiag"));
    for (const name of others) expect(left).toContain(name);
    expect(left.length).toBe(LIMITS.cachedStores + others.length);
  }, 180_000);

  it("stays right with processes writing stores at once", async () => {
    const cache = mkdtempSync(join(root, "cache-"));
    const once = (set: number) =>
      new Promise<{ set: number; out: string }>((resolve, reject) => {
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          LANG: "C.UTF-8",
          SYSDIAG_PATH: sets[set],
          XDG_CACHE_HOME: cache,
          HOME: root,
        };
        delete env.NO_COLOR;
        delete env.FORCE_COLOR;
        const child = spawn(process.execPath, [BIN, "show", `thing-${set}-1`, "--json"], { env });
        let out = "";
        child.stdout.on("data", (chunk) => {
          out += chunk;
        });
        child.on("error", reject);
        child.on("close", (code) =>
          code === 0 ? resolve({ set, out }) : reject(new Error(`exit ${code}`)),
        );
      });
    const runs = await Promise.all(sets.map((_, set) => once(set)));
    for (const { set, out } of runs) expect(out).toBe(show(set, NO_CACHE).stdout);
    expect(storesIn(cache).length).toBeLessThanOrEqual(LIMITS.cachedStores);
    expect(storesIn(cache).filter((f) => !f.endsWith(".store"))).toEqual([]);
  }, 180_000);
});

describe("a store of the wrong shape with checksums to match", () => {
  const expected = reference();

  it("is never a crash: every command prints what it prints without a store, and the store is rebuilt", () => {
    const cache = mkdtempSync(join(root, "cache-"));
    everything(cache);
    const path = join(cache, "sysdiag", storesIn(cache)[0] as string);
    const good = readFileSync(path);
    const edits: Array<(store: Forged) => void> = [
      // Every row's aliases a number, tags null, a title a list: what crashed `show`.
      (s) => {
        for (const row of s.rows as unknown[][]) {
          row[3] = 5;
          row[4] = null;
          row[1] = ["x"];
        }
      },
      (s) => {
        s.rows = s.rows.map(() => 5);
      },
      (s) => {
        s.meta.reports = [{ path: 1 }];
      },
      (s) => {
        s.header.hashes = null;
      },
    ];
    for (const edit of edits) {
      writeFileSync(path, forge(good, edit), { mode: 0o600 });
      expect(everything(cache)).toEqual(expected);
      // Rebuilt: good again.
      expect(readFileSync(path).equals(forge(good, edit))).toBe(false);
    }
  }, 180_000);
});
