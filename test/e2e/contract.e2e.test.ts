import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/registry.js";
import { LIMITS } from "../../src/core/limits.js";
import { isUnsafe } from "../../src/core/sanitize.js";
import { BIN, catalog, expectOneLineError, ROOT, spawnCli as sysdiag } from "../helpers.js";

/** The exit-code contract, the one-line errors and -o, as a user meets them. */

const dir = mkdtempSync(join(tmpdir(), "sysdiag-contract-"));
const diagram = (id: string) => catalog.diagrams.find((d) => d.id === id)?.diagram;

describe("every command", () => {
  it.each(COMMANDS.map((c) => [c.name]))("%s has help with examples and exit codes", (name) => {
    for (const argv of [
      [name, "--help"],
      ["help", name],
    ]) {
      const { code, stdout, stderr } = sysdiag(argv);
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      expect(stdout).toMatch(new RegExp(`^Usage: sysdiag ${name}`));
      expect(stdout).toMatch(/\nExamples:\n {2}\$ sysdiag /);
      expect(stdout).toMatch(/\nExit codes:\n {4}0 {2}ok\n/);
    }
  });

  it("sysdiag help lists every command and the exit codes", () => {
    const { code, stdout } = sysdiag(["help"]);
    expect(code).toBe(0);
    for (const command of COMMANDS.filter((c) => !c.hidden)) {
      expect(stdout).toMatch(new RegExp(`\\n {2}${command.name}\\b`));
    }
    expect(stdout).not.toMatch(/__complete/);
    for (const exit of [0, 1, 2, 3, 70, 130])
      expect(stdout).toMatch(new RegExp(`\\n +${exit} {2}\\S`));
  });

  it("help for a command that does not exist is a usage error", () => {
    expectOneLineError(sysdiag(["help", "nope"]), 2, /no command 'nope'; commands are: show, /);
  });
});

describe("names as people type them", () => {
  const ids = (args: string[]) => {
    const result = sysdiag([...args, "--json"]);
    const json = JSON.parse(result.stdout || "null");
    return Array.isArray(json) ? json.map((e: { id: string }) => e.id) : [json?.id];
  };

  it.each([
    [["show", "cache", "aside"], ["cache-aside"]],
    [["show", "two", "phase", "commit"], ["two-phase-commit"]],
    [
      ["show", "cqrs", "saga"],
      ["cqrs", "saga"],
    ],
    [
      ["show", "cache", "aside", "saga"],
      ["cache-aside", "saga"],
    ],
    [["show", "two", "pahse", "commit"], ["two-phase-commit"]],
    [["cache-aside"], ["cache-aside"]],
    [["cache", "aside"], ["cache-aside"]],
  ])("%j", (args, expected) => {
    expect(ids(args)).toEqual(expected);
  });

  it("a command's name always wins, and a near miss of one is asked about", () => {
    expect(sysdiag(["list"]).stdout).toMatch(/^Architecture Patterns/);
    expectOneLineError(
      sysdiag(["serach", "x"]),
      2,
      /unknown command 'serach' \(did you mean search\?\)/,
    );
  });

  it.each([
    ["cahce", "cachx"],
    ["reids", "rediz"],
    ["sahrding", "sharxing"],
  ])("swapped letters (%s) find what one wrong letter (%s) finds", (swapped, substituted) => {
    const top = (word: string) =>
      JSON.parse(sysdiag(["search", word, "--json", "-n", "3"]).stdout).map(
        (h: { id: string }) => h.id,
      );
    expect(top(swapped).length).toBeGreaterThan(0);
    expect(top(swapped)[0]).toBe(top(substituted)[0]);
  });

  it("two pahse commit resolves despite the swap", () => {
    expect(sysdiag(["show", "two", "pahse", "commit", "--raw"]).stdout).toBe(
      `${diagram("two-phase-commit")}\n`,
    );
  });
});

describe("machine output", () => {
  it("search --json with no result prints [] and exits 1", () => {
    expect(sysdiag(["search", "zzzzqqq", "--json"])).toEqual({
      code: 1,
      stdout: "[]\n",
      stderr: "",
    });
  });

  it("--ascii covers the tool's own symbols", () => {
    const { stdout } = sysdiag(["--ascii", "search", "cach", "asid", "--explain"]);
    expect(stdout).toMatch(/cach->cache/);
    expect(stdout).toMatch(/^[\x20-\x7e\n]*$/);
    const typo = sysdiag(["--ascii", "search", "cahce", "--explain"]).stdout;
    expect(typo).toMatch(/cahce~cache/);
    expect(typo).toMatch(/^[\x20-\x7e\n]*$/);
  });
});

describe("errors", () => {
  it("echoes what it was given with control characters escaped", () => {
    const result = sysdiag(["show", "\u001b]0;pwned\u0007"]);
    expectOneLineError(result, 1, /no diagram named '\\e\]0;pwned\\a'/);
    expect(isUnsafe(result.stderr.replace(/\n$/, ""))).toBe(false);
  });

  it("an empty --catalog is a usage error, not the working directory read as a catalog", () => {
    expectOneLineError(sysdiag(["--catalog=", "list"]), 2, /--catalog needs a file or directory/);
    expectOneLineError(sysdiag(["--catalog", "", "show", "x"]), 2, /--catalog needs a file/);
  });

  it("lint reads standard input once: a second - is a usage error", () => {
    const result = sysdiag(["lint", "-", "-"], { input: "┌─┐\n└─┘\n" });
    expectOneLineError(result, 2, /standard input \(-\) can be given once/);
  });

  it("an option value with a newline stays one line", () => {
    expectOneLineError(sysdiag(["list", "-c", "a\nb\u202e"]), 1, /no category 'a\\nb\\u202e'/);
  });

  it("a write error on standard output: one line, exit 3", () => {
    const result = spawnSync("sh", ["-c", `node ${BIN} show cache-aside > /dev/full`], {
      encoding: "utf8",
    });
    expect(result.status).toBe(3);
    expect(result.stderr).toBe(
      "sysdiag: cannot write to standard output: no space left on the device (ENOSPC)\n",
    );
  });

  it("--version to a reader that went away: exit 0, nothing said", async () => {
    for (const flag of ["--version", "-V"]) {
      const child = spawn(process.execPath, [BIN, flag], { stdio: ["ignore", "pipe", "pipe"] });
      // The pipe's reader is closed before Node has started, so the write finds none.
      child.stdout.destroy();
      let stderr = "";
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
      });
      const code = await new Promise((resolve) => child.on("close", resolve));
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    }
  });

  it("--version to a full disk: one line, exit 3", () => {
    for (const flag of ["--version", "-V"]) {
      const result = spawnSync("sh", ["-c", `node ${BIN} ${flag} > /dev/full`], {
        encoding: "utf8",
      });
      expect(result.status).toBe(3);
      expect(result.stderr).toBe(
        "sysdiag: cannot write to standard output: no space left on the device (ENOSPC)\n",
      );
    }
  });

  it("standard input over the limit is refused by the bytes read", () => {
    const result = sysdiag(["lint", "-"], { input: `┌─┐\n${"x".repeat(2 * 1024 * 1024)}` });
    expectOneLineError(result, 3, /standard input is over 1\.0 MB; lint reads files up to 1 MB/);
  });

  it.each(["lint", "add", "render"])(
    "%s - with a directory as standard input: cannot read it (exit 3), not an empty input",
    (command) => {
      const stdin = openSync(dir, "r");
      try {
        const result = spawnSync(process.execPath, [BIN, command, "-"], {
          encoding: "utf8",
          stdio: [stdin, "pipe", "pipe"],
          env: { ...process.env, HOME: dir, XDG_DATA_HOME: join(dir, "data") },
        });
        expectOneLineError(
          { code: result.status, stdout: result.stdout, stderr: result.stderr },
          3,
          /^sysdiag: cannot read standard input: it is a directory\n$/,
        );
      } finally {
        closeSync(stdin);
      }
    },
  );

  it("interrupted: ended by SIGINT at once, which a shell reports as 130", async () => {
    const child = spawn(process.execPath, [BIN, "lint", "-"], { stdio: ["pipe", "pipe", "pipe"] });
    const exit = new Promise<[number | null, string | null]>((resolve) =>
      child.on("exit", (code, signal) => resolve([code, signal])),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill("SIGINT");
    expect(await exit).toEqual([null, "SIGINT"]);
    const shell = spawnSync(
      "bash",
      ["-c", `${process.execPath} -e 'process.kill(process.pid, "SIGINT")'; echo $?`],
      {
        encoding: "utf8",
      },
    );
    expect(shell.stdout).toBe("130\n");
  });

  it("a bug: exit 70, and a stack that names the source files and lines, not the bundle's", () => {
    // A preload that makes the first read of SYSDIAG_CATALOG throw: a TypeError from
    // inside the command, as a bug would be.
    const provoke = join(dir, "provoke.cjs");
    writeFileSync(
      provoke,
      `const env = process.env;
process.env = new Proxy(env, {
  get(target, key) {
    if (key === "SYSDIAG_CATALOG") throw new TypeError("provoked");
    return target[key];
  },
});
`,
    );
    const result = spawnSync(process.execPath, ["-r", provoke, BIN, "show", "cache-aside"], {
      encoding: "utf8",
    });
    expect(result.status).toBe(70);
    expect(result.stdout).toBe("");
    const [head, error, thrower, ...frames] = result.stderr.split("\n");
    expect([head, error, thrower]).toEqual([
      "sysdiag: internal error, please report it:",
      "TypeError: provoked",
      expect.stringContaining(provoke),
    ]);
    // The command's own frames, each a src/ file at a line of it that exists.
    const own = frames.filter((line) => / \(src\//.test(line));
    expect(own.length).toBeGreaterThanOrEqual(2);
    // The first is the line that read the variable.
    const [, first] = /^ {4}at \S+ \(src\/cli\/main\.ts:(\d+)\)$/.exec(own[0] as string) ?? [];
    const main = readFileSync(join(ROOT, "src/cli/main.ts"), "utf8").split("\n");
    expect(main[Number(first) - 1]).toContain("SYSDIAG_CATALOG");
    for (const frame of own) {
      const [, file, line] = / \((src\/[\w/.-]+\.ts):(\d+)\)$/.exec(frame) ?? [];
      const source = readFileSync(join(ROOT, file as string), "utf8").split("\n");
      expect(source.length, frame).toBeGreaterThanOrEqual(Number(line));
    }
    expect(result.stderr).not.toMatch(/dist\/cli\.js/);
  });

  it("a drawing taller than a call stack is drawn, not a crash", () => {
    const out = join(dir, "tall.txt");
    const tall = sysdiag(["render", "-", "-o", out], { input: "│\n".repeat(150_000) });
    expect(tall).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(out, "utf8").split("\n").length).toBeGreaterThan(150_000);
  });
});

describe("-o", () => {
  const files = () => readdirSync(dir).sort();

  it("- is standard output", () => {
    expect(sysdiag(["show", "cqrs", "--raw", "-o", "-"]).stdout).toBe(`${diagram("cqrs")}\n`);
  });

  it.each([
    ["a directory", () => dir, /cannot write .*: it is a directory/],
    [
      "a missing directory",
      () => join(dir, "no/such/file.txt"),
      /the directory .*no\/such does not exist/,
    ],
    ["a path through a file", () => join(BIN, "x.txt"), /sysdiag\.cjs is not a directory/],
  ])("refuses %s in its own words, exit 3", (_name, path, message) => {
    expectOneLineError(sysdiag(["show", "cqrs", "-o", path()]), 3, message);
  });

  it.each([
    [
      "a FIFO",
      (path: string) => execFileSync("mkfifo", [path]),
      /it is a FIFO, not a file to replace/,
    ],
    [
      "a symbolic link",
      (path: string) => symlinkSync(BIN, path),
      /it is a symbolic link, not a file to replace/,
    ],
  ])("never replaces %s, even with --force", (_name, make, message) => {
    const path = join(dir, `special-${Math.random().toString(36).slice(2)}`);
    make(path);
    expectOneLineError(sysdiag(["show", "cqrs", "--raw", "-o", path, "--force"]), 3, message);
    expect(lstatSync(path).isFile()).toBe(false);
  });

  it("an existing file is kept without --force, and replaced whole with it", () => {
    const out = join(dir, "kept.txt");
    writeFileSync(out, "mine");
    expectOneLineError(
      sysdiag(["show", "cqrs", "--raw", "-o", out]),
      3,
      /kept\.txt exists; add --force/,
    );
    expect(readFileSync(out, "utf8")).toBe("mine");
    expect(sysdiag(["show", "cqrs", "--raw", "-o", out, "--force"]).code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(`${diagram("cqrs")}\n`);
    expect(files().filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a file replaced with --force keeps its permissions", () => {
    const out = join(dir, "private.txt");
    writeFileSync(out, "secret");
    chmodSync(out, 0o600);
    expect(sysdiag(["show", "cqrs", "--raw", "-o", out, "--force"]).code).toBe(0);
    expect(lstatSync(out).mode & 0o777).toBe(0o600);
  });

  describe("on a small or read-only file system", () => {
    const mnt = join(dir, "mnt");
    mkdirSync(mnt, { recursive: true });
    // A 16 KB tmpfs: root can mount one here and in CI; the test says so when it cannot.
    const mounted =
      spawnSync("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", mnt]).status === 0;
    afterAll(() => {
      spawnSync("umount", [mnt]);
    });

    it("a full disk leaves no partial file, and the old file whole", () => {
      expect(mounted, "mount -t tmpfs failed: these tests need root").toBe(true);
      const out = join(mnt, "all.json");
      writeFileSync(out, "old");
      // As many names as one query holds: all the catalog's ids are past it (a usage error, exit 2).
      const all: string[] = [];
      let length = -1;
      for (const { id } of catalog.diagrams) {
        length += id.length + 1;
        if (length > LIMITS.queryChars) break;
        all.push(id);
      }
      const json = sysdiag(["show", ...all, "--json"]);
      expect(json.code).toBe(0);
      expect(
        Buffer.byteLength(json.stdout),
        "well past what the 16 KB file system holds",
      ).toBeGreaterThan(64 * 1024);
      const result = sysdiag(["show", ...all, "--json", "-o", out, "--force"]);
      expectOneLineError(
        result,
        3,
        /cannot write .*all\.json: no space left on the device \(ENOSPC\)/,
      );
      expect(readFileSync(out, "utf8")).toBe("old");
      expect(readdirSync(mnt)).toEqual(["all.json"]);
      // And it tries again without complaint once there is room (no half file to refuse over).
      execFileSync("rm", [out]);
      expect(sysdiag(["show", "cqrs", "--raw", "-o", out]).code).toBe(0);
    });

    it("a read-only file system is its own message", () => {
      expect(mounted).toBe(true);
      expect(spawnSync("mount", ["-o", "remount,ro", mnt]).status).toBe(0);
      const out = join(mnt, "ro.txt");
      expectOneLineError(
        sysdiag(["show", "cqrs", "--raw", "-o", out]),
        3,
        /cannot write .*ro\.txt: read-only file system \(EROFS\)/,
      );
      expect(existsSync(out)).toBe(false);
    });
  });
});
