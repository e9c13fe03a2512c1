import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAN_PATH, manPage } from "../../scripts/man.js";
import { roff } from "../../src/cli/man.js";
import { COMMANDS } from "../../src/commands/registry.js";
import { EXIT_CODES } from "../../src/core/errors.js";

/** A tool the test needs: missing is a failure with the fix, never a silent skip (.ci/run installs it). */
const has = (tool: string) => {
  if (spawnSync(tool, ["--version"]).status === 0) return true;
  throw new Error(`${tool} is not installed: apt-get install man-db groff (.ci/run does)`);
};

describe("roff", () => {
  it.each([
    ["plain words", "plain words"],
    ["--format", "\\-\\-format"],
    ["a\\b", "a\\eb"],
    [".TH at the start", "\\&.TH at the start"],
    ["'quoted at the start", "\\(aqquoted at the start"],
    ["two\n.lines", "two\n\\&.lines"],
    ["`code`", "\\(gacode\\(ga"],
    ["mid.dot", "mid.dot"],
  ])("%j -> %j", (text, expected) => {
    expect(roff(text)).toBe(expected);
  });
});

describe("man/sysdiag.1", () => {
  it("is what the specs make now (npm run build writes it)", () => {
    expect(readFileSync(MAN_PATH, "utf8")).toBe(manPage());
  });

  it.each(COMMANDS.filter((c) => !c.hidden && c.exitCodes.length > 0).map((c) => [c.name, c]))(
    "gives the exit codes of %s under it",
    (name, command) => {
      const page = readFileSync(MAN_PATH, "utf8");
      const start = page.indexOf(`\n.SS ${roff(name)}\n`);
      const end = page.indexOf("\n.S", start + 1);
      const body = page.slice(start, end).replace(/\\-/g, "-");
      expect(start).toBeGreaterThan(0);
      for (const [code] of command.exitCodes) expect(body).toMatch(new RegExp(`[:;] ${code}: `));
    },
  );

  it.runIf(has("man"))("renders with man -l without a warning, every command in it", () => {
    const result = spawnSync("man", ["-l", MAN_PATH], {
      encoding: "utf8",
      env: { ...process.env, MANWIDTH: "80", MANPAGER: "cat", PAGER: "cat", LANG: "C.UTF-8" },
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const text = result.stdout;
    for (const heading of [
      "NAME",
      "SYNOPSIS",
      "DESCRIPTION",
      "COMMANDS",
      "GLOBAL OPTIONS",
      "EXIT STATUS",
      "ENVIRONMENT",
      "FILES",
      "LIMITS",
      "EXAMPLES",
    ]) {
      expect(text).toMatch(new RegExp(`\\n${heading}\\n`));
    }
    for (const command of COMMANDS.filter((c) => !c.hidden)) {
      expect(text).toMatch(new RegExp(`\\n {3}${command.name}\\n {7}sysdiag ${command.name} `));
    }
    expect(text).not.toMatch(/\n {3}__complete\n/);
    for (const [code] of EXIT_CODES) expect(text).toMatch(new RegExp(`\\n {7}${code}\\s`));
    // Hyphens came through as hyphens, not as roff's minus-less dashes or lost.
    expect(text).toContain("--format");
    expect(text).toContain("SYSDIAG_CATALOG");
  });

  it.runIf(has("groff"))("passes groff's own checks (-ww: every warning)", () => {
    const result = spawnSync("groff", ["-ww", "-z", "-man", MAN_PATH], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
