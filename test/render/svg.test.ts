import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Box, findBoxes } from "../../src/diagram/boxes.js";
import { DCOL, type Dir, DROW, E, HEADS, N, ROUNDED, S, W } from "../../src/diagram/charset.js";
import { Grid } from "../../src/diagram/grid.js";
import { renderSvg, xmlText } from "../../src/render/svg.js";
import { catalog } from "../helpers.js";

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
  rx?: number;
}

const attr = (tag: string, name: string) => tag.match(new RegExp(` ${name}="([^"]*)"`))?.[1];

function rects(svg: string, cls: string): Rect[] {
  return [...svg.matchAll(new RegExp(`<rect class="${cls}"[^>]*>`, "g"))].map(([tag]) => {
    const rx = attr(tag, "rx");
    return {
      x: Number(attr(tag, "x")),
      y: Number(attr(tag, "y")),
      width: Number(attr(tag, "width")),
      height: Number(attr(tag, "height")),
      ...(rx === undefined ? {} : { rx: Number(rx) }),
    };
  });
}

/** Each arrow head's tip: the first point of its triangle, in the grid's reading order. */
const tips = (svg: string) =>
  [...svg.matchAll(/<polygon class="arrow" points="([-\d.]+),([-\d.]+) /g)].map(
    ([, x, y]) => [Number(x), Number(y)] as const,
  );

/** Heads in reading order, each with the box it points at: the one whose edge it meets from outside or lies on. */
function headsAtBoxes(grid: Grid, boxes: Box[]) {
  const found: { index: number; dir: Dir; box: number }[] = [];
  let index = 0;
  for (let row = 0; row < grid.height; row++) {
    for (let col = 0; col < grid.width; col++) {
      const dir = HEADS.get(grid.at(row, col));
      if (dir === undefined) continue;
      const dr = DROW[dir];
      const dc = DCOL[dir];
      const [nr, nc] = [row + dr, col + dc];
      const box = boxes.findIndex((b) => {
        const within = (r: number, c: number) =>
          r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;
        const onEdge = (r: number, c: number) =>
          within(r, c) && (r === b.top || r === b.bottom || c === b.left || c === b.right);
        return (onEdge(nr, nc) && !within(row, col)) || (onEdge(row, col) && within(nr, nc));
      });
      if (box >= 0) found.push({ index, dir, box });
      index++;
    }
  }
  return found;
}

/** A Debian tool a test runs; .ci/run installs it, so its absence is a failure, not a skip. */
function need(tool: string, pkg: string): void {
  if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) {
    throw new Error(`${tool} missing: apt-get install ${pkg} (as .ci/run does)`);
  }
}

describe("renderSvg arrow heads", () => {
  const cases = catalog.diagrams.map((d) => [d.id, d.diagram] as const);
  let pointed = 0;

  it.each(cases)("%s: every tip pointing at a box lies on that box's edge", (_id, diagram) => {
    const grid = new Grid(diagram);
    const boxes = findBoxes(grid);
    const svg = renderSvg(diagram, "t");
    const drawn = rects(svg, "box");
    const tipAt = tips(svg);
    expect(drawn).toHaveLength(boxes.length);
    for (const { index, dir, box } of headsAtBoxes(grid, boxes)) {
      const r = drawn[box];
      const tip = tipAt[index];
      if (!r || !tip) throw new Error(`no rect ${box} or tip ${index}`);
      const [x, y] = tip;
      // Whether it meets the edge from outside or sits in it pointing in, a head pointing
      // down ends on the top edge, one pointing right on the left edge, and so on.
      const edge = { [S]: r.y, [N]: r.y + r.height, [E]: r.x, [W]: r.x + r.width }[dir];
      const vertical = dir === S || dir === N;
      expect(vertical ? y : x).toBe(edge);
      const across = vertical ? x : y;
      const [lo, hi] = vertical ? [r.x, r.x + r.width] : [r.y, r.y + r.height];
      expect(across).toBeGreaterThan(lo);
      expect(across).toBeLessThan(hi);
      pointed++;
    }
  });

  it("checked a real number of heads", () => {
    // Most of the catalog's arrows end at a box: the table above saw them.
    expect(pointed).toBeGreaterThanOrEqual(200);
  });

  it.each([
    ["down onto a top edge", "  │\n  ▼\n┌───┐\n│ a │\n└───┘", 54],
    ["in a top edge, pointing in", "  │\n┌─▼─┐\n│ a │\n└───┘", 36],
  ])("%s: the tip is at y = the edge", (_name, diagram, y) => {
    const svg = renderSvg(diagram, "t");
    const [rect] = rects(svg, "box");
    expect(rect?.y).toBe(y);
    expect(tips(svg)[0]?.[1]).toBe(y);
  });

  it("a head pointing at nothing stops at its own cell's edge", () => {
    // ─► then a blank: the tip is the right edge of the ► cell.
    expect(tips(renderSvg("──► x", "t"))[0]).toEqual([36, 18]);
  });
});

describe("renderSvg boxes", () => {
  it.each([
    ["square", "┌──┐\n│a │\n└──┘", undefined],
    ["rounded", "╭──╮\n│a │\n╰──╯", 4.5],
  ])("a %s box: rx only when the drawing rounds it", (_name, diagram, rx) => {
    const [rect] = rects(renderSvg(diagram, "t"), "box");
    expect(rect?.rx).toBe(rx);
  });

  it("a box with some corners rounded rounds those only", () => {
    const svg = renderSvg("╭──┐\n│a │\n└──╯", "t");
    expect(rects(svg, "box")).toHaveLength(0);
    const d = svg.match(/<path class="box" d="([^"]*)"/)?.[1] ?? "";
    expect(d.match(/A/g)).toHaveLength(2);
  });

  it.each(catalog.diagrams.map((d) => [d.id, d.diagram] as const))(
    "%s: rounded rects are exactly the boxes drawn with ╭╮╰╯",
    (_id, diagram) => {
      const grid = new Grid(diagram);
      const svg = renderSvg(diagram, "t");
      const expected = findBoxes(grid).map((b) =>
        ROUNDED.has(grid.at(b.top, b.left)) ? 4.5 : undefined,
      );
      expect(rects(svg, "box").map((r) => r.rx)).toEqual(expected);
    },
  );

  const sound = "┌─────┐\n│ App │\n└─────┘";
  it.each([
    ["a gap in its bottom edge", "┌─────┐\n│ App │\n└── ──┘", false],
    ["a missing corner", "┌─────┐\n│ App │\n└───── ", false],
    // The stray │ a column in is a line of its own.
    ["a right edge a column out", "┌─────┐\n│ App│ \n└─────┘", true],
  ])("a broken box (%s) is filled and stroked like a sound one", (_name, broken, stray) => {
    const whole = renderSvg(sound, "t");
    const svg = renderSvg(broken, "t");
    // The same fill, where the sound box's would be...
    const [r] = rects(whole, "box");
    if (!r) throw new Error("no sound box");
    const outline = `M${r.x},${r.y}H${r.x + r.width}V${r.y + r.height}H${r.x}V${r.y}Z`;
    expect(svg).toContain(`<path class="box fill" d="${outline}"/>`);
    // ...and its strokes in the box style (class "box"), none in the plain line style.
    expect(svg).toMatch(/<path class="box edge" d="M/);
    expect(svg.includes('<path class="line"')).toBe(stray);
    // Both styles come from the one `.box` rule; the fill-only and stroke-only parts opt out of one each.
    expect(svg).toContain(".box { fill:");
  });

  it("a broken box's fill rounds the corners the drawing rounds", () => {
    const d = renderSvg("╭─────┐\n│ App │\n╰── ──╯", "t").match(
      /<path class="box fill" d="([^"]*)"/,
    )?.[1];
    // ╭ ╰ ╯ rounded, ┐ square.
    expect(d?.match(/A/g)).toHaveLength(3);
  });

  it("a line butting against a box runs to its edge", () => {
    // The ─ at column 3 (centre x = 9 + 3 * 9 + 4.5) runs left to the │'s centre, not its own cell's edge.
    const svg = renderSvg("┌─┐\n│a│──► b\n└─┘", "t");
    expect(svg.match(/<path class="line" d="([^"]*)"/)?.[1]).toContain("M40.5,36L31.5,36M");
  });

  it("a line fanning out is not a broken box", () => {
    const svg = renderSvg("    │\n┌───┴───┐\n│       │\n▼       ▼", "t");
    expect(svg).not.toContain('class="box');
    expect(svg).toContain('<path class="line"');
  });
});

describe("renderSvg text and accessibility", () => {
  it("title and description are escaped, and the svg is labelled by both", () => {
    const svg = renderSvg("x", "A <b> & 'c'", { description: 'App → Cache: 1. "Check" <now>' });
    const title = svg.match(/<title id="([^"]+)">([^<]*)<\/title>/);
    const desc = svg.match(/<desc id="([^"]+)">([^<]*)<\/desc>/);
    expect(title?.[2]).toBe("A &lt;b&gt; &amp; &apos;c&apos;");
    expect(desc?.[2]).toBe("App → Cache: 1. &quot;Check&quot; &lt;now&gt;");
    expect(attr(svg, "aria-labelledby")).toBe(`${title?.[1]} ${desc?.[1]}`);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img"/);
  });

  it("without a description there is no <desc>, and the label is the title alone", () => {
    const svg = renderSvg("x", "T");
    expect(svg).not.toContain("<desc");
    expect(attr(svg, "aria-labelledby")).toBe(svg.match(/<title id="([^"]+)"/)?.[1]);
  });

  it.each([
    [undefined, 1],
    ["auto", 1],
    ["transparent", 0],
  ] as const)("background %s: %i background rects", (background, n) => {
    const svg = renderSvg("┌─┐\n└─┘", "t", background ? { background } : {});
    expect(svg.match(/<rect class="bg"/g)?.length ?? 0).toBe(n);
    expect(svg).toContain("@media (prefers-color-scheme: dark)");
  });

  it("labels sit on their baseline, not on dominant-baseline", () => {
    const svg = renderSvg("x\n\nAb", "t");
    expect(svg).not.toContain("dominant-baseline");
    // Row 2's centre is 9 + 2 * 18 + 9 = 54; the baseline 0.35 em (15 px) below it.
    expect(svg).toContain('<text x="9" y="59.25" textLength="18">Ab</text>');
  });

  it.each([
    ["缓存 Cache", 10],
    ["キュー", 6],
    ["Cache", 5],
  ])("%s is %i display columns wide", (label, cols) => {
    const svg = renderSvg(label, "t");
    expect(svg).toContain(`textLength="${cols * 9}">${label}</text>`);
  });

  const nasty = [
    "┌─────────────┐",
    "│ \u001b[31mred\u001b[0m <&\"'> │",
    "│ \u202eevil\u0000\u0007 │",
    "└─────────────┘",
    "  \ud800lone \ufffe\uffff end",
  ].join("\n");
  const svg = renderSvg(nasty, "t\u0001<&>\udfff", { description: "d\u0008\"'<&>\ud83d" });

  it("drops what XML forbids", () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not be there
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/);
    expect(svg).not.toMatch(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
    );
    expect(svg).toContain("[31mred[0m &lt;&amp;&quot;&apos;&gt;");
  });

  it("a nasty drawing still makes well-formed XML (xmllint)", () => {
    need("xmllint", "libxml2-utils");
    const lint = spawnSync("xmllint", ["--noout", "-"], { input: svg, encoding: "utf8" });
    expect(lint.stderr).toBe("");
    expect(lint.status).toBe(0);
    // The check itself can fail: a raw "<" is refused.
    expect(spawnSync("xmllint", ["--noout", "-"], { input: "<a><</a>" }).status).not.toBe(0);
  });

  it("rsvg-convert renders the nasty drawing", () => {
    need("rsvg-convert", "librsvg2-bin");
    const png = spawnSync("rsvg-convert", ["-f", "png"], { input: svg });
    expect(png.stderr.toString()).toBe("");
    expect(png.stdout.subarray(1, 4).toString()).toBe("PNG");
  });

  it("every catalog diagram renders with xmllint's approval", () => {
    need("xmllint", "libxml2-utils");
    // One xmllint for them all: it names the file of any error.
    const dir = mkdtempSync(join(tmpdir(), "sysdiag-svg-"));
    const files = catalog.diagrams.map((d) => {
      const file = join(dir, `${d.id}.svg`);
      writeFileSync(file, renderSvg(d.diagram, d.title));
      return file;
    });
    const lint = spawnSync("xmllint", ["--noout", ...files], { encoding: "utf8" });
    expect(lint.stderr).toBe("");
    expect(lint.status).toBe(0);
    writeFileSync(join(dir, "broken.svg"), "<svg><g></svg>");
    expect(spawnSync("xmllint", ["--noout", ...files, join(dir, "broken.svg")]).status).not.toBe(0);
  });
});

describe("an ASCII drawing", () => {
  it("draws the same boxes, lines and heads as its box-drawing original", async () => {
    const { toAscii } = await import("../../src/render/ascii.js");
    const shapes = (svg: string) => (svg.match(/<(rect|polygon|path)\b/g) ?? []).length;
    for (const entry of catalog.diagrams) {
      const unicode = renderSvg(entry.diagram, entry.title);
      expect(shapes(renderSvg(toAscii(entry.diagram), entry.title)), entry.id).toBe(
        shapes(unicode),
      );
    }
  });
});

describe("xmlText", () => {
  /** What it did as a chain of regular expressions: the one pass must agree. */
  const NOT_XML =
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what XML forbids
    /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
  const byPatterns = (text: string) =>
    text
      .replace(NOT_XML, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // Then what the terminal guard escapes, as character references.
      .replace(UNSAFE_FOR_TERMINAL, (c) => `&#x${(c.codePointAt(0) as number).toString(16)};`);
  const UNSAFE_FOR_TERMINAL =
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u180e\u200b\u2028\u2029\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]|(?<![\u0080-\u{10ffff}])[\u200c\u200d]|[\u200c\u200d](?![\u0080-\u{10ffff}])/gu;

  it.each([
    "",
    "Load Balancer",
    `<a href="x">'&'</a>`,
    "tab\tnewline\ncr\rnul\u0000bell\u0007esc\u001b[31m del\u007f",
    "\ud83d\ude00 pair, \ud83d lone high, \ude00 lone low, \ude00\ud83d reversed",
    "\ud800\ud800\udc00\udc00",
    "ends high \ud800",
    "\udc00 starts low",
    "\ufffe\uffff\ufffd kept",
    "漢字 é e\u0301 \u202e",
  ])("%j as the patterns had it", (text) => {
    expect(xmlText(text)).toBe(byPatterns(text));
  });

  it("every single code unit, and each after a high surrogate, as the patterns had it", () => {
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      expect(xmlText(`a${char}b`)).toBe(byPatterns(`a${char}b`));
      expect(xmlText(`\ud83d${char}`)).toBe(byPatterns(`\ud83d${char}`));
    }
  });
});
