import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN } from "../helpers.js";
import { hasTmux, Tmux } from "../tmux.js";

/** The study session as a person meets it: full screen, in a real terminal (tmux). */

let tmux: Tmux | undefined;
afterEach(() => tmux?.kill());

function study(args: string, env: Record<string, string> = {}, columns = 100, rows = 30) {
  if (!hasTmux) throw new Error("tmux is not installed: apt-get install tmux (.ci/run does)");
  const state = mkdtempSync(join(tmpdir(), "sysdiag-study-screen-"));
  tmux = new Tmux();
  tmux.start(`node ${BIN} study ${args}`, columns, rows, {
    XDG_STATE_HOME: state,
    SYSDIAG_NOW: "2026-03-01T09:00:00Z",
    NO_COLOR: "1",
    VISUAL: "",
    EDITOR: "",
    ...env,
  });
  const progress = () => JSON.parse(readFileSync(join(state, "sysdiag", "progress.json"), "utf8"));
  return { tmux, progress };
}

const cursor = (t: Tmux) =>
  t.run("display-message", "-p", "-t", "0", "#{cursor_x},#{cursor_y}").trim();

describe("sysdiag study on a terminal", () => {
  it("asks on the full screen, grades, shows the answer and when it comes back, and goes on", async () => {
    const { tmux, progress } = study("--drill order --seed 4 --limit 2 --category caching");
    let screen = await tmux.waitFor(/^>$/m);
    expect(screen[0]).toBe("card 1/2: multi-level-cache · order");
    expect(screen[1]).toMatch(/Esc ends, progress kept/);
    expect(screen).toContain("? the steps in order, as their letters, first step first");
    // The cursor waits on the answer line, after "> ".
    expect(cursor(tmux)).toBe(`2,${screen.indexOf(">")}`);
    tmux.keys("-l", "c b a x");
    tmux.keys("BSpace");
    tmux.keys("-l", "d");
    tmux.keys("Enter");
    screen = await tmux.waitFor(/Enter: next card/);
    expect(screen).toContain("> c b a d");
    expect(screen).toContain("result: right");
    expect(screen).toContain("due: 2026-03-01T09:10:00Z (in 10 minutes)");
    expect(progress().reviews).toEqual([
      { card: "multi-level-cache:order", at: "2026-03-01T09:00:00.000Z", result: "right" },
    ]);
    tmux.keys("Enter");
    screen = await tmux.waitFor(/card 2\/2/);
    tmux.keys("Enter"); // blank: I don't know
    await tmux.waitFor(/result: wrong[\s\S]*Enter: end the session/);
    tmux.keys("Enter");
    screen = await tmux.waitFor(/<<exit 0>>/);
    expect(screen.join("\n")).toContain("end: 2 answered, 1 right, 0 partial, 1 wrong");
    expect(progress().reviews).toHaveLength(2);
  });

  it.each([
    ["Escape", 0],
    ["C-c", 130],
  ])(
    "ends with %s (exit %i), the answers given kept and the screen given back",
    async (key, code) => {
      const { tmux, progress } = study("--seed 3 --limit 5");
      await tmux.waitFor(/^>$/m);
      tmux.keys("-l", "something");
      tmux.keys("Enter");
      await tmux.waitFor(/Enter: next card/);
      tmux.keys("Enter");
      await tmux.waitFor(/card 2\/5/);
      tmux.keys("-l", "half typed");
      tmux.keys(key);
      const screen = await tmux.waitFor(new RegExp(`<<exit ${code}>>`));
      expect(screen[0]).toBe("end: 1 answered, 0 right, 0 partial, 1 wrong");
      expect(progress().reviews).toHaveLength(1);
    },
  );

  it("redraws in the editor: the drawing read as a graph, what was missed and added said", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sysdiag-redraw-test-"));
    const drawing = join(dir, "mine.txt");
    // What a person draws from memory: App -> Cache -> DB, and a box that is not there.
    writeFileSync(
      drawing,
      "+-----+\n| App |\n+-----+\n   |\n   v\n+-------+\n| Cache |\n+-------+\n   |\n   v\n+----+   +-------+\n| DB |   | Kafka |\n+----+   +-------+\n",
    );
    const { tmux, progress } = study("--drill redraw --category caching --seed 2 --limit 1", {
      EDITOR: `cp ${drawing}`,
    });
    const screen = await tmux.waitFor(/Enter opens your editor/);
    const title = screen[2]?.trim() as string;
    tmux.keys("Enter");
    const graded = (await tmux.waitFor(/Enter: end the session/)).join("\n");
    expect(graded).toMatch(
      /result: (right|partial|wrong)\nanswer: boxes \d of \d, arrows \d of \d/,
    );
    expect(graded).toContain("added: Kafka");
    expect(progress().reviews).toHaveLength(1);
    expect(progress().reviews[0].card).toMatch(/:redraw$/);
    expect(title.length).toBeGreaterThan(0);
    tmux.keys("Enter");
    await tmux.waitFor(/<<exit 0>>/);
  });
});
