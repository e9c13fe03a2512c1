import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { frameBytes } from "../../src/cli/browse/driver.js";
import { drawScreen, type View } from "../../src/cli/browse/layout.js";
import { START } from "../../src/cli/browse/state.js";
import * as terminal from "../../src/cli/terminal.js";
import { forTerminal } from "../../src/cli/terminal.js";
import type { Entry } from "../../src/core/types.js";
import { createStyle, PLAIN } from "../../src/render/style.js";
import { hasControl, ROOT } from "../helpers.js";

/** Every sequence sysdiag means to send: the guard's own. */
const OWN = Object.values(terminal)
  .filter((v): v is terminal.Control => typeof v === "object" && v !== null && "bytes" in v)
  .map((c) => c.bytes);

/** What is left of `bytes` once our own sequences (and colour codes) are taken out holds no control. */
function onlyOwnSequences(bytes: string): boolean {
  let rest = bytes;
  for (const own of OWN) rest = rest.split(own).join("");
  // Colour codes and the cursor moves the frame makes (cursorTo).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: our sequences are what is removed
  rest = rest.replace(/\u001b\[[0-9;]*m|\u001b\[\d+;\d+H/g, "");
  return !hasControl(rest);
}

const ESC = "\u001b";
const HOSTILE = `${ESC}]2;PWNED\u0007${ESC}[2J${ESC}P1$r${ESC}\\\u009b31m\u202e\u2066\u200b\u2028\r\b\u007f${ESC}]52;c;cHduZWQ=\u0007`;

describe("forTerminal", () => {
  it("guards text and lets only its own sequences through", () => {
    expect(forTerminal(terminal.HOME, `a${ESC}]2;x\u0007`, terminal.ERASE_LINE)).toBe(
      `${ESC}[Ha\\e]2;x\\a${ESC}[K`,
    );
  });

  it("does not take a look-alike for one of its own", () => {
    const forged = { bytes: `${ESC}]2;PWNED\u0007` } as terminal.Control;
    expect(forTerminal(forged)).not.toContain(ESC);
  });

  it("keeps our colour codes, newlines and tabs", () => {
    expect(forTerminal(`${ESC}[1ma${ESC}[22m\n\tb`)).toBe(`${ESC}[1ma${ESC}[22m\n\tb`);
  });
});

describe("the picker's frames with a hostile catalog", () => {
  const entry: Entry = {
    id: `trap${HOSTILE}`,
    title: `Trap ${HOSTILE}`,
    category: `Infra ${HOSTILE}`,
    categoryId: "infra",
    aliases: [],
    tags: [],
    summary: HOSTILE,
    related: [],
    diagram: `┌────┐ ${HOSTILE}\n│ ${HOSTILE} │\n└────┘\n${"x\n".repeat(40)}${"wide ".repeat(60)}`,
    line: 1,
  } as Entry;
  const views: Array<[string, Partial<View>]> = [
    ["the list and the preview", {}],
    ["the key list (?)", { state: { ...START, help: true } }],
    ["no match", { results: [] }],
    ["a hostile query", { state: { ...START, query: HOSTILE.repeat(3) } }],
  ];
  const sizes = [
    { columns: 120, rows: 30 },
    { columns: 80, rows: 24 },
    { columns: 30, rows: 8 },
    { columns: 1, rows: 1 },
  ];
  const cases = views.flatMap(([name, over]) =>
    sizes.flatMap((size) =>
      [true, false].map(
        (color) =>
          [
            name,
            `${size.columns}x${size.rows}`,
            color ? "colour" : "plain",
            over,
            size,
            color,
          ] as const,
      ),
    ),
  );

  it.each(cases)(
    "%s at %s, %s: every byte passes the guard",
    async (_n, _s, _c, over, size, color) => {
      const view: View = {
        state: START,
        results: [entry],
        total: 1,
        category: `Infra ${HOSTILE}`,
        widest: 60,
        ...over,
      };
      for (const ascii of [false, true]) {
        const style = color ? await createStyle(true) : PLAIN;
        const { lines, cursor } = drawScreen(view, size, { style, ascii });
        const bytes = frameBytes(lines, cursor, size.columns);
        expect(onlyOwnSequences(bytes), JSON.stringify(bytes)).toBe(true);
        // Each line is guarded where it is measured: what is escaped takes its room on screen.
        for (const line of lines) expect(forTerminal(line)).toBe(line);
      }
    },
  );
});

/** Source files, with their text. */
function sources(dir: string): Array<[string, string]> {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith(".ts"))
    .map((d) => {
      const path = join(d.parentPath, d.name);
      return [path.slice(ROOT.length), readFileSync(path, "utf8")];
    });
}

describe("every write to the terminal", () => {
  const files = sources(join(ROOT, "src"));

  it("is in src/cli; nothing else writes to standard output or error", () => {
    for (const [path, text] of files) {
      expect(text, path).not.toMatch(/process\.(stdout|stderr)\.write|console\.(log|error|warn)/);
      if (path.startsWith("src/cli/") || path === "src/core/io.ts") continue;
      expect(text, path).not.toMatch(/writeSync\(\s*[12]\b|writeFd\(/);
    }
  });

  it("in src/cli, passes the one guard (forTerminal)", () => {
    for (const [path, text] of files.filter(([p]) => p.startsWith("src/cli/"))) {
      // Names this file gives to what forTerminal (or a frame of it) made.
      const guarded = new Set(
        [...text.matchAll(/const (\w+) = (?:forTerminal|frameBytes)\(/g)].map((m) => m[1]),
      );
      for (const call of text.matchAll(/(?:\.write|writeSync)\((?:[\w.]+,\s*)?([^,)]*)/g)) {
        const arg = (call[1] as string).trim();
        const ok = /^(forTerminal|frameBytes)\(/.test(arg) || guarded.has(arg);
        expect(ok, `${path}: ${call[0]}`).toBe(true);
      }
    }
  });
});
