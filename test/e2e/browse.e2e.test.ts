import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { displayWidth } from "../../src/core/width.js";
import { ANSI, BIN, catalog, run, spawnCli } from "../helpers.js";
import { hasTmux, Tmux } from "../tmux.js";

/** The picker, the pager and --copy as a person meets them: in a real terminal (tmux). */

let tmux: Tmux | undefined;
afterEach(() => tmux?.kill());

const KEYS = /Enter print {2}Esc quit/;
const EXIT = (code: number) => new RegExp(`<<exit ${code}>>`);

function open(shell: string, columns: number, rows: number, env: Record<string, string> = {}) {
  if (!hasTmux) throw new Error("tmux is not installed: apt-get install tmux (.ci/run does)");
  tmux = new Tmux();
  // No clipboard tool is reachable without a display: --copy goes through the terminal.
  tmux.start(shell, columns, rows, { DISPLAY: "", WAYLAND_DISPLAY: "", ...env });
  return tmux;
}

const browse = (args = "", columns = 80, rows = 24, env: Record<string, string> = {}) =>
  open(`node ${BIN} browse ${args}`, columns, rows, env);

/** What `show` prints on an 80-column terminal, without colour. */
const showAt80 = async (id: string) =>
  (await run(["show", id], { tty: true, columns: 80, env: { NO_COLOR: "1" } })).stdout;

/** The count the picker shows with no query: the whole catalog, as the data has it. */
const TOTAL = catalog.diagrams.length;
/** The ids `sysdiag search` ranks for these words (at most `limit`). */
const searchIds = (words: string[], limit = 10) =>
  (
    JSON.parse(spawnCli(["search", ...words, "--json", "--limit", String(limit)]).stdout) as Array<{
      id: string;
      category: string;
    }>
  ).map((h) => ({ id: h.id, category: h.category }));

const diagramOf = (id: string) => catalog.diagrams.find((d) => d.id === id)?.diagram ?? "";

describe("sysdiag browse", () => {
  it("opens at 80x24 with the list, the preview and the keys, all within the screen", async () => {
    const t = browse();
    const screen = await t.waitFor(KEYS);
    expect(screen).toHaveLength(24);
    expect(screen[0]).toMatch(new RegExp(`^> +${TOTAL}/${TOTAL} {2}all categories$`));
    expect(screen[1]).toBe("› monolith");
    expect(screen[7]).toBe(" Monolithic Architecture · Architecture Patterns");
    expect(screen[23]).toMatch(KEYS);
    for (const line of screen) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it("filters as you type, with the ranking of search", async () => {
    const t = browse();
    await t.waitFor(KEYS);
    // "sla": search takes a word's start of 3 letters or more, not fewer.
    t.keys("m", "a", "s", "t", "e", "r", " ", "s", "l", "a");
    const screen = await t.waitFor(/^> master sla/m);
    const ids = searchIds(["master", "sla"]).map((h) => h.id);
    expect(ids[0]).toBe("master-slave-replication");
    expect(screen[1]).toBe("› master-slave-replication");
    expect(screen[2]?.trim()).toBe(ids[1]);
  });

  it("moves with the arrows and Ctrl-N/Ctrl-P, and the preview follows", async () => {
    const t = browse();
    await t.waitFor(KEYS);
    t.keys("Down");
    let screen = await t.waitFor(/^› microservices/m);
    expect(screen[7]).toMatch(/^ Microservices Architecture/);
    t.keys("C-n", "C-n");
    screen = await t.waitFor(/^› event-driven/m);
    expect(screen[7]).toMatch(/^ Event-Driven Architecture/);
    t.keys("C-p");
    await t.waitFor(/^› layered/m);
    t.keys("End");
    const last = catalog.diagrams.at(-1)?.id ?? "";
    screen = await t.waitFor(new RegExp(`^› ${last}$`, "m"));
    t.keys("Home");
    await t.waitFor(/^› monolith/m);
    t.keys("PageDown");
    screen = await t.waitFor(/^› load-balancer/m);
  });

  it("cycles the category with Tab and Shift-Tab", async () => {
    const t = browse();
    await t.waitFor(KEYS);
    t.keys("Tab");
    let screen = await t.waitFor(/\d+\/\d+ {2}Architecture Patterns$/m);
    t.keys("Tab");
    screen = await t.waitFor(/ {2}Load Balancing/m);
    expect(screen[1]).toBe("› load-balancer");
    t.keys("BTab", "BTab");
    await t.waitFor(new RegExp(`${TOTAL}/${TOTAL} {2}all categories`));
  });

  it("starts with --query and --category", async () => {
    const t = browse("--category caching --query write");
    const screen = await t.waitFor(KEYS);
    // As many as search ranks in that category, out of the category's diagrams.
    const hits = searchIds(["write"], TOTAL).filter((h) => h.category === "Caching Strategies");
    const inCategory = catalog.diagrams.filter((d) => d.categoryId === "caching").length;
    expect(hits.length).toBeGreaterThan(0);
    expect(screen[0]).toMatch(
      new RegExp(`^> write +${hits.length}/${inCategory} {2}Caching Strategies$`),
    );
    expect(screen[1]).toBe(`› ${hits[0]?.id}`);
  });

  it("lists the keys with ?, and any key goes back", async () => {
    const t = browse();
    await t.waitFor(KEYS);
    t.keys("?");
    await t.waitFor(/next, previous category/);
    // The key that closes them does nothing else.
    t.keys("x");
    const screen = await t.waitFor(/^› monolith/m);
    expect(screen[0]).toMatch(new RegExp(`^> +${TOTAL}/${TOTAL}`));
    expect(screen.join("\n")).not.toMatch(/next, previous category/);
  });

  it("Enter leaves the full screen and prints the diagram, which stays on screen", async () => {
    const t = open(`printf 'before\\n'; node ${BIN} browse`, 80, 60);
    await t.waitFor(KEYS);
    t.keys("c", "a", "c", "h", "e", "-", "a", "s", "i", "d", "e");
    await t.waitFor(/^› cache-aside/m);
    t.keys("Enter");
    const screen = await t.waitFor(EXIT(0));
    const show = await showAt80("cache-aside");
    expect(screen[0]).toBe("before");
    expect(screen[1]).toMatch(/^╭ Cache-Aside Pattern · Caching Strategies ─+╮$/);
    const shown = show.trimEnd().split("\n");
    expect(screen.slice(1, 1 + shown.length)).toEqual(shown.map((l) => l.trimEnd()));
    expect(screen.join("\n")).not.toMatch(KEYS);
  });

  it.each([
    ["Esc", "Escape"],
    ["Ctrl-C", "C-c"],
  ])("%s leaves the screen exactly as it was and exits 130", async (_, key) => {
    const t = open(`printf 'line one\\nline two\\n'; node ${BIN} browse`, 80, 24);
    await t.waitFor(KEYS);
    t.keys("r", "e");
    await t.waitFor(/^> re/m);
    t.keys(key);
    const screen = await t.waitFor(EXIT(130));
    // Nothing but what was there, then the shell's next line.
    expect(screen.filter((line) => line !== "")).toEqual(["line one", "line two", "<<exit 130>>"]);
    expect(screen.slice(0, 3)).toEqual(["line one", "line two", "<<exit 130>>"]);
  });

  it("draws the picker on the terminal and writes the chosen diagram to the file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "sysdiag-browse-")), "d.txt");
    const t = open(`node ${BIN} browse > ${file}`, 80, 24);
    await t.waitFor(KEYS);
    t.keys("Down", "Enter");
    await t.waitFor(EXIT(0));
    // A file is not a terminal: no colour and no width, as `show` prints into a file.
    expect(readFileSync(file, "utf8")).toBe(spawnCli(["show", "microservices"]).stdout);
  });

  it("clips a preview narrower than its diagram, never wraps it", async () => {
    const t = browse("--query microservices", 40, 30);
    const screen = await t.waitFor(/more lines/);
    expect(screen[0]).toMatch(/^> microservices/);
    const preview = screen.slice(screen.findIndex((l) => l.startsWith(" Microservices")) + 1, -1);
    const original = diagramOf("microservices").split("\n");
    let clipped = 0;
    preview
      .filter((line) => !line.includes("more lines"))
      .forEach((shown, i) => {
        expect(displayWidth(shown)).toBeLessThanOrEqual(40);
        const line = ` ${original[i]}`;
        if (shown.endsWith("›")) {
          clipped++;
          expect(line.startsWith(shown.slice(0, -1).trimEnd())).toBe(true);
        } else expect(shown).toBe(line.trimEnd());
      });
    expect(clipped).toBeGreaterThan(3);
  });

  it("redraws when the terminal is resized: the preview moves beside the list", async () => {
    const t = browse();
    let screen = await t.waitFor(KEYS);
    expect(screen[1]).toBe("› monolith");
    t.resize(120, 30);
    // Until the keys are on the last row: a resize may come as two signals (width, then height).
    screen = await t.waitFor(/\n› monolith +│ Monolithic[\s\S]*Enter print {2}Esc quit[^\n]*$/);
    expect(screen).toHaveLength(30);
    expect(screen[29]).toMatch(KEYS);
    t.resize(60, 20);
    screen = await t.waitFor(/^─{60}$/m);
    for (const line of screen) expect(displayWidth(line)).toBeLessThanOrEqual(60);
  });

  it("has no colour with NO_COLOR, and colour without it", async () => {
    let t = browse("", 100, 30);
    await t.waitFor(KEYS);
    expect(t.screenWithEscapes()).toMatch(ANSI);
    t.kill();
    t = browse("", 100, 30, { NO_COLOR: "1" });
    await t.waitFor(KEYS);
    expect(t.screenWithEscapes()).not.toMatch(ANSI);
  });

  it("draws only ASCII with --ascii", async () => {
    const t = browse("--ascii", 100, 30);
    const screen = await t.waitFor(KEYS);
    expect(screen.join("\n")).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it("needs a terminal on standard input: one line pointing at search and show, exit 2", () => {
    const result = spawnCli(["browse"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^sysdiag: browse needs a terminal; try 'sysdiag search <words>' or 'sysdiag show <name>'[^\n]*\n$/,
    );
  });

  it("is what bare sysdiag opens on a terminal; piped, bare sysdiag prints help", async () => {
    expect(spawnCli([]).stdout).toMatch(/^Usage: sysdiag/);
    const t = open(`node ${BIN}`, 80, 24);
    await t.waitFor(KEYS);
    t.keys("Escape");
    await t.waitFor(EXIT(130));
  });
});

describe("paging", () => {
  it("pages output taller than the terminal with less; q quits with exit 0", async () => {
    const t = open(`unset PAGER SYSDIAG_PAGER LESS; node ${BIN} show microservices`, 80, 24);
    let screen = await t.waitFor(/^:$/m);
    expect(screen[0]).toMatch(/^╭ Microservices Architecture/);
    expect(screen[23]).toBe(":");
    t.keys("q");
    screen = await t.waitFor(EXIT(0));
    // less -X leaves the page on screen; the shell's next line takes the row of its prompt.
    expect(screen[0]).toMatch(/^╭ Microservices Architecture/);
    expect(screen[1]).toMatch(/^│ ┌─+┐ {2}┌─+┐/);
    expect(screen[23]).toBe("<<exit 0>>");
  });

  it.each([
    ["short output", "show cache-aside", 60, {}],
    ["PAGER=cat", "show microservices", 24, { PAGER: "cat" }],
    ["--no-pager", "show microservices --no-pager", 24, {}],
  ])("prints directly: %s", async (_, args, rows, env) => {
    const unset = ["PAGER", "SYSDIAG_PAGER"].filter((name) => !(name in env)).join(" ");
    const t = open(`unset ${unset}; node ${BIN} ${args}`, 80, rows, env);
    const screen = await t.waitFor(EXIT(0));
    expect(screen.join("\n")).toMatch(/Related:/);
    expect(screen.join("\n")).not.toMatch(/^:$/m);
  });
});

describe("a pager that cannot show the output", () => {
  it.each([
    ["fails", "false", /the pager 'false' exited with 1; the output is printed here instead/],
    ["is missing", "no-such-pager-here", /cannot run the pager 'no-such-pager-here' \(not found\)/],
    ["needs a shell", "cat | less", /the pager 'cat \| less' was not run: it uses the shell's \|/],
  ])("%s: the output is printed, and a note says why", async (_, pager, note) => {
    const t = open(`node ${BIN} show microservices`, 80, 24, { SYSDIAG_PAGER: pager });
    const screen = (await t.waitFor(EXIT(0))).join("\n");
    expect(screen).toMatch(/Related:/);
    expect(screen).toMatch(note);
  });

  it("runs a pager written with quotes, as a shell splits it", async () => {
    const t = open(`node ${BIN} show microservices`, 80, 24, { SYSDIAG_PAGER: `less "+G"` });
    const screen = await t.waitFor(/\(END\)|^:$/m);
    expect(screen.join("\n")).toMatch(/Related:/);
    t.keys("q");
    await t.waitFor(EXIT(0));
  });
});

describe("--copy", () => {
  it("copies the plain text through OSC 52 into tmux's buffer and says so", async () => {
    const t = open(`read go; node ${BIN} show cache-aside --raw --copy`, 80, 60);
    t.run("set-option", "-g", "set-clipboard", "on");
    t.keys("Enter");
    const screen = await t.waitFor(EXIT(0));
    const raw = `${diagramOf("cache-aside")}\n`;
    expect(t.run("show-buffer")).toBe(raw);
    const lines = raw.split("\n").length - 1;
    // OSC 52 has no answer: the note says what was asked, not that it worked.
    expect(screen.join("\n")).toContain(
      `sysdiag: asked the terminal to copy cache-aside (${lines} lines) (OSC 52): not every`,
    );
    expect(screen.join("\n")).toContain("set-clipboard on");
  });

  it("copies the chosen diagram from browse, without colour codes", async () => {
    const t = open(`read go; node ${BIN} browse --query cache-aside --copy`, 80, 60);
    t.run("set-option", "-g", "set-clipboard", "on");
    t.keys("Enter");
    await t.waitFor(KEYS);
    t.keys("Enter");
    await t.waitFor(EXIT(0));
    const buffer = t.run("show-buffer");
    expect(buffer).not.toContain("\u001b");
    expect(buffer).toBe(await showAt80("cache-aside"));
  });
});

describe("browse and hostile input", () => {
  const ESC = "\u001b";
  const dir = mkdtempSync(join(tmpdir(), "sysdiag-browse-hostile-"));
  const doc = join(dir, "evil.md");
  writeFileSync(
    doc,
    `## Infra${ESC}]2;PWNED${ESC}\\ ${ESC}[31mred \u009bx \u202ertl \u200bzw\n\n` +
      `### Trap${ESC}]2;PWNED2\u0007\n<!-- sysdiag\nid: trap\nsummary: s${ESC}]2;PWNED4\u0007\n-->\n` +
      `\`\`\`\n┌──────┐ ${ESC}]2;PWNED3\u0007\n│ x    │\n└──────┘\n\`\`\`\n`,
  );
  const title = (t: Tmux) => t.run("display-message", "-p", "#{pane_title}").trim();

  it("shows a catalog's escape sequences on every line, never obeys them", async () => {
    const t = open(`printf '\\033]2;before\\007'; node ${BIN} --catalog ${doc} browse`, 100, 30);
    await t.waitFor(KEYS);
    expect(title(t)).toBe("before");
    t.keys("BTab");
    const screen = await t.waitFor(/1\/1 {2}Infra/);
    expect(screen[0]).toContain("Infra\\e]2;PWNED\\e\\ \\e[31mred \\u009bx \\u202ertl \\u200bzw");
    expect(screen[1]).toMatch(/^› trap /);
    expect(screen[1]).toContain("Trap\\e]2;PWNED2\\a");
    expect(screen[2]).toContain("┌──────┐ \\e]2;PWNED3\\a");
    expect(title(t)).toBe("before");
    t.keys("?");
    await t.waitFor(/these keys/);
    t.keys("Escape");
    await t.waitFor(EXIT(130));
    expect(title(t)).toBe("before");
  });

  it("takes a bracketed paste as text: its newlines do not choose, nothing reaches the shell", async () => {
    // A name relative to the directory the shell is in: the query's words are ones search
    // ranks (a whole temporary path matches nothing), so a newline taken for Enter would choose.
    const marker = join(dir, "pasted");
    const t = open(`cd '${dir}'; node ${BIN} browse; echo "<<browse $?>>"; sh`, 100, 30);
    await t.waitFor(KEYS);
    t.run("set-buffer", "cache\ntouch pasted\n");
    t.run("paste-buffer", "-p", "-t", "0");
    const screen = await t.waitFor(/^> cache touch pasted /m);
    const top = searchIds(["cache", "touch", "pasted"])[0]?.id;
    expect(top).toBeDefined();
    expect(screen[1]).toMatch(new RegExp(`^› ${top} `));
    t.keys("Escape");
    await t.waitFor(/<<browse 130>>/);
    t.keys("exit", "Enter");
    await t.waitFor(EXIT(0));
    expect(existsSync(marker)).toBe(false);
  });

  it("a paste the terminal does not bracket: the first line chooses, the rest is dropped", async () => {
    const marker = join(dir, "unbracketed");
    const t = open(`node ${BIN} browse; sh`, 100, 30);
    await t.waitFor(KEYS);
    // Without -p, tmux sends the paste as typed keys (newlines as Enter).
    t.run("set-buffer", `cache-aside\ntouch ${marker}\n`);
    t.run("paste-buffer", "-t", "0");
    // cache-aside, with its notes, is taller than 30 rows: it opens in the pager (less's
    // `:` on the last row), which a person quits with q; then the shell has the keyboard.
    const screen = await t.waitFor(/\n:$/);
    expect(screen.join("\n")).toMatch(/Cache-Aside Pattern · Caching Strategies/);
    t.keys("q");
    t.keys("exit", "Enter");
    await t.waitFor(EXIT(0));
    expect(existsSync(marker)).toBe(false);
  });

  it("a paste of 50,000 characters is cut to the query's cap at once; Ctrl-C still leaves", async () => {
    const t = open(`node ${BIN} browse`, 100, 30);
    await t.waitFor(KEYS);
    const paste = join(dir, "paste.txt");
    writeFileSync(paste, "ab ".repeat(16_667));
    t.run("load-buffer", paste);
    t.run("paste-buffer", "-p", "-t", "0");
    const screen = await t.waitFor(/no match/);
    // The end of the paste, and the count where it was; the hint whole, beside the preview.
    // The query's tail, cut where the line ends (mid-pair or not, as the count's width falls).
    expect(screen[0]).toMatch(new RegExp(`^> (b )?(ab )+a {2}0/${TOTAL} {2}all categories$`));
    expect(screen.slice(1, 3).map((line) => line.replace(/│.*$/, "").trim())).toEqual([
      "no match:",
      "fewer words, or Tab",
    ]);
    t.keys("C-c");
    await t.waitFor(EXIT(130));
  });
});

describe("a terminal that says it has 0 columns", () => {
  it.each([
    "show cache-aside",
    "show cache-aside --ascii",
    "random --seed 1",
    "render README.md -b 1",
    "list",
    "search cache",
    "show --help",
  ])("%s: no crash, exit 0", async (args) => {
    const t = open(
      `stty cols 0; node ${BIN} ${args} --no-pager; echo "<<code $?>>"; stty cols 80`,
      80,
      200,
    );
    const screen = (await t.waitFor(EXIT(0))).join("\n");
    expect(screen).toContain("<<code 0>>");
    expect(screen).not.toMatch(/RangeError|internal error/);
  });
});
