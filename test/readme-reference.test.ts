import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GLOBAL_OPTIONS } from "../src/cli/globals.js";
import { COMMANDS } from "../src/commands/registry.js";
import { parseFlags } from "../src/commands/spec.js";
import { EXIT_CODES } from "../src/core/errors.js";
import { ROOT } from "./helpers.js";

/** The README's command reference, checked against the registry of specs it documents. */

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const section = (heading: string) => {
  const start = readme.indexOf(`## ${heading}\n`);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
};
const visible = COMMANDS.filter((c) => !c.hidden);

describe("the README", () => {
  it.each(visible.map((c) => [c.name]))("documents sysdiag %s", (name) => {
    expect(readme).toMatch(new RegExp(`sysdiag ${name}\\b`));
  });

  it.each(
    visible.flatMap((c) => Object.values(c.options).map((o) => [c.name, parseFlags(o.flags).long])),
  )("documents %s --%s", (_name, long) => {
    expect(readme).toContain(`--${long}`);
  });

  it.each(Object.values(GLOBAL_OPTIONS).map((o) => [parseFlags(o.flags).long]))(
    "documents the global option --%s",
    (long) => {
      const start = readme.indexOf("### Global options");
      expect(readme.slice(start, readme.indexOf("\n## ", start))).toContain(`--${long}`);
    },
  );

  it("lists every exit code", () => {
    const table = section("Exit codes");
    for (const [code] of EXIT_CODES) expect(table).toMatch(new RegExp(`\\n\\| ${code} +\\|`));
  });

  it.each(visible.filter((c) => c.json).map((c) => [c.name]))(
    "gives the machine output of %s",
    (name) => {
      expect(section("Machine output")).toMatch(
        new RegExp(`\\\`${name} --(json|format json|format graph)`),
      );
    },
  );
});
