import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/registry.js";
import { spawnCli } from "../helpers.js";

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
};

/** Every escape sequence in `text` is one of our colour codes. */
function onlyOurColours(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: our colour codes are what is allowed
  const stripped = text.replace(/\u001b\[[0-9;]*m/g, "");
  return ![...stripped].some((c) => {
    const code = c.codePointAt(0) ?? 0;
    return (
      (code < 0x20 && code !== 0x0a && code !== 0x09) ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069)
    );
  });
}

describe("a catalog full of escape sequences", () => {
  it("has a run for every command", () => {
    for (const command of COMMANDS) {
      if (command.name === "browse") continue; // interactive: tested under tmux
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
