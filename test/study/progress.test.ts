import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../../src/core/errors.js";
import {
  changeProgress,
  emptyProgress,
  parseProgress,
  readProgress,
} from "../../src/study/progress.js";

const NOW = new Date("2026-03-01T09:00:00Z");
const fresh = () => mkdtempSync(join(tmpdir(), "sysdiag-state-"));

describe("parseProgress", () => {
  const good = JSON.stringify(emptyProgress());
  it.each([
    ["{", /not JSON/],
    ["[]", /not a version 1/],
    [good.replace('"version":1', '"version":2'), /not a version 1/],
    [good.replace('"retention":0.9', '"retention":1.5'), /settings/],
    [good.replace('"cards":{}', '"cards":{"a:name":{"hash":"x"}}'), /card a:name/],
    [
      good.replace('"reviews":[]', '"reviews":[{"card":"a:name","at":"never","result":"right"}]'),
      /answers/,
    ],
  ])("%s is damaged: %s", (text, problem) => {
    expect(parseProgress(text)).toMatch(problem);
  });

  it("reads what changeProgress writes", async () => {
    const dir = fresh();
    await changeProgress(dir, NOW, (p) => {
      p.settings.newPerDay = 4;
      p.reviews.push({ card: "cdn:name", at: NOW.toISOString(), result: "partial" });
    });
    const read = readProgress(dir, NOW);
    expect(read.settings.newPerDay).toBe(4);
    expect(read.reviews).toEqual([{ card: "cdn:name", at: NOW.toISOString(), result: "partial" }]);
  });
});

describe("readProgress", () => {
  it("is empty when there is no file yet", () => {
    expect(readProgress(fresh(), NOW)).toEqual(emptyProgress());
  });

  it("sets a damaged file aside and says so, never resetting it in place", () => {
    const dir = fresh();
    writeFileSync(join(dir, "progress.json"), '{"version":1,"cards":');
    expect(() => readProgress(dir, NOW)).toThrow(DataError);
    expect(() => readProgress(fresh(), NOW)).not.toThrow();
    const files = readdirSync(dir);
    expect(files).toEqual(["progress.json.damaged-20260301T090000Z"]);
    expect(readFileSync(join(dir, files[0] as string), "utf8")).toBe('{"version":1,"cards":');
    // Set aside a second time the same second: another name, the first kept.
    writeFileSync(join(dir, "progress.json"), "junk");
    let message = "";
    try {
      readProgress(dir, NOW);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /progress\.json was damaged \(not JSON .*\); it is kept as .*damaged-20260301T090000Z-2 /,
    );
    expect(readdirSync(dir).sort()).toEqual([
      "progress.json.damaged-20260301T090000Z",
      "progress.json.damaged-20260301T090000Z-2",
    ]);
  });
});

describe("changeProgress", () => {
  it("lands every change of two processes at once (the lock)", async () => {
    const dir = fresh();
    const script = (n: number) => `
      import { changeProgress } from ${JSON.stringify(`${process.cwd()}/src/study/progress.ts`)};
      for (let i = 0; i < 15; i++) {
        await changeProgress(${JSON.stringify(dir)}, new Date(), (p) => {
          p.reviews.push({ card: "p${n}:name", at: new Date().toISOString(), result: "right" });
        });
      }`;
    const child = (n: number) =>
      new Promise<number>((done) => {
        const p = spawn(
          process.execPath,
          ["--import", "tsx", "--input-type=module", "-e", script(n)],
          { stdio: "inherit" },
        );
        p.on("exit", (code) => done(code ?? -1));
      });
    expect(await Promise.all([child(1), child(2)])).toEqual([0, 0]);
    expect(readProgress(dir, NOW).reviews).toHaveLength(30);
  });
});
