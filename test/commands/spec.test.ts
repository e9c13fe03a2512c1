import { describe, expect, it } from "vitest";
import { GLOBAL_OPTIONS } from "../../src/cli/globals.js";
import { optionsOf } from "../../src/cli/parse.js";
import { COMMANDS } from "../../src/commands/registry.js";
import { parseFlags } from "../../src/commands/spec.js";

/** The reading parseFlags had as two regular expressions, kept here as the reference. */
function byExpression(flags: string) {
  const match = /^(?:-(\w), )?--([\w-]+)(?: <([\w.-]+)>)?$/.exec(flags);
  if (!match) return undefined;
  const [, short, long = "", value] = match;
  const negated = long.startsWith("no-");
  const base = negated ? long.slice(3) : long;
  const key = base.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return { long, negated, key, ...(short ? { short } : {}), ...(value ? { value } : {}) };
}

const reading = (flags: string) => {
  try {
    return parseFlags(flags);
  } catch (error) {
    return (error as Error).message;
  }
};

describe("parseFlags", () => {
  it.each([
    ["-f, --format <format>", { long: "format", short: "f", value: "format", key: "format" }],
    ["--no-color", { long: "no-color", negated: true, key: "color" }],
    ["--dry-run", { long: "dry-run", key: "dryRun" }],
    ["--a-b-c <x.y-z>", { long: "a-b-c", key: "aBC", value: "x.y-z" }],
    ["--a--b", { long: "a--b", key: "a-B" }],
    ["--trailing-", { long: "trailing-", key: "trailing-" }],
    ["--no-", { long: "no-", negated: true, key: "" }],
    ["---", { long: "-", key: "-" }],
  ])("%s", (flags, want) => {
    expect(parseFlags(flags)).toEqual({ negated: false, ...want });
    expect(parseFlags(flags)).toEqual(byExpression(flags));
  });

  it.each([
    "",
    "format",
    "-f",
    "-f --format",
    "-f,--format",
    "-ff, --format",
    "-é, --format",
    "--",
    "--for mat",
    "--format <>",
    "--format <a b>",
    "--format <x",
    "--format x>",
    "--format  <x>",
    "--format <x> ",
    "--fórmat",
    "- , --format",
    "--a <b> <c>",
    "-f, --format <x> y",
  ])("refuses %j", (flags) => {
    expect(byExpression(flags)).toBeUndefined();
    expect(reading(flags)).toBe(`bad flags spec '${flags}'`);
  });

  it("reads every option of every command and the global ones as before", () => {
    const all = [
      ...Object.values(GLOBAL_OPTIONS),
      ...COMMANDS.flatMap((c) => Object.values(optionsOf(c))),
    ];
    expect(all.length).toBeGreaterThan(30);
    for (const { flags } of all) expect(reading(flags), flags).toEqual(byExpression(flags));
  });
});
