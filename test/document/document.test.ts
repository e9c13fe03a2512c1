import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDocument, readDocument } from "../../src/document/document.js";

describe("readDocument", () => {
  it("reads a category, a title, its facts and its drawing", () => {
    const { diagrams, problems } = readDocument(
      "## Caching\n\n### 2. Write Behind\n<!-- sysdiag\nid: wb\naliases: a, b\ntags: Redis\nsummary: S.\nrelated: cqrs\n-->\n```\n┌┐\n└┘\n```\n",
    );
    expect(problems).toEqual([]);
    expect(diagrams).toEqual([
      {
        id: "wb",
        title: "Write Behind",
        category: "Caching",
        aliases: ["a", "b"],
        tags: ["Redis"],
        summary: "S.",
        related: ["cqrs"],
        notes: [],
        references: [],
        diagram: "┌┐\n└┘",
        line: 3,
        bodyLine: 12,
        ownLine: 4,
        endLine: 14,
      },
    ]);
  });

  it("reads notes and references as '- item' lines, an indented line going on with an item", () => {
    const { diagrams, problems } = readDocument(
      [
        "### X",
        "<!-- sysdiag",
        "notes:",
        "- Use it when reads, far more than writes,",
        "  tolerate staleness.",
        "* Numbers: 41 bits, 10 bits, 12 bits.",
        "references: DDIA, ch. 5",
        "- RFC 6585, section 4",
        "tags:",
        "- Redis",
        "- Kafka, Pulsar",
        "-->",
        "```",
        "┌┐",
        "```",
      ].join("\n"),
    );
    expect(problems).toEqual([]);
    expect(diagrams[0]).toMatchObject({
      notes: [
        "Use it when reads, far more than writes, tolerate staleness.",
        "Numbers: 41 bits, 10 bits, 12 bits.",
      ],
      // A note or a reference may hold commas: one on the key's line is one item.
      references: ["DDIA, ch. 5", "RFC 6585, section 4"],
      tags: ["Redis", "Kafka, Pulsar"],
    });
  });

  it.each([
    ["an item under no list key", "id: x\n- stray"],
    ["an item under a key that is not a list", "summary: S.\n- stray"],
    ["an indented line with no item above it", "notes:\n  stray"],
  ])("reports %s", (_name, meta) => {
    const { problems } = readDocument(`### X\n<!-- sysdiag\n${meta}\n-->\n\`\`\`\n┌┐\n\`\`\`\n`);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/is not one of id, .*notes, references/),
    ]);
  });

  it.each([
    [
      "a design doc's ## heading as the title",
      "# Doc\n\n## Cache Layer\n\n```\n┌┐\n```",
      "cache-layer",
    ],
    ["the id from the title", "### Cache Aside!\n```\n┌┐\n```", "cache-aside"],
    ["a one-line comment", "### X\n<!-- sysdiag id: mine -->\n```\n┌┐\n```", "mine"],
    ["a title with no Latin letters", "### 缓存\n```\n┌┐\n```", /^diagram-[0-9a-f]{8}$/],
  ])("%s", (_name, text, id) => {
    expect(readDocument(text).diagrams[0]?.id).toMatch(id);
  });

  it.each([
    [
      "an unknown key",
      "### X\n<!-- sysdiag\ncolour: red\n-->\n```\n┌┐\n```",
      /'colour: red' is not one of/,
    ],
    [
      "code that is not a drawing is skipped, not a problem",
      "### X\n```js\nlet x = 1;\n```",
      undefined,
    ],
    ["a drawing with no heading at all", "```\n┌┐\n```", /no heading above it/],
    [
      "unknown keys in a one-line comment, each reported at its line",
      "### X\n<!-- sysdiag colour: red; size: 2 -->\n```\n┌┐\n```",
      /'colour: red' is not one of/,
      [2, 2],
    ],
    [
      "unknown keys in a comment of many lines, each at its own",
      "### X\n<!-- sysdiag\ncolour: red\nsize: 2\n-->\n```\n┌┐\n```",
      /'colour: red' is not one of/,
      [3, 4],
    ],
    [
      "a sysdiag comment no drawing takes",
      "### X\n<!-- sysdiag id: x -->\n### Y\n```\n┌┐\n```",
      /a sysdiag comment with no drawing under it/,
      [2],
    ],
  ])("%s", (_name, text, problem, lines?: number[]) => {
    const { problems } = readDocument(text);
    if (problem === undefined) expect(problems).toEqual([]);
    else expect(problems[0]?.message).toMatch(problem);
    if (lines) expect(problems.map((p) => p.line)).toEqual(lines);
  });

  it("takes what render takes: drawings, fenced or indented; not code, a table or prose", () => {
    const { diagrams, problems } = readDocument(
      [
        "# URL Shortener", // 1
        "## Setup", //        2
        "```", //             3
        "npm install", //     4
        "```", //             5
        "## Data", //         6
        "```text", //         7
        "| a | b |", //       8
        "|---|---|", //       9
        "```", //            10
        "", //               11
        "    +-----+    +----+", // 12
        "    | App |--->| DB |", // 13
        "    +-----+    +----+", // 14
      ].join("\n"),
    );
    expect(problems).toEqual([]);
    expect(diagrams.map((d) => [d.id, d.title, d.category, d.bodyLine, d.indent])).toEqual([
      ["data", "Data", "Data", 12, 4],
    ]);
    expect(diagrams[0]?.diagram).toBe("+-----+    +----+\n| App |--->| DB |\n+-----+    +----+");
  });

  it("takes every drawing under one heading: by the caption above it, else numbered", () => {
    const box = "```\n┌┐\n└┘\n```";
    const { diagrams, problems } = readDocument(
      [
        "## Read path",
        "### Redirect lookup",
        box,
        "The cache side:",
        "",
        box,
        "",
        "A paragraph of two lines",
        "is no caption.",
        box,
        "<!-- sysdiag id: pinned; summary: S. -->",
        box,
        "### Redirect lookup",
        box,
      ].join("\n"),
    );
    expect(problems).toEqual([]);
    expect(diagrams.map((d) => [d.id, d.title, d.summary])).toEqual([
      ["redirect-lookup", "Redirect lookup", ""],
      ["redirect-lookup-the-cache-side", "Redirect lookup: The cache side", ""],
      ["redirect-lookup-3", "Redirect lookup (3)", ""],
      ["pinned", "Redirect lookup (4)", "S."],
      // The same heading again: its id made unique.
      ["redirect-lookup-2", "Redirect lookup", ""],
    ]);
  });

  it.each([
    [
      "the ## a ### title stands under",
      "# Doc\n## Read path\n### Lookup\n```\n┌┐\n```",
      {},
      "Read path",
    ],
    [
      "the ## that titles the drawing itself",
      "# Doc\n## Write path\n```\n┌┐\n```",
      {},
      "Write path",
    ],
    ["the document's # title, with no ## above", "# Doc\n### Lookup\n```\n┌┐\n```", {}, "Doc"],
    ["My Diagrams, with no # or ## above", "### Lookup\n```\n┌┐\n```", {}, "My Diagrams"],
    [
      "the comment's category: first",
      "## Write path\n<!-- sysdiag category: Storage -->\n```\n┌┐\n```",
      { category: "Given" },
      "Storage",
    ],
    [
      "the category given to the reader next",
      "## Write path\n```\n┌┐\n```",
      { category: "Given" },
      "Given",
    ],
  ])("files a drawing under %s", (_name, text, options, category) => {
    expect(readDocument(text, options).diagrams[0]?.category).toBe(category);
  });

  it("titles a drawing under no heading by the name it is given, as render does", () => {
    expect(readDocument("┌┐\n└┘\n", { name: "flow" }).diagrams).toMatchObject([
      { id: "flow", title: "flow", diagram: "┌┐\n└┘" },
    ]);
    expect(
      readDocument("```\n┌┐\n```\n```\n└┘\n```", { name: "flow" }).diagrams.map((d) => d.id),
    ).toEqual(["flow", "flow-2"]);
    expect(readDocument("just prose\n", { name: "flow" }).diagrams).toEqual([]);
  });

  it("reads back what formatDocument writes, for any entry", () => {
    const words = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((w) => /^[\p{L}\p{N} ]+$/u.test(w.trim()) && w.trim() !== "");
    const entry = fc.record({
      id: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/),
      title: words.map((w) => w.trim().replace(/\s+/g, " ")),
      category: words.map((w) => w.trim().replace(/\s+/g, " ")),
      aliases: fc.array(
        words.map((w) => w.trim().replace(/\s+/g, " ")),
        { maxLength: 3 },
      ),
      tags: fc.array(
        words.map((w) => w.trim().replace(/\s+/g, " ")),
        { maxLength: 3 },
      ),
      summary: fc.constantFrom("", "A summary.", "With `ticks` and --> arrows"),
      related: fc.array(fc.constantFrom("cqrs", "saga"), { maxLength: 2 }),
      notes: fc.array(fc.constantFrom("One, two: three.", "With --> an arrow", "  x  "), {
        maxLength: 3,
      }),
      references: fc.array(fc.constantFrom("DDIA, ch. 5", "- a dash first"), { maxLength: 2 }),
      diagram: fc.constantFrom("┌─┐\n└─┘", "+--+\n|``|\n+--+", "```\n┌┐\n```"),
      line: fc.constant(3),
    });
    fc.assert(
      fc.property(entry, (e) => {
        const [back] = readDocument(formatDocument(e)).diagrams;
        expect(back).toMatchObject({
          id: e.id,
          title: e.title,
          category: e.category,
          aliases: e.aliases,
          tags: e.tags,
          related: e.related,
          diagram: e.diagram,
        });
        expect(back?.summary).toBe(e.summary.replace(/-->/g, "-- >"));
        const flat = (items: string[]) => items.map((i) => i.trim().replace(/-->/g, "-- >"));
        expect(back?.notes).toEqual(flat(e.notes));
        expect(back?.references).toEqual(flat(e.references));
      }),
      { numRuns: 300 },
    );
  });
});
