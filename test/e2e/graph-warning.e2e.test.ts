import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnCli as sysdiag } from "../helpers.js";

/** Never silently wrong: an export of a drawing it cannot read whole says so; which way it flows. */

const dir = mkdtempSync(join(tmpdir(), "sysdiag-graph-warning-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const across = file("across.txt", "┌─────┐     ┌────┐\n│ App ├────►│ DB │\n└─────┘     └────┘\n");
const down = file("down.txt", "┌─────┐\n│ App │\n└──┬──┘\n   ▼\n┌────┐\n│ DB │\n└────┘\n");
// The right side of the DB box is a column short on one row: lint finds it.
const broken = file(
  "broken.txt",
  "┌─────┐     ┌────┐\n│ App ├────►│ DB │\n└─────┘     │ x │\n            └────┘\n",
);
const table = file("table.txt", " A | B\n---+---\n 1 | 2\n");

describe("graph exports say when the drawing may be misread", () => {
  it("a clean drawing exports with nothing on stderr and exit 0, --strict or not", () => {
    for (const strict of [[], ["--strict"]]) {
      const r = sysdiag(["render", across, "-f", "mermaid", ...strict]);
      expect([r.code, r.stderr]).toEqual([0, ""]);
    }
  });

  it.each(["graph", "mermaid", "dot", "d2", "svg"])(
    "%s of a drawing with lint defects: one line on stderr naming lint; --strict exits 1",
    (format) => {
      const r = sysdiag(["render", broken, "-f", format]);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toBe("");
      expect(r.stderr).toMatch(
        /^sysdiag: warning: the drawing has \d+ defects? .*`sysdiag lint .*broken\.txt` shows where\n$/,
      );
      expect(sysdiag(["--strict", "render", broken, "-f", format]).code).toBe(1);
    },
  );

  it("a drawing that gives no edge says so for the graph formats, not for svg", () => {
    expect(sysdiag(["render", table, "-f", "mermaid"]).stderr).toMatch(/no edge was read/);
    expect(sysdiag(["render", table, "-f", "svg"]).stderr).toBe("");
    expect(sysdiag(["show", "lb-algorithms", "-f", "mermaid", "--strict"]).code).toBe(1);
  });
});

describe("graph exports flow the way the drawing's arrows go", () => {
  it.each([
    [across, "flowchart LR", "rankdir=LR;", "direction: right"],
    [down, "flowchart TD", undefined, undefined],
  ])("%s", (path, mermaid, dot, d2) => {
    expect(sysdiag(["render", path, "-f", "mermaid"]).stdout).toContain(`\n${mermaid}\n`);
    const dotOut = sysdiag(["render", path, "-f", "dot"]).stdout;
    const d2Out = sysdiag(["render", path, "-f", "d2"]).stdout;
    if (dot) expect(dotOut).toContain(dot);
    else expect(dotOut).not.toContain("rankdir");
    if (d2) expect(d2Out).toContain(`\n${d2}\n`);
    else expect(d2Out).not.toContain("direction:");
  });

  it("--direction overrides what the arrows say", () => {
    expect(sysdiag(["render", across, "-f", "mermaid", "--direction", "BT"]).stdout).toContain(
      "\nflowchart BT\n",
    );
    expect(sysdiag(["render", down, "-f", "dot", "--direction", "RL"]).stdout).toContain(
      "rankdir=RL;",
    );
    expect(sysdiag(["show", "cache-aside", "-f", "d2", "--direction", "LR"]).stdout).toContain(
      "\ndirection: right\n",
    );
    expect(sysdiag(["render", down, "-f", "mermaid", "--direction", "up"]).code).toBe(2);
  });
});
