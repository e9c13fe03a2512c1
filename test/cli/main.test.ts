import { describe, expect, it } from "vitest";
import { decideAscii, decideColor } from "../../src/cli/globals.js";
import { main } from "../../src/cli/main.js";
import { ANSI, catalog, run } from "../helpers.js";

describe("decideColor", () => {
  it.each([
    ["a terminal", undefined, true, {}, true],
    ["a pipe", undefined, false, {}, false],
    ["NO_COLOR on a terminal", undefined, true, { NO_COLOR: "1" }, false],
    ["an empty NO_COLOR", undefined, true, { NO_COLOR: "" }, true],
    ["FORCE_COLOR on a pipe", undefined, false, { FORCE_COLOR: "1" }, true],
    ["FORCE_COLOR=0 on a terminal", undefined, true, { FORCE_COLOR: "0" }, false],
    ["NO_COLOR beats FORCE_COLOR", undefined, false, { NO_COLOR: "1", FORCE_COLOR: "1" }, false],
    ["--no-color beats FORCE_COLOR", false, true, { FORCE_COLOR: "1" }, false],
    ["--color beats NO_COLOR", true, false, { NO_COLOR: "1" }, true],
    ["a dumb terminal", undefined, true, { TERM: "dumb" }, false],
  ])("%s", (_name, flag, tty, env, expected) => {
    expect(decideColor(flag, env, tty)).toBe(expected);
  });
});

describe("decideAscii", () => {
  it.each([
    ["no locale at all", {}, {}, false],
    ["a UTF-8 LANG", {}, { LANG: "en_US.UTF-8" }, false],
    ["LANG=C", {}, { LANG: "C" }, true],
    ["LANG=POSIX", {}, { LANG: "POSIX" }, true],
    ["a Latin-1 LANG", {}, { LANG: "de_DE.ISO-8859-1" }, true],
    ["LC_ALL over LANG", {}, { LC_ALL: "C", LANG: "en_US.UTF-8" }, true],
    ["LC_CTYPE over LANG", {}, { LC_CTYPE: "en_US.utf8", LANG: "C" }, false],
    ["--unicode over the locale", { unicode: true }, { LANG: "C" }, false],
    ["--ascii over the locale", { ascii: true }, { LANG: "en_US.UTF-8" }, true],
  ])("%s", (_name, flags, env, expected) => {
    expect(decideAscii(flags, env)).toBe(expected);
  });
});

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
