import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { COMMANDS } from "../src/commands/registry.js";
import { LIMITS } from "../src/core/limits.js";
import { sanitize, sanitizeLine } from "../src/core/sanitize.js";
import { DIAGRAM_CHARACTERS } from "../src/diagram/charset.js";
import { readDocument } from "../src/document/document.js";
import { repairMojibake } from "../src/document/encoding.js";
import { rank } from "../src/search/rank.js";
import { resolveNames } from "../src/search/resolve.js";
import { catalog, EMPTY_HOME } from "./helpers.js";

/** Properties that hold for any input, checked on many random ones (fast-check). */

function garble(text: string): string {
  const decoder = new TextDecoder("windows-1254");
  const hole = (b: number) =>
    decoder.decode(Uint8Array.of(b)).charCodeAt(0) === b && b >= 0x80 && b < 0xa0;
  return decoder.decode(
    Uint8Array.from([...new TextEncoder().encode(text)].filter((b) => !hole(b))),
  );
}

// What diagrams are written with: ASCII, the drawing characters, Latin and Turkish letters.
const diagramChar = fc.constantFrom(
  ..."abcXYZ019 .,:;-_()[]{}<>|/\\'\"\n\téüçğışÖÇ",
  ...DIAGRAM_CHARACTERS,
);
const diagramText = fc.array(diagramChar, { maxLength: 200 }).map((chars) => chars.join(""));

describe("the encoding repair", () => {
  it("undoes the garbling of any diagram text", () => {
    fc.assert(
      fc.property(diagramText, (text) => {
        expect(repairMojibake(garble(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

const markdownish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "## ",
        "### ",
        "```",
        "~~~",
        "<!-- sysdiag",
        "-->",
        "id: ",
        "aliases: ",
        "\n",
        "┌─┐",
        "│",
        "1. ",
      ),
      fc.string({ unit: "grapheme", maxLength: 12 }),
      fc.string({ unit: "binary", maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

describe("the document reader", () => {
  it("never throws, and every diagram it gives has a kebab-case id and a drawing", () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        const { diagrams, problems } = readDocument(text);
        for (const d of diagrams) {
          expect(d.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          expect(d.diagram.trim()).not.toBe("");
        }
        for (const p of problems) expect(p.line).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

const query = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc
    .array(fc.constantFrom(...catalog.diagrams.flatMap((d) => [d.id, ...d.title.split(" ")])), {
      maxLength: 8,
    })
    .map((w) => w.join(" ")),
  fc.string({ unit: "grapheme", maxLength: LIMITS.queryChars }),
);

describe("search and name resolution", () => {
  it("never throw for any query up to the limit (only not-found errors)", async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const hits = await rank(catalog, q, undefined, 10);
        expect(hits.length).toBeLessThanOrEqual(10);
        const names = q.split(" ").filter(Boolean);
        if (names.length === 0) return; // the parser asks for a name first
        try {
          const found = await resolveNames(catalog, names);
          expect(found.length).toBeGreaterThan(0);
        } catch (error) {
          expect((error as Error).name).toBe("NotFoundError");
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("the sanitizer", () => {
  // Written out by code point, independently of the sanitizer's own list.
  const isControl = (code: number) =>
    (code < 0x20 && code !== 0x0a && code !== 0x09) ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069);
  const controls = {
    test: (text: string) => [...text].some((c) => isControl(c.codePointAt(0) ?? 0)),
  };
  it("leaves no control character but newline and tab, and none at all on one line", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        expect(controls.test(sanitize(text))).toBe(false);
        expect(sanitizeLine(text)).not.toMatch(/[\n\t]/);
        expect(controls.test(sanitizeLine(text))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the command line", () => {
  // Words a command line is made of: commands, options, values, and anything at all.
  const word = fc.oneof(
    fc.constantFrom(
      ...COMMANDS.filter((c) => !["edit", "browse"].includes(c.name)).map((c) => c.name),
      ...COMMANDS.flatMap((c) => Object.values(c.options).flatMap((o) => o.flags.split(/[ ,]+/))),
      "--ascii",
      "--color",
      "--no-color",
      "--strict",
      "-o",
      "-",
      "--",
      "cache-aside",
      "databases",
      "svg",
      "0",
      "-1",
    ),
    fc.string({ unit: "binary", maxLength: 10 }),
  );
  const workspace = mkdtempSync(join(tmpdir(), "sysdiag-props-"));
  it("never prints a stack, and exits with a documented code", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 6 }), async (argv) => {
        // `edit` would start an editor: not for random words.
        if (argv.includes("edit") || argv.includes("-o") || argv.includes("--output")) return;
        let stderr = "";
        const code = await main(argv, {
          stdout: { write: () => true },
          stderr: {
            write: (text: string) => {
              stderr += text;
            },
          },
          env: { HOME: EMPTY_HOME, XDG_DATA_HOME: `${EMPTY_HOME}/data`, EDITOR: "true" },
          // init makes .sysdiag/ where it runs: never in the checkout.
          cwd: workspace,
        });
        expect([0, 1, 2, 3]).toContain(code);
        expect(stderr).not.toMatch(/internal error|\n\s+at /);
      }),
      { numRuns: 300 },
    );
  });
});
