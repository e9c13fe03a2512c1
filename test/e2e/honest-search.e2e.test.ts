import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/core/width.js";
import { ANSI, expectOneLineError, ROOT, run, spawnCli as sysdiag } from "../helpers.js";

// Issue 23: search says what it does not know, and show never swaps a name quietly.
const uncurated = `${ROOT}test/search/uncurated.md`;

describe("search: too little of the query is no result", () => {
  it.each([
    // Words no diagram mentions (issue 24 brought raft, and "maps" now reads as mapreduce's "map").
    ["knitting", "yarn", "'knitting' or 'yarn'"],
    ["sourdough", "starter", "'sourdough' or 'starter'"],
    // A diagram mentions "cookie" now, but too little of the query: only the others are named.
    ["chocolate", "chip", "cookie", "'chocolate' or 'chip'"],
  ])("%s %s: exit 1, naming the words nothing mentions", (...args) => {
    const words = args.slice(0, -1);
    const named = args.at(-1) as string;
    expectOneLineError(
      sysdiag(["search", ...words]),
      1,
      new RegExp(
        `^sysdiag: nothing matches '${words.join(" ")}': no diagram mentions ${named}; try`,
      ),
    );
    expect(sysdiag(["search", ...words, "--json"])).toEqual({
      code: 1,
      stdout: "[]\n",
      stderr: "",
    });
    expect(sysdiag(["search", ...words, "--ids"])).toMatchObject({ code: 1, stdout: "" });
  });

  it("says which words a partial result holds, and once which no diagram mentions", () => {
    const { code, stdout, stderr } = sysdiag(["search", "zucchini", "maps"]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(/ \(matches 'maps'; not 'zucchini'\)$/);
    expect(stderr).toBe("sysdiag: no diagram mentions 'zucchini'\n");
  });

  it("a result holding every word says nothing more", () => {
    const first = sysdiag(["search", "cache", "aside"]).stdout.split("\n")[0];
    expect(first).toMatch(/^1\. cache-aside +Cache-Aside Pattern +Caching Strategies$/);
  });
});

describe("search shows each hit's summary, clipped to the terminal", () => {
  it("under the hit, whole when not a terminal", () => {
    const lines = sysdiag(["search", "saga", "-n", "1"]).stdout.split("\n");
    expect(lines[1]).toMatch(
      /^ {3}A distributed transaction as a chain of local steps, .*fails\.$/,
    );
  });

  it.each([30, 50, 80])(
    "never past %i columns, ending in an ellipsis when cut",
    async (columns) => {
      const { stdout } = await run(["--no-color", "search", "saga", "-n", "3"], {
        tty: true,
        columns,
      });
      const summaries = stdout.split("\n").filter((l) => l.startsWith("   "));
      expect(summaries.length).toBeGreaterThan(0);
      for (const line of summaries) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
      expect(summaries.some((l) => l.endsWith("…"))).toBe(true);
    },
  );

  it("with --ascii the ellipsis is three dots", async () => {
    const { stdout } = await run(["--ascii", "--no-color", "search", "saga", "-n", "1"], {
      tty: true,
      columns: 40,
    });
    expect(stdout).not.toMatch(ANSI);
    expect(stdout.split("\n")[1]).toMatch(/\.\.\.$/);
  });

  it("a diagram with no summary shows no line for it", () => {
    const { stdout } = sysdiag(["--catalog", uncurated, "search", "memtable", "sstable"]);
    // The built-in lsm-tree (issue 24) comes first, with its summary; the uncurated one has none.
    expect(stdout).toMatch(/^1\. lsm-tree .*\n {3}\S/);
    expect(stdout).toMatch(/^2\. high-level-architecture .*\n(?! {3})/m);
  });
});

describe("search --ids and --explain", () => {
  it("--ids: one id a line, best first", () => {
    const ids = sysdiag(["search", "replication", "--ids", "-n", "3"]);
    expect(ids).toEqual({
      code: 0,
      stdout: "master-slave-replication\nmaster-master-replication\nread-replicas\n",
      stderr: "",
    });
  });

  it("--ids is neither --json nor --explain", () => {
    expectOneLineError(sysdiag(["search", "x", "--ids", "--json"]), 2, /--ids/);
  });

  it("--explain says what each hit holds and what it lacks", () => {
    const { stdout } = sysdiag(["search", "distributed", "transaction", "--explain", "-n", "4"]);
    expect(stdout).toMatch(/holds 100% of the query: transaction \(aliases, \+9\.1\)/);
    expect(stdout).toMatch(
      /holds \d+% of the query: transaction→transactional \(name, prefix, \+\d+\.\d\); not matched: distributed/,
    );
    const json = JSON.parse(sysdiag(["search", "zucchini", "maps", "--json", "--explain"]).stdout);
    expect(json[0]).toMatchObject({ missing: ["zucchini"] });
  });
});

describe("list --tag", () => {
  it("keeps the diagrams with the tag, in any case, with -t too", () => {
    const ids = sysdiag(["list", "--tag", "KAFKA", "--ids"]).stdout.trim().split("\n");
    expect(ids).toContain("message-queue");
    expect(ids).not.toContain("cache-aside");
    expect(sysdiag(["list", "-t", "kafka", "--ids"]).stdout).toBe(`${ids.join("\n")}\n`);
  });

  it("with a category, both", () => {
    expect(sysdiag(["list", "messaging", "-t", "kafka", "--ids"]).stdout).toBe(
      "pub-sub\nmessage-queue\n",
    );
  });

  it("a tag no diagram has: exit 1 naming the nearest", () => {
    expectOneLineError(
      sysdiag(["list", "-t", "kafak"]),
      1,
      /^sysdiag: no diagram has the tag 'kafak'; did you mean kafka\?\n$/,
    );
  });
});

describe("show never swaps a name quietly", () => {
  it("a name written as an id that is not one: not found, did you mean", () => {
    expectOneLineError(
      sysdiag(["show", "write-path", "--json"]),
      1,
      /^sysdiag: no diagram named 'write-path'; did you mean write-flow, /,
    );
    // As words, it is the alias it spells.
    expect(JSON.parse(sysdiag(["show", "write", "path", "--json"]).stdout).id).toBe("write-flow");
  });

  it("a near miss shown says so on standard error", () => {
    const { code, stdout, stderr } = sysdiag(["show", "circut", "breaker", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).id).toBe("circuit-breaker");
    expect(stderr).toBe(
      "sysdiag: no diagram is named 'circut breaker'; showing the closest: circuit-breaker (Circuit Breaker Pattern)\n",
    );
    // An exact name says nothing.
    expect(sysdiag(["show", "cache", "aside", "--raw"]).stderr).toBe("");
  });

  it("reads the words together first: the error is about all of them", () => {
    expectOneLineError(
      // "leader election" is an alias of raft since issue 24.
      sysdiag(["show", "leader", "voting"]),
      1,
      /^sysdiag: no diagram named 'leader voting', nor one named 'leader'; did you mean /,
    );
  });
});
