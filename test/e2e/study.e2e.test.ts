import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, expectOneLineError, spawnCli } from "../helpers.js";

/** A state directory of the test's own, and `study` run in it at a fixed clock. */
function studyHome(now = "2026-03-01T09:00:00Z") {
  const state = mkdtempSync(join(tmpdir(), "sysdiag-study-"));
  const env = { XDG_STATE_HOME: state, SYSDIAG_NOW: now, TZ: "UTC" };
  const study = (args: string[], input = "", more: Record<string, string> = {}) =>
    spawnCli(["study", ...args], { input, env: { ...env, ...more } });
  const progress = () => JSON.parse(readFileSync(join(state, "sysdiag", "progress.json"), "utf8"));
  return { state, env, study, progress };
}

/** The cards of a --plain transcript: header, question lines, answer lines. */
const headers = (stdout: string) => stdout.split("\n").filter((l) => l.startsWith("card "));

describe("sysdiag study --plain", () => {
  it("speaks the line protocol: header, question, one answer, verdict, answer, due", () => {
    const { study, progress } = studyHome();
    const run = study(
      ["--plain", "--seed", "1", "--limit", "3", "--category", "caching"],
      "d b c a\n\nwrong guess\n",
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const cards = run.stdout.split("\n\n").slice(0, 3);
    cards.forEach((card, i) => {
      const lines = card.split("\n");
      expect(lines[0]).toMatch(
        new RegExp(`^card ${i + 1}/3: [a-z0-9-]+ · (missing-box|order|name|components)$`),
      );
      const ask = lines.findIndex((l) => l.startsWith("? "));
      expect(ask).toBeGreaterThan(0);
      for (const line of lines.slice(1, ask)) expect(line).toMatch(/^ {2}/);
      expect(lines[ask + 1]).toMatch(/^result: (right|partial|wrong)$/);
      expect(lines[ask + 2]).toMatch(/^answer: ./);
      expect(lines.at(-1)).toMatch(/^due: 2026-03-01T09:\d\d:00Z \(in \d+ minutes?\)$/);
    });
    // A blank line is "I don't know": wrong, back in a minute.
    expect(cards[1]).toMatch(/result: wrong\n[\s\S]*due: 2026-03-01T09:01:00Z \(in 1 minute\)$/);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toMatch(
      /^end: 3 answered, \d right, \d partial, \d wrong$/,
    );
    expect(progress().reviews).toHaveLength(3);
  });

  it("grades a right answer right and schedules it further", () => {
    const { study } = studyHome();
    const run = study(
      ["--plain", "--drill", "order", "--category", "caching", "--seed", "4", "--limit", "1"],
      "C, B, A, D\n",
    );
    expect(run.stdout).toContain("card 1/1: multi-level-cache · order\n");
    expect(run.stdout).toContain("result: right\nanswer: c b a d\n");
    expect(run.stdout).toContain("due: 2026-03-01T09:10:00Z (in 10 minutes)\n");
  });

  it("gives the same cards and masks for the same state, clock and seed", () => {
    const args = ["--plain", "--seed", "42", "--limit", "6"];
    const one = studyHome().study(args, "x\n".repeat(6));
    const two = studyHome().study(args, "x\n".repeat(6));
    expect(one.stdout).toBe(two.stdout);
    expect(headers(one.stdout)).toHaveLength(6);
    expect(
      studyHome().study(["--plain", "--seed", "43", "--limit", "6"], "x\n".repeat(6)).stdout,
    ).not.toBe(one.stdout);
  });

  it("ends at the end of input with exit 0, the answers given kept, and asks the rest next time", () => {
    const { study, progress } = studyHome();
    const first = study(["--plain", "--seed", "5", "--limit", "4"], "x\ny\n");
    expect(first.code).toBe(0);
    expect(headers(first.stdout)).toHaveLength(3); // the third asked, then input ended
    expect(first.stdout.trimEnd().split("\n").at(-1)).toBe(
      "end: 2 answered, 0 right, 0 partial, 2 wrong",
    );
    expect(progress().reviews).toHaveLength(2);
    // An hour on, the two wrong ones are due again, first.
    const later = study(["--plain", "--seed", "5", "--limit", "2", "--new", "0"], "", {
      SYSDIAG_NOW: "2026-03-01T10:00:00Z",
    });
    const asked = headers(later.stdout).map((h) => h.replace(/^card \d\/\d: /, ""));
    expect(asked).toHaveLength(1); // input ended at the first
    expect(progress().reviews.map((r: { card: string }) => r.card.replace(":", " · "))).toContain(
      asked[0],
    );
  });

  it("says so, exit 1, when no card is to be studied, with when the next is due", () => {
    const { study } = studyHome();
    study(
      ["--plain", "--drill", "order", "--category", "caching", "--seed", "1", "--limit", "9"],
      "a\n".repeat(9),
    );
    const run = study(["--plain", "--drill", "order", "--category", "caching", "--new", "0"]);
    expectOneLineError(
      run,
      1,
      /^sysdiag: no card to study now; the next is due 2026-03-01T09:01:00Z \(in 1 minute\)\n$/,
    );
  });

  it("needs --plain (or --stats) without a terminal: exit 2", () => {
    expectOneLineError(studyHome().study([]), 2, /study needs a terminal; use --plain/);
  });

  it.each([
    [["--plain", "--drill", "redrawing"], /--drill/],
    [["--plain", "--retention", "1.5"], /--retention/],
    [["--plain", "--limit", "0"], /--limit/],
    [["--json"], /--json goes with --stats/],
    [["--stats", "--plain"], /--stats/],
    [["--plain", "--drill", "redraw"], /redraw drill needs a terminal and an editor/],
  ])("refuses %j: exit 2", (args, message) => {
    expectOneLineError(studyHome().study(args), 2, message);
  });

  it("refuses a SYSDIAG_NOW that is not a time: exit 2", () => {
    expectOneLineError(
      studyHome().study(["--stats"], "", { SYSDIAG_NOW: "yesterday" }),
      2,
      /SYSDIAG_NOW is 'yesterday'/,
    );
  });

  it("keeps --retention and --daily-new for later sessions", () => {
    const { study, progress } = studyHome();
    const run = study(["--stats", "--json", "--retention", "0.85", "--daily-new", "3"]);
    expect(run.stderr).toBe(
      "sysdiag: desired retention set to 0.85 (kept)\nsysdiag: new cards a day set to at most 3 (kept)\n",
    );
    expect(JSON.parse(run.stdout)).toMatchObject({
      desired_retention: 0.85,
      new_per_day: 3,
      new: 3,
    });
    expect(progress().settings).toEqual({ retention: 0.85, newPerDay: 3 });
    expect(headers(study(["--plain", "--limit", "9"], "a\n".repeat(9)).stdout)).toHaveLength(3);
  });
});

describe("the progress file", () => {
  it("survives a kill in the middle of a session: the answers given are kept, the file whole", async () => {
    const { state, env, progress } = studyHome();
    const child = spawn(
      process.execPath,
      [BIN, "study", "--plain", "--seed", "3", "--limit", "5"],
      {
        env: { ...process.env, ...env, LANG: "C.UTF-8", HOME: state },
      },
    );
    let out = "";
    const saw = (pattern: RegExp) =>
      new Promise<void>((done) => {
        const check = () => {
          if (pattern.test(out)) {
            child.stdout.off("data", check);
            done();
          }
        };
        child.stdout.on("data", (chunk) => {
          out += chunk;
        });
        child.stdout.on("data", check);
      });
    await saw(/card 1\/5/);
    child.stdin.write("first\n");
    await saw(/card 2\/5[\s\S]*\n\? /);
    child.stdin.write("second\n");
    await saw(/card 3\/5[\s\S]*\n\? /);
    child.kill("SIGKILL");
    await new Promise((done) => child.on("exit", done));
    expect(progress().reviews.map((r: { result: string }) => r.result)).toEqual(["wrong", "wrong"]);
    expect(Object.keys(progress().cards)).toHaveLength(2);
    expect(readdirSync(join(state, "sysdiag")).sort()).toEqual(["progress.json"]);
  });

  it("is set aside when damaged, said in one line with exit 3, and the next session starts afresh", () => {
    const { state, study } = studyHome();
    study(["--plain", "--limit", "1"], "a\n");
    const file = join(state, "sysdiag", "progress.json");
    writeFileSync(file, readFileSync(file, "utf8").slice(0, 40));
    const run = study(["--stats"]);
    expectOneLineError(
      run,
      3,
      /progress\.json was damaged \(not JSON.*\); it is kept as .*progress\.json\.damaged-20260301T090000Z and the next session starts afresh/,
    );
    expect(readdirSync(join(state, "sysdiag")).sort()).toEqual([
      "progress.json.damaged-20260301T090000Z",
    ]);
    expect(study(["--stats", "--json"]).code).toBe(0);
  });
});

describe("sysdiag study --stats", () => {
  it("prints due, new, reviewed_today, next_due and retention as JSON", () => {
    const { study } = studyHome();
    study(["--plain", "--limit", "2", "--seed", "1"], "a\nb\n");
    const run = study(["--stats", "--json"], "", { SYSDIAG_NOW: "2026-03-01T09:00:30Z" });
    expect(run.code).toBe(0);
    const stats = JSON.parse(run.stdout);
    expect(Object.keys(stats)).toEqual([
      "due",
      "new",
      "unseen",
      "reviewed_today",
      "next_due",
      "retention",
      "desired_retention",
      "new_per_day",
      "streak",
      "weakest",
    ]);
    expect(stats).toMatchObject({
      due: 0,
      new: 8,
      reviewed_today: 2,
      next_due: "2026-03-01T09:01:00.000Z",
      retention: null,
      streak: 1,
    });
    expect(study(["--stats"], "", { SYSDIAG_NOW: "2026-03-01T09:05:00Z" }).stdout).toMatch(
      /^due now {8}2\n/,
    );
  });
});
