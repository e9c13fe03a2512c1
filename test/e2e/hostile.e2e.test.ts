import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { COMMANDS } from "../../src/commands/registry.js";
import { hasControl, spawnCli } from "../helpers.js";

/**
 * A catalog written by an attacker, run through every command: nothing it holds
 * may reach the terminal as a control sequence. Our own colour codes (SGR) are the
 * only escape sequences allowed, and only with --color.
 */

const ESC = "\u001b";
const evil = {
  osc: `${ESC}]0;pwned\u0007`,
  csi: `${ESC}[2J${ESC}[31m`,
  dcs: `${ESC}P1$r${ESC}\\`,
  c1: "\u009b31m",
  bidi: "\u202e\u2066",
  misc: "\u0008\r\u007f",
  invisible: "\u200b\u2060\ufeff\u2028\u2029\u{e0041}\u{e007f}",
};
const all = Object.values(evil).join("");

const dir = mkdtempSync(join(tmpdir(), "sysdiag-hostile-"));
const doc = join(dir, "evil.md");
writeFileSync(
  doc,
  `## Evil ${all}\n\n### Trap ${all}\n<!-- sysdiag\nid: trap\naliases: evil ${all}\ntags: ${all}\nsummary: ${all} summary\nrelated: cqrs\n-->\n\`\`\`\n┌──────┐ ${all}\n│ ${evil.osc} │\n└──────┘\n\`\`\`\n`,
);
const json = join(dir, "evil.json");
writeFileSync(
  json,
  JSON.stringify({
    version: 1,
    categories: [{ id: "evil", name: `Evil ${all}` }],
    diagrams: [
      {
        id: "json-trap",
        title: `Json ${all}`,
        category: `Evil ${all}`,
        categoryId: "evil",
        aliases: [all],
        tags: [all],
        summary: all,
        related: [],
        diagram: `┌────┐${all}\n└────┘`,
        line: 1,
      },
    ],
  }),
);

/** Arguments that make each command print what the catalog holds. */
const RUNS: Record<string, string[][]> = {
  show: [
    ["trap", "-f", "mermaid"],
    ["trap", "-f", "dot"],
    ["trap", "-f", "d2"],
    ["trap", "-f", "graph"],
    ["trap"],
    ["json-trap"],
    ["trap", "--raw"],
    ["trap", "--json"],
    ["trap", "--format", "md"],
    ["trap", "--format", "svg"],
    ["trap", "--ascii"],
  ],
  list: [[], ["--json"], ["evil"]],
  categories: [[], ["--json"]],
  search: [["evil"], ["evil", "--explain"], ["evil", "--json"], ["pwned"]],
  lint: [[], [doc], [`${doc}${ESC}]0;x\u0007`]],
  tips: [[]],
  render: [
    [doc],
    [doc, "-f", "svg", "-b", "1"],
    [doc, "-f", "mermaid", "-b", "1"],
    [doc, "-f", "dot", "-b", "1"],
    [doc, "-f", "d2", "-b", "1"],
    [doc, "-f", "graph", "-b", "1"],
  ],
  add: [[doc]],
  edit: [["trap"]],
  remove: [["json-trap"], [`x${ESC}[2J`]],
  paths: [[], ["--json"]],
  random: [
    ["--seed", "1"],
    ["--category", "evil"],
    ["--category", "evil", "--json"],
  ],
  completion: [["bash"], ["zsh"], ["fish"]],
  __complete: [["diagrams"], ["categories"]],
  help: [[], [`${ESC}]0;x`]],
  compare: [
    ["trap", "json-trap"],
    ["trap", "cqrs", "--width", "200"],
  ],
  study: [["--plain", "--category", "evil", "--seed", "1"], ["--stats"]],
};

/** Every escape sequence in `text` is one of our colour codes. */
function onlyOurColours(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: our colour codes are what is allowed
  const stripped = text.replace(/\u001b\[[0-9;]*m/g, "");
  return !hasControl(stripped);
}

describe("a catalog full of escape sequences", () => {
  it("has a run for every command", () => {
    for (const command of COMMANDS) {
      if (command.name === "browse") continue; // interactive: tested under tmux
      // Reads no catalog and prints only a path: tested in project.e2e.test.ts.
      if (command.name === "init") continue;
      expect(RUNS[command.name], command.name).toBeDefined();
    }
  });

  const cases = Object.entries(RUNS).flatMap(([name, runs]) =>
    runs.flatMap((args) => [
      [name, args, "--no-color"],
      [name, args, "--color"],
    ]),
  );
  it.each(cases)("%s %j %s: nothing from the catalog steers the terminal", (name, args, color) => {
    const home = mkdtempSync(join(tmpdir(), "sysdiag-hostile-home-"));
    const result = spawnCli(
      [color as string, "--catalog", doc, "--catalog", json, name as string, ...(args as string[])],
      {
        env: { HOME: home, XDG_DATA_HOME: join(home, "data"), EDITOR: "true" },
      },
    );
    expect([0, 1, 2, 3]).toContain(result.code);
    expect(onlyOurColours(result.stdout), result.stdout).toBe(true);
    expect(onlyOurColours(result.stderr), result.stderr).toBe(true);
    if (color === "--no-color") expect(result.stdout).not.toContain(ESC);
    expect(result.stderr).not.toMatch(/internal error/);
  });

  it("shows what was there, visibly", () => {
    const { stdout } = spawnCli(["--catalog", doc, "show", "trap", "--raw"]);
    expect(stdout).toContain("\\e]0;pwned\\a");
    expect(stdout).toContain("\\u202e");
  });
});

describe("what a hostile catalog leaves in a file (-o) and in a copy (--copy)", () => {
  /** Every command that writes with -o or copies, in each of its formats. */
  const FORMATS = ["text", "txt", "md", "svg", "json", "graph", "mermaid", "dot", "d2"];
  const OUTPUTS: string[][] = [
    ...FORMATS.map((f) => ["show", "trap", "-f", f]),
    ...FORMATS.map((f) => ["show", "json-trap", "-f", f]),
    ["random", "--category", "evil", "--seed", "1", "--json"],
    ["random", "--category", "evil", "--seed", "1"],
    ["compare", "trap", "json-trap"],
    ...FORMATS.map((f) => ["render", doc, "-b", "1", "-f", f]),
  ];
  const commands = COMMANDS.filter((c) => c.output || c.copy).map((c) => c.name);

  it("covers every command that writes a file or copies (browse: under tmux)", () => {
    for (const name of commands) {
      if (name === "browse") continue;
      expect(
        OUTPUTS.some((args) => args[0] === name),
        name,
      ).toBe(true);
    }
  });

  const named = OUTPUTS.map((args) => [args.join(" ").replace(dir, "DIR"), args] as const);

  it.each(named)("%s: the file -o writes holds no control", (_, args) => {
    const out = join(mkdtempSync(join(tmpdir(), "sysdiag-hostile-o-")), "out");
    const result = spawnCli(["--catalog", doc, "--catalog", json, ...args, "-o", out]);
    expect(result.code, result.stderr).toBe(0);
    const written = readFileSync(out, "utf8");
    expect(hasControl(written), written).toBe(false);
    expect(written).not.toContain(ESC);
  });

  const copying = COMMANDS.filter((c) => c.copy).map((c) => c.name);
  const copied = named.filter(([, args]) => copying.includes(args[0] as string));

  it.each(copied)("%s: the --copy payload holds no control", async (_, args) => {
    let stderr = "";
    const code = await main(["--catalog", doc, "--catalog", json, ...args, "--copy"], {
      stdout: { write: () => {}, isTTY: false },
      stderr: {
        write: (chunk: string) => {
          stderr += chunk;
        },
        isTTY: true,
      },
      env: { HOME: mkdtempSync(join(tmpdir(), "sysdiag-hostile-home-")), PATH: process.env.PATH },
    });
    expect(code, stderr).toBe(0);
    const payload = stderr.split(`${ESC}]52;c;`)[1]?.split("\u0007")[0];
    expect(payload, stderr).toBeDefined();
    const copied = Buffer.from(payload as string, "base64").toString("utf8");
    expect(hasControl(copied), copied).toBe(false);
  });
});
