import { afterEach, describe, expect, it } from "vitest";
import { displayWidth } from "../../src/core/width.js";
import { BIN, catalog } from "../helpers.js";
import { hasTmux, Tmux } from "../tmux.js";

/** What a person sees in a real terminal, read back from a tmux pane. */

let tmux: Tmux | undefined;
afterEach(() => tmux?.kill());

/**
 * The screen a person sees: all of the output when it fits; when it is taller, the
 * pager's first page (less's `:` prompt on the last row), after which they quit with q
 * and the command ends well.
 */
async function run(args: string, columns: number, rows = 60, env: Record<string, string> = {}) {
  if (!hasTmux) throw new Error("tmux is not installed: apt-get install tmux (.ci/run does)");
  const pane = new Tmux();
  tmux = pane;
  pane.start(`node ${BIN} ${args}`, columns, rows, env);
  const screen = await pane.waitFor(/<<exit \d+>>|\n:$/);
  if (screen.some((line) => /<<exit \d+>>/.test(line))) return screen;
  pane.keys("q");
  await pane.waitFor(/<<exit 0>>/);
  return screen;
}

const diagramOf = (id: string) => catalog.diagrams.find((d) => d.id === id)?.diagram ?? "";

describe("a narrow terminal", () => {
  it.each([
    ["multi-region", 40],
    ["cache-aside", 30],
    ["microservices", 50],
  ])(
    "shows %s at %i columns with every character where the diagram has it",
    async (id, columns) => {
      const screen = await run(`show ${id} --no-color`, columns);
      const original = diagramOf(id).split("\n");
      // The diagram starts under the title, which may wrap.
      const first = screen.findIndex((line) => line.startsWith(original[0]?.slice(0, 5) ?? ""));
      expect(first).toBeGreaterThan(0);
      let clipped = 0;
      original.forEach((line, i) => {
        const shown = screen[first + i] ?? "";
        expect(displayWidth(shown)).toBeLessThanOrEqual(columns);
        if (shown.endsWith("›")) {
          clipped++;
          // What is left of the marker is the start of the line, nothing else.
          expect(line.startsWith(shown.slice(0, -1).trimEnd())).toBe(true);
        } else expect(shown).toBe(line.trimEnd());
      });
      const text = screen.join("\n");
      if (clipped > 0) {
        // A command wider than the terminal is broken between words with a trailing
        // backslash: read as a shell reads it, it is the command, each row within the screen.
        expect(screen.join("\n").replace(/ \\\n\s*/g, " ")).toContain(
          `sysdiag show ${id} --raw | less -S`,
        );
        for (const line of screen) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
        expect(text.replace(/\s+/g, " ").match(/to see the whole diagram/g)).toHaveLength(1);
      }
    },
  );

  it("never draws a box the diagram does not have (multi-region at 40)", async () => {
    const screen = await run("show multi-region --no-color", 40);
    expect(screen.join("\n")).not.toMatch(/Deployment Ars/);
    expect(screen[0]).toBe("Multi-Region Deployment · Deployment");
  });

  it("wraps the summary at words", async () => {
    const screen = await run("show write-back --no-color", 60);
    const entry = catalog.diagrams.find((d) => d.id === "write-back");
    const summaryLines = screen.filter(
      (line) => entry?.summary.includes(line.trim()) && line.trim().length > 10,
    );
    expect(summaryLines.length).toBeGreaterThan(1);
    for (const line of summaryLines) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    // No word is broken across lines.
    const words = new Set(entry?.summary.split(/\s+/));
    for (const line of summaryLines) {
      for (const word of line.trim().split(/\s+/)) expect(words.has(word)).toBe(true);
    }
  });
});
