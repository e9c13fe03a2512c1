import { spawn, spawnSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { holdingLock, isStale, STALE_MS } from "../../src/catalog/lock.js";
import { deadPid, ROOT } from "../helpers.js";

const HOLDER = join(ROOT, "test/catalog/lock-holder.ts");

const place = () => mkdtempSync(join(tmpdir(), "sysdiag-lock-"));

describe("the data directory's lock", () => {
  it("holds while its holder lives, through a synchronous step longer than any timer", async () => {
    const dir = place();
    const log = join(dir, "log");
    // The holder blocks for 4 s without yielding: the lock that went stale after 2 s let a
    // second change in here.
    const holder = spawn(process.execPath, ["--import", "tsx", HOLDER, dir, log, "4000"], {
      stdio: "inherit",
    });
    const ended = new Promise((done) => holder.on("exit", done));
    while (!existsSync(log)) await new Promise((done) => setTimeout(done, 20));
    await holdingLock(dir, () => appendFileSync(log, "second\n"));
    await ended;
    expect(readFileSync(log, "utf8")).toBe("held\ndone\nsecond\n");
  }, 30_000);

  it.each([
    ["a live holder's", () => `${process.pid} ${hostname()}\n`, 0, false],
    ["a gone holder's", () => `${deadPid()} ${hostname()}\n`, 0, true],
    ["another host's, recently said to live", () => `1 elsewhere\n`, 0, false],
    ["another host's, quiet too long", () => `1 elsewhere\n`, STALE_MS + 1000, true],
    [
      "a live holder's, stopped too long",
      () => `${process.pid} ${hostname()}\n`,
      STALE_MS + 1000,
      true,
    ],
    ["one being written (no owner yet)", () => "", 0, false],
  ])("is stale when it is %s", (_what, owner, age, stale) => {
    const dir = place();
    const path = join(dir, ".lock");
    writeFileSync(path, owner());
    const then = (Date.now() - age) / 1000;
    utimesSync(path, then, then);
    expect(isStale(path, statSync(path))).toBe(stale);
  });

  it("an older sysdiag's lock (a directory) is stale once it is not refreshed", () => {
    const dir = place();
    const path = join(dir, ".lock");
    mkdirSync(path);
    expect(isStale(path, statSync(path))).toBe(false);
    const then = (Date.now() - 11_000) / 1000;
    utimesSync(path, then, then);
    expect(isStale(path, statSync(path))).toBe(true);
  });

  it("takes over a lock left by a killed process at once, and removes its own", async () => {
    const dir = place();
    writeFileSync(join(dir, ".lock"), `${deadPid()} ${hostname()}\n`);
    expect(await holdingLock(dir, () => "changed")).toBe("changed");
    expect(existsSync(join(dir, ".lock"))).toBe(false);
  });

  it("a holder whose lock was taken over stops before its next write", async () => {
    const dir = place();
    await expect(
      holdingLock(dir, (lock) => {
        lock.keep();
        // Another process judged it stale and took it (as after a Ctrl-Z of 30 s).
        writeFileSync(join(dir, ".lock.new"), "");
        spawnSync("mv", [join(dir, ".lock.new"), join(dir, ".lock")]);
        lock.keep();
      }),
    ).rejects.toThrow(/the lock on the data directory .* was taken over/);
  });
});
