import { describe, expect, it } from "vitest";
import { GLOBAL_OPTIONS } from "../../src/cli/globals.js";
import { optionsOf } from "../../src/cli/parse.js";
import { COMMANDS } from "../../src/commands/registry.js";
import { parseFlags } from "../../src/commands/spec.js";

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
    expect(reading(flags)).toBe(`bad flags spec '${flags}'`);
  });

  it("reads every option of every command under the key its spec is filed by", () => {
    // A command's run receives its options by these keys (OptionValues).
    const options = COMMANDS.flatMap((c) => Object.entries(optionsOf(c)));
    expect(options.length).toBeGreaterThan(30);
    for (const [key, { flags }] of options) expect(parseFlags(flags).key, flags).toBe(key);
    for (const { flags } of Object.values(GLOBAL_OPTIONS))
      expect(reading(flags)).not.toBeTypeOf("string");
  });
});
