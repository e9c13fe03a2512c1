import { describe, expect, it } from "vitest";
import type { Entry } from "../../src/core/types.js";
import { displayWidth, widestLine } from "../../src/core/width.js";
import { renderEntry, renderRaw } from "../../src/render/entry.js";
import { renderAs } from "../../src/render/formats.js";
import { frame } from "../../src/render/frame.js";
import { highlightDiagram } from "../../src/render/highlight.js";
import { formatProse, wordList } from "../../src/render/listing.js";
import { createStyle, PLAIN, type Style } from "../../src/render/style.js";
import { ANSI, catalog } from "../helpers.js";

/** Marks each look with brackets, so tests read which part got which look. */
const MARKED: Style = {
  ...PLAIN,
  color: true,
  stroke: (t) => `[s:${t}]`,
  arrow: (t) => `[a:${t}]`,
  label: (t) => `[l:${t}]`,
  title: (t) => `[t:${t}]`,
  dim: (t) => `[d:${t}]`,
};

const entry = (diagram: string): Entry => ({
  id: "x",
  title: "X",
  category: "Cat",
  categoryId: "cat",
  aliases: [],
  tags: [],
  summary: "",
  related: [],
  diagram,
  line: 1,
});

describe("highlightDiagram", () => {
  it.each([
    ["│ App │", "[s:│] [l:App] [s:│]"],
    ["──►  Cache", "[s:──][a:►]  [l:Cache]"],
    ["a --> b", "[l:a] [s:--][a:>] [l:b]"],
    ["Client → Server", "[l:Client] [a:→] [l:Server]"],
    ["+--+\n|A |\n+--+", "[s:+--+]\n[s:|][l:A] [s:|]\n[s:+--+]"],
    ["漢字 ──►", "[l:漢字] [s:──][a:►]"],
    ["  ", "  "],
  ])("%j", (line, marked) => {
    expect(highlightDiagram(line, MARKED)).toBe(marked);
  });

  it("leaves text alone without colour", () => {
    expect(highlightDiagram("┌─┐ ►", PLAIN)).toBe("┌─┐ ►");
  });

  it("uses real ANSI colour when colour is on, and none when off", async () => {
    expect(highlightDiagram("┌─┐", await createStyle(true))).toMatch(ANSI);
    expect(highlightDiagram("┌─┐", await createStyle(false))).not.toMatch(ANSI);
  });
});

const same = (text: string) => ({ plain: text, styled: text });

describe("frame", () => {
  it("draws a titled rounded frame as wide as the diagram needs", async () => {
    const framed = await frame(same("┌─┐\n└─┘"), "A title", PLAIN, undefined);
    expect(framed).toBe(
      ["╭ A title ─╮", "│ ┌─┐      │", "│ └─┘      │", "╰──────────╯"].join("\n"),
    );
  });

  it("never wraps a line wider than 80 columns when output is piped", async () => {
    const wide = "─".repeat(150);
    const framed = (await frame(same(wide), "T", PLAIN, undefined)) as string;
    expect(framed.split("\n")).toHaveLength(3);
    expect(widestLine(framed)).toBe(154);
  });

  it("gives up when framing would pad a large drawing to more than four times its size", () => {
    // One long line over many short ones: padded, 2,000 × 2,000 cells from 8 KB.
    const body = same(`${"─".repeat(1_996)}\n${"│\n".repeat(1_999)}`);
    expect(frame(body, "T", PLAIN, undefined)).toBeUndefined();
    const square = same(Array(1_000).fill("─".repeat(996)).join("\n"));
    expect(frame(square, "T", PLAIN, undefined)).toBeDefined();
  });

  it("gives up when the frame would not fit the terminal", async () => {
    expect(await frame(same("─".repeat(10)), "T", PLAIN, 13)).toBeUndefined();
    expect(await frame(same("─".repeat(10)), "T", PLAIN, 14)).toBeDefined();
  });

  it("colours the border and title itself", async () => {
    const framed = (await frame(same("x"), "T", MARKED, undefined)) as string;
    expect(framed.split("\n")).toEqual(["[d:╭ ][t:T][d: ─╮]", "[d:│] x  [d:│]", "[d:╰────╯]"]);
  });
});

describe("frame looks exactly like boxen's", () => {
  const cases: Array<[string, string, string]> = [
    ...catalog.diagrams.map((d): [string, string, string] => [
      d.id,
      d.diagram,
      `${d.title} · ${d.category}`,
    ]),
    ["a title wider than the body", "ab", "A much longer title than the body"],
    ["wide characters", "漢字 ┌┐\n😀 x", "Ünïcode 漢"],
    ["trailing spaces", "a   \n  b  ", "T"],
  ];
  it.each(cases)("%s", async (_name, body, title) => {
    const { default: boxen } = await import("boxen");
    const ours = await frame(same(body), title, PLAIN, undefined);
    const width = widestLine(ours as string);
    const theirs = boxen(body, {
      borderStyle: "round",
      padding: { top: 0, bottom: 0, left: 1, right: 1 },
      title,
      width,
    });
    expect(ours).toBe(theirs);
  });
});

describe("widestLine", () => {
  it.each([
    ["ascii", "abc\nde", 3],
    ["box drawing and arrows", "┌──►┐", 5],
    ["wide characters", "漢字", 4],
    ["an emoji", "a😀", 3],
    ["colour codes", "\u001b[34m┌─┐\u001b[39m", 3],
    ["nothing", "", 0],
  ])("%s", async (_name, text, width) => {
    expect(widestLine(text)).toBe(width);
  });
});

describe("renderEntry", () => {
  const cacheAside = catalog.diagrams.find((d) => d.id === "cache-aside") as Entry;

  it("frames the diagram with its title and category", async () => {
    const text = renderEntry(cacheAside, PLAIN, undefined);
    expect(text.split("\n")[0]).toMatch(/^╭ Cache-Aside Pattern · Caching Strategies ─+╮$/);
    expect(text).toMatch(
      /╯\nThe app checks the cache first.*\n\nNotes:\n- [\s\S]*\n\nRelated: write-through, write-back, multi-level-cache, read-flow\b.*\n$/,
    );
  });

  it("prints no footer for an entry with no summary or related ids", async () => {
    expect(renderEntry(entry("ab"), PLAIN, undefined).endsWith("╯\n")).toBe(true);
  });

  it("drops the frame rather than wrap when the terminal is narrow", async () => {
    const text = renderEntry(entry("┌──────────┐"), PLAIN, 14);
    expect(text).toBe("X · Cat\n┌──────────┐\n");
  });

  it.each([
    ["a line wider than the terminal", "─".repeat(30), 10, "─────────›"],
    ["a line that fits", "┌─┐", 10, "┌─┐"],
    ["a wide character at the edge: left out whole", "abcdefgh漢字", 10, "abcdefgh ›"],
    ["a wide character that fits", "abcdefg漢字", 10, "abcdefg漢›"],
  ])("clips, never wraps, %s", (_name, line, columns, shown) => {
    const text = renderEntry(entry(line), PLAIN, columns);
    const lines = text.split("\n");
    expect(lines[1]).toBe(shown);
    expect(displayWidth(lines[1] as string)).toBeLessThanOrEqual(columns);
  });

  it("says once, under a clipped diagram, how to see it whole", () => {
    expect(renderEntry(entry("─".repeat(30)), PLAIN, 60)).not.toMatch(/›|cut at/);
    const clipped = renderEntry(entry(`${"─".repeat(30)}\n${"─".repeat(30)}`), PLAIN, 20);
    expect(clipped.match(/›/g)).toHaveLength(3);
    expect(clipped).toMatch(
      /\n› 2 lines are cut at\n20 columns; to see\nthe whole diagram:\n {2}sysdiag show x \\\n {4}--raw \| less -S\n$/,
    );
    // Where it fits, on one line, to copy as it stands.
    const wide = renderEntry(entry("─".repeat(60)), PLAIN, 40);
    expect(wide).toMatch(/\n {2}sysdiag show x --raw \| less -S\n$/);
  });

  it("breaks a command too long for the terminal between words, never in one", () => {
    const clipped = renderEntry({ ...entry("─".repeat(60)), id: "microservices" }, PLAIN, 30);
    const lines = clipped.split("\n").slice(-3, -1);
    expect(lines).toEqual(["  sysdiag show microservices \\", "    --raw | less -S"]);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(30);
  });

  it("names the command given for a drawing that is not in the catalog (render's)", async () => {
    const whole = () => "sysdiag render 'my file.txt' -f txt --block 2";
    const options = { style: PLAIN, columns: 20, ascii: false, whole };
    const clipped = await renderAs("text", [entry("─".repeat(30))], options);
    expect(clipped).toMatch(
      /\n {2}sysdiag render \\\n {4}'my file\.txt' -f \\\n {4}txt --block 2 \| \\\n {4}less -S\n$/,
    );
  });

  it("wraps the summary and related ids at words on a terminal, not in a pipe", () => {
    const long = {
      ...entry("ab"),
      summary: "one two three four five six",
      related: ["a-b", "c-d", "e-f"],
    };
    expect(renderEntry(long, PLAIN, 14).split("\n").slice(-5)).toEqual([
      "one two three",
      "four five six",
      "Related: a-b,",
      "  c-d, e-f",
      "",
    ]);
    expect(renderEntry(long, PLAIN, undefined)).toMatch(
      /\none two three four five six\nRelated: a-b, c-d, e-f\n$/,
    );
  });

  it("puts the notes, then the references, under the summary, each a point wrapped under its dash", () => {
    const noted = {
      ...entry("ab"),
      summary: "S.",
      related: ["a-b"],
      notes: ["one two three four", "five"],
      references: ["DDIA ch. 5"],
    };
    expect(renderEntry(noted, MARKED, 14).split("\n").slice(3)).toEqual([
      "S.",
      "",
      "[d:Notes:]",
      "- one two",
      "  three four",
      "- five",
      "",
      "[d:References:]",
      "- DDIA ch. 5",
      "",
      "[d:Related:] a-b",
      "",
    ]);
    // In a pipe, a point a line.
    expect(renderEntry(noted, PLAIN, undefined)).toMatch(
      /\nS\.\n\nNotes:\n- one two three four\n- five\n\nReferences:\n- DDIA ch\. 5\n\nRelated: a-b\n$/,
    );
  });

  it("--format md lists the notes and references after the drawing", async () => {
    const noted = { ...entry("ab"), summary: "S.", notes: ["n1"], references: ["r1"] };
    expect(await renderAs("md", [noted], { style: PLAIN, columns: 80, ascii: false })).toBe(
      "## X\n\n<!-- sysdiag\nid: x\ncategory: Cat\nsummary: S.\nnotes:\n- n1\nreferences:\n- r1\n-->\n\nS.\n\n```text\nab\n```\n\n**Notes**\n\n- n1\n\n**References**\n\n- r1\n",
    );
  });

  it("--raw is the diagram and a newline", () => {
    expect(renderRaw(entry("a\nb"))).toBe("a\nb\n");
  });
});

describe("formatProse", () => {
  it("keeps Markdown as written without colour", () => {
    expect(formatProse("Tips", "### 1. A\n- **b**", PLAIN)).toBe("## Tips\n\n### 1. A\n- **b**\n");
  });
  it("turns markers into looks with colour", () => {
    expect(
      formatProse("Tips", "### 1. A\n- **b**", { ...MARKED, heading: (t) => `[h:${t}]` }),
    ).toBe("[t:Tips]\n\n[h:1. A]\n- [h:b]\n");
  });
});

describe("wordList", () => {
  const w = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`);
  it.each([
    [[], "or", ""],
    [["a"], "or", "'a'"],
    [["a", "b"], "and", "'a' and 'b'"],
    [w(3), "or", "'w0', 'w1' or 'w2'"],
    [
      w(10),
      "or",
      `${w(9)
        .map((x) => `'${x}'`)
        .join(", ")} or 'w9'`,
    ],
    // A query of many words is not said back whole: its other words are counted.
    [
      w(130),
      "or",
      `${w(9)
        .map((x) => `'${x}'`)
        .join(", ")} or 121 more`,
    ],
  ])("%j %s", (words, joiner, text) => {
    expect(wordList(words, joiner)).toBe(text);
  });
});
