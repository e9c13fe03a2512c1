import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withImplicitShow } from "../../src/cli/main.js";
import { commandPosition, quickParse } from "../../src/cli/parse.js";
import { slowParse } from "../../src/cli/program.js";
import { COMMANDS } from "../../src/commands/registry.js";

/**
 * Two parsers read the same specs: Node's parseArgs for ordinary command lines and
 * commander for help and errors. Whatever the quick one accepts, commander must
 * read the same way.
 */

const simplify = (parsed: Awaited<ReturnType<typeof slowParse>>) =>
  parsed && {
    command: parsed.command.name,
    args: parsed.args,
    options: Object.fromEntries(Object.entries(parsed.options).filter(([, v]) => v !== undefined)),
    globals: Object.fromEntries(Object.entries(parsed.globals).filter(([, v]) => v !== undefined)),
  };

describe("quickParse", () => {
  it.each([
    [["show", "cache-aside"], 0],
    [["--no-color", "show", "x"], 1],
    [["--catalog", "a.md", "list"], 2],
    [["--catalog=a.md", "list"], 1],
    [["--help"], -1],
    [[], -1],
  ])("finds the command in %j at %i", (argv, at) => {
    expect(commandPosition(argv)).toBe(at);
  });

  it.each([
    [["cache-aside"], ["show", "cache-aside"]],
    [
      ["--ascii", "cache", "aside"],
      ["--ascii", "show", "cache", "aside"],
    ],
    [["list"], ["list"]],
    [["shw"], ["shw"]],
    [
      ["serach", "x"],
      ["serach", "x"],
    ],
  ])("reads %j as %j", (argv, line) => {
    expect(withImplicitShow(argv)).toEqual(line);
  });

  it("agrees with commander on every command line it accepts", async () => {
    // A command, then words that command and the globals understand, and some noise.
    const line = fc
      .constantFrom(...COMMANDS)
      .chain((command) =>
        fc
          .array(
            fc.oneof(
              fc.constantFrom(
                ...Object.values(command.options).flatMap((o) => o.flags.split(/[ ,]+/)),
                ...(command.output ? ["-o", "-", "--force"] : []),
                "--color",
                "--no-color",
                "--ascii",
                "--unicode",
                "--strict",
                "--catalog",
                "cache-aside",
                "databases",
                "svg",
                "md",
                "json",
                "bash",
                "3",
                "0",
                "-",
                "--",
                "--format=json",
                "-n5",
                "-fmd",
              ),
              fc.string({ maxLength: 6 }),
            ),
            { maxLength: 5 },
          )
          .map((rest) => [command.name, ...rest]),
      );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(line, async (argv) => {
        const quick = quickParse(argv, COMMANDS);
        if (!quick) return;
        accepted++;
        let slow: Awaited<ReturnType<typeof slowParse>>;
        try {
          slow = await slowParse([...argv], () => {}, 80);
        } catch (error) {
          throw new Error(
            `quick accepted ${JSON.stringify(argv)}; commander: ${(error as Error).message}`,
          );
        }
        expect(simplify(slow)).toEqual(simplify(quick));
      }),
      { numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(300);
  });
});
