import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ANSI, BIN, catalog, expectOneLineError, ROOT, spawnCli } from "../helpers.js";

const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { version: string };

const sysdiag = (args: string[], env: Record<string, string> = {}) => spawnCli(args, { env });

const fixture = (name: string) => readFileSync(`${ROOT}test/fixtures/${name}`, "utf8");

describe("sysdiag show", () => {
  it("prints the framed diagram, uncoloured when piped", () => {
    const result = sysdiag(["show", "cache-aside"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(fixture("show-cache-aside.never.txt"));
    expect(result.stdout).not.toMatch(ANSI);
  });

  it.each([
    ["--color", ["--color"], {}],
    ["FORCE_COLOR", [], { FORCE_COLOR: "1" }],
  ])("colours with %s", (_name, flags, env) => {
    expect(sysdiag([...flags, "show", "cache-aside"], env).stdout).toBe(
      fixture("show-cache-aside.always.txt"),
    );
  });

  it.each([
    ["NO_COLOR", [], { NO_COLOR: "1", FORCE_COLOR: "1" }],
    ["--no-color", ["--no-color"], { FORCE_COLOR: "1" }],
  ])("never colours with %s", (_name, flags, env) => {
    expect(sysdiag(["show", "cache-aside", ...flags], env).stdout).toBe(
      fixture("show-cache-aside.never.txt"),
    );
  });

  it("--raw prints every diagram byte for byte as in the catalog", () => {
    // 40 a process: a process each is minutes on a loaded machine, and all at once is over
    // the 1,000 characters a query may have.
    for (let at = 0; at < catalog.diagrams.length; at += 40) {
      const some = catalog.diagrams.slice(at, at + 40);
      const result = sysdiag(["show", ...some.map((d) => d.id), "--raw"], { FORCE_COLOR: "1" });
      expect(result.stdout).toBe(`${some.map((d) => d.diagram).join("\n\n")}\n`);
    }
  });

  it("--raw with several names separates them with a blank line", () => {
    const diagram = (id: string) => catalog.diagrams.find((d) => d.id === id)?.diagram;
    expect(sysdiag(["show", "cqrs", "saga", "--raw"]).stdout).toBe(
      `${diagram("cqrs")}\n\n${diagram("saga")}\n`,
    );
  });

  it("--json prints the entry, and an array for several names", () => {
    const one = JSON.parse(sysdiag(["show", "2pc", "--json"]).stdout);
    expect(one).toEqual({
      ...catalog.diagrams.find((d) => d.id === "two-phase-commit"),
      source: "built-in",
    });
    const two = JSON.parse(sysdiag(["show", "cqrs", "saga", "--json"]).stdout);
    expect(two.map((e: { id: string }) => e.id)).toEqual(["cqrs", "saga"]);
  });

  it("resolves titles and near misses", () => {
    expect(sysdiag(["show", "Two-Phase Commit (2PC)", "--raw"]).code).toBe(0);
    expect(sysdiag(["show", "cach asid", "--json"]).stdout).toMatch(/"id": "cache-aside"/);
  });

  it("not found: exit 1 and suggestions", () => {
    expectOneLineError(sysdiag(["show", "kafkaa"]), 1, /no diagram named 'kafkaa'/);
    expectOneLineError(
      sysdiag(["show", "replication"]),
      1,
      /did you mean master-slave-replication, master-master-replication, read-replicas\?/,
    );
  });

  it("one unknown name among several prints nothing", () => {
    expectOneLineError(sysdiag(["show", "cqrs", "zzzzqqq"]), 1, /'zzzzqqq'/);
  });

  it("usage errors: exit 2 and a pointer to --help", () => {
    expectOneLineError(
      sysdiag(["show"]),
      2,
      /missing required argument 'name'; see 'sysdiag show --help'/,
    );
    expectOneLineError(
      sysdiag(["show", "x", "--jsn"]),
      2,
      /unknown option '--jsn' \(did you mean --json\?\)/,
    );
    expectOneLineError(sysdiag(["show", "x", "--raw", "--json"]), 2, /cannot be used together/);
  });
});

describe("sysdiag list and categories", () => {
  const databases = catalog.diagrams.filter((d) => d.categoryId === "databases").length;
  it("lists every diagram under its category", () => {
    const { code, stdout } = sysdiag(["list"]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe("Architecture Patterns (architecture)");
    expect(stdout).toMatch(/^ {2}cache-aside +Cache-Aside Pattern$/m);
    expect(stdout.match(/^ {2}\S/gm)).toHaveLength(catalog.diagrams.length);
  });

  it.each(["databases", "database", "Database Architectures", "databse"])(
    "--category %j",
    (category) => {
      const { code, stdout } = sysdiag(["list", "--category", category]);
      expect(code).toBe(0);
      expect(stdout.split("\n")[0]).toBe("Database Architectures (databases)");
      expect(stdout.match(/^ {2}\S/gm)).toHaveLength(databases);
    },
  );

  it("--json", () => {
    const list = JSON.parse(sysdiag(["list", "--json", "-c", "caching"]).stdout);
    expect(list[0]).toEqual({
      id: "cache-aside",
      title: "Cache-Aside Pattern",
      category: "Caching Strategies",
      categoryId: "caching",
      source: "built-in",
    });
  });

  it("an unknown category: exit 1 and the valid ones", () => {
    expectOneLineError(sysdiag(["list", "-c", "kitchen"]), 1, /categories are: architecture, /);
  });

  it("takes the category as an argument too", () => {
    expect(sysdiag(["list", "databases"]).stdout).toBe(sysdiag(["list", "-c", "databases"]).stdout);
  });

  it("a stray argument is a usage error", () => {
    expectOneLineError(
      sysdiag(["list", "databases", "caching"]),
      2,
      /too many arguments for 'list'/,
    );
    expectOneLineError(
      sysdiag(["list", "databases", "-c", "caching"]),
      2,
      /give the category once/,
    );
  });

  it("categories, with ids and counts", () => {
    const { stdout } = sysdiag(["categories"]);
    expect(stdout.split("\n")).toHaveLength(catalog.categories.length + 1);
    expect(stdout).toMatch(new RegExp(`^databases +Database Architectures +${databases}$`, "m"));
    const json = JSON.parse(sysdiag(["categories", "--json"]).stdout);
    expect(json[3]).toEqual({ id: "databases", name: "Database Architectures", count: databases });
  });
});

describe("sysdiag search", () => {
  it("ranks matches: rank, id, title, category", () => {
    const { code, stdout } = sysdiag(["search", "replication"]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(
      /^ ?1\. master-slave-replication +Master-Slave Replication +Database Architectures$/,
    );
  });

  it("tolerates typos", () => {
    expect(sysdiag(["search", "cach", "asid"]).stdout).toMatch(/^ ?1\. cache-aside /);
  });

  it("--limit and --json", () => {
    const hits = JSON.parse(sysdiag(["search", "replication", "-n", "2", "--json"]).stdout);
    expect(hits).toHaveLength(2);
    expect(Object.keys(hits[0])).toEqual(["id", "title", "category", "source", "score"]);
  });

  it("no result: exit 1 with a hint", () => {
    expectOneLineError(
      sysdiag(["search", "zzzzqqq"]),
      1,
      /nothing matches 'zzzzqqq': no diagram mentions 'zzzzqqq'; try/,
    );
  });

  it("a blank query is a usage error, as a missing one is", () => {
    for (const words of [[" "], ["", "\t"]]) {
      expectOneLineError(
        sysdiag(["search", ...words]),
        2,
        /: the query has no words; see 'sysdiag search --help'\n$/,
      );
      expectOneLineError(sysdiag(["search", "--json", ...words]), 2, /the query has no words/);
    }
  });

  it("a bad --limit is a usage error", () => {
    expectOneLineError(sysdiag(["search", "x", "--limit", "lots"]), 2, /'lots' is invalid/);
  });
});

describe("start-up", () => {
  // The first use of the locale data (toLocaleString, Intl.NumberFormat) costs 12 ms: a
  // message made at a module's load once put it in every command's start-up.
  const dir = mkdtempSync(join(tmpdir(), "sysdiag-locale-"));
  const preload = join(dir, "watch.cjs");
  writeFileSync(
    preload,
    `const used = [];
const number = Number.prototype.toLocaleString;
Number.prototype.toLocaleString = function (...a) { used.push("toLocaleString"); return number.apply(this, a); };
const NumberFormat = Intl.NumberFormat;
Intl.NumberFormat = function (...a) { used.push("NumberFormat"); return new NumberFormat(...a); };
process.on("exit", () => require("node:fs").writeSync(2, "locale: " + used.join(",") + "\\n"));
`,
  );

  it.each([
    [["show", "cache-aside"]],
    [["show", "cache-aside", "-f", "svg"]],
    [["show", "cache-aside", "-f", "graph"]],
    [["list"]],
    [["categories"]],
    [["search", "replication"]],
    [["lint"]],
    [["--help"]],
  ])("%j asks nothing of the locale data", (args) => {
    const result = spawnSync(process.execPath, ["-r", preload, BIN, ...args], {
      encoding: "utf8",
      env: { ...process.env, LANG: "C.UTF-8", NO_COLOR: "1" },
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("locale: \n");
  });

  // node:tty and node:net bring the stream modules (docs/decisions/0004-no-terminal-modules-on-a-pipe.md):
  // output to a pipe or a file needs none of them.
  const modules = join(dir, "modules.cjs");
  writeFileSync(
    modules,
    `process.on("exit", () => {
  const heavy = process.moduleLoadList.filter((m) => /^NativeModule (tty|net|stream)$/.test(m));
  require("node:fs").writeSync(2, "heavy: " + heavy.join(",") + "\\n");
});
`,
  );
  // Standard input a pipe, or /dev/null (a character device, as under cron and the
  // bench): only a command that reads keys asks whether it is a terminal.
  it.each([
    [["show", "cache-aside"], "pipe"],
    [["show", "cache-aside"], "ignore"],
    [["show", "cache-aside", "-f", "svg"], "ignore"],
    [["show", "cache-aside", "-f", "mermaid"], "ignore"],
    [["list"], "pipe"],
    [["list"], "ignore"],
    [["search", "replication"], "ignore"],
    [["categories"], "ignore"],
  ] as const)("%j loads no stream module, and warns of nothing (stdin: %s)", (args, stdin) => {
    // Node's strictest deprecation settings: no deprecated API is used.
    const result = spawnSync(
      process.execPath,
      ["--pending-deprecation", "--throw-deprecation", "-r", modules, BIN, ...args],
      { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, stdio: [stdin, "pipe", "pipe"] },
    );
    expect(result.stderr).toBe("heavy: \n");
    expect(result.status).toBe(0);
  });

  it("lint warns of nothing under the strictest deprecation settings", () => {
    const result = spawnSync(
      process.execPath,
      ["--pending-deprecation", "--throw-deprecation", BIN, "lint"],
      { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});

describe("the program", () => {
  it("--version", () => {
    expect(sysdiag(["--version"])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it.each([[[]], [["show"]], [["list"]], [["categories"]], [["search"]], [["tips"]]])(
    "--help %j has examples",
    (command) => {
      const { code, stdout } = sysdiag([...command, "--help"]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage: sysdiag/);
      expect(stdout).toMatch(/Examples:\n {2}\$ sysdiag /);
    },
  );

  it("tips prints the drawing tips as Markdown when piped", () => {
    const { stdout } = sysdiag(["tips"]);
    expect(stdout).toMatch(/^## Diagram Drawing Tips\n\n### 1\. Use Standard Symbols\n/);
  });

  it("an unknown command: exit 2", () => {
    expectOneLineError(
      sysdiag(["shw"]),
      2,
      /unknown command 'shw' \(did you mean show\?\); see 'sysdiag --help'/,
    );
  });

  it("no command, not on a terminal: the help, exit 0", () => {
    const { code, stdout, stderr } = sysdiag([]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^Usage: sysdiag/);
  });

  it("a closed pipe ends quietly", () => {
    // As many diagrams as a query may name: far more output than a pipe holds.
    const ids = catalog.diagrams
      .slice(0, 60)
      .map((d) => d.id)
      .join(" ");
    const result = spawnSync("bash", ["-c", `set -o pipefail; node ${BIN} show ${ids} | head -1`], {
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^╭ Monolithic Architecture/);
    expect(result.stderr).toBe("");
  });

  it("a broken catalog is one line, exit 3", () => {
    expectOneLineError(
      sysdiag(["list"], { SYSDIAG_CATALOG: `${ROOT}package.json` }),
      3,
      /not a version 1 sysdiag catalog/,
    );
  });
});
