import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { displayWidth } from "../../src/core/width.js";
import { ANSI, catalog, run } from "../helpers.js";

describe("main, in-process", () => {
  it("colours a terminal and not a pipe", async () => {
    expect((await run(["show", "cqrs"], { tty: true, columns: 200 })).stdout).toMatch(ANSI);
    expect((await run(["show", "cqrs"])).stdout).not.toMatch(ANSI);
  });

  it("accepts --no-color after the command too", async () => {
    const result = await run(["show", "cqrs", "--no-color"], { tty: true, columns: 200 });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(ANSI);
  });

  it("unframes a diagram that a narrow terminal would wrap", async () => {
    const wide = await run(["show", "cache-aside"], {
      tty: true,
      columns: 120,
      env: { NO_COLOR: "1" },
    });
    const narrow = await run(["show", "cache-aside"], {
      tty: true,
      columns: 40,
      env: { NO_COLOR: "1" },
    });
    expect(wide.stdout.startsWith("╭ Cache-Aside Pattern")).toBe(true);
    expect(narrow.stdout.startsWith("Cache-Aside Pattern · Caching Strategies\n┌─────────┐")).toBe(
      true,
    );
    const diagram = catalog.diagrams.find((d) => d.id === "cache-aside")?.diagram ?? "";
    const diagramLines = narrow.stdout.split("\n").slice(1, 1 + diagram.split("\n").length);
    expect(diagramLines.join("\n")).toBe(diagram);
    expect(Math.max(...diagramLines.map((l) => [...l].length))).toBeLessThanOrEqual(40);
  });

  it("reads the catalog named by SYSDIAG_CATALOG", async () => {
    const result = await run(["list"], { env: { SYSDIAG_CATALOG: "/nonexistent/catalog.json" } });
    expect(result).toMatchObject({ code: 3, stdout: "" });
    expect(result.stderr).toBe(
      "sysdiag: cannot read the catalog /nonexistent/catalog.json: no such file or directory (ENOENT)\n",
    );
  });
});

describe("a bug", () => {
  it("prints its stack and exits 70", async () => {
    let stderr = "";
    const code = await main(["list"], {
      stdout: {
        write: () => {
          throw new TypeError("boom");
        },
      },
      stderr: {
        write: (text: string) => {
          stderr += text;
        },
      },
      env: {},
    });
    expect(code).toBe(70);
    expect(stderr).toMatch(/^sysdiag: internal error, please report it:\nTypeError: boom\n {4}at /);
  });
});

describe("a terminal that says it has 0 columns", () => {
  it.each([
    ["show", "cache-aside"],
    ["show", "cache-aside", "--ascii"],
    ["show", "cqrs"],
    ["random", "--seed", "1"],
    ["list"],
    ["search", "cache"],
    ["show", "--help"],
  ])("%s %s %s: printed as on 80 columns", async (...args) => {
    const argv = args.filter((a): a is string => typeof a === "string");
    const zero = await run(argv, { tty: true, columns: 0 });
    const eighty = await run(argv, { tty: true, columns: 80 });
    expect(zero.code).toBe(0);
    expect(zero).toEqual(eighty);
  });
});

describe("list and search on a narrow terminal", () => {
  it.each([
    ["list", 60],
    ["list", 40],
    ["search cache", 60],
    ["search cache", 40],
    ["search replication", 50],
  ] as const)(
    "%s at %i columns: every row fits, a clipped one ends in …",
    async (line, columns) => {
      const { stdout } = await run(line.split(" "), { tty: true, columns, env: { NO_COLOR: "1" } });
      const wide = (await run(line.split(" "), { tty: true, columns: 300, env: { NO_COLOR: "1" } }))
        .stdout;
      const rows = stdout.split("\n");
      for (const row of rows) expect(displayWidth(row), row).toBeLessThanOrEqual(columns);
      // A row is the wide one, or a cut of it that says so.
      const full = wide.split("\n");
      expect(rows).toHaveLength(full.length);
      rows.forEach((row, i) => {
        if (row !== full[i]) expect(row, row).toMatch(/…/);
      });
    },
  );

  it("is unchanged where it fits", async () => {
    for (const line of ["list", "search cache"]) {
      const terminal = await run(line.split(" "), {
        tty: true,
        columns: 300,
        env: { NO_COLOR: "1" },
      });
      const piped = await run(line.split(" "), { env: { NO_COLOR: "1" } });
      expect(terminal.stdout).toBe(piped.stdout);
    }
  });
});
