import { describe, expect, it } from "vitest";
import {
  holdsNothing,
  holdsOnlyDrawings,
  sectionOf,
  withoutSection,
  withReplaced,
} from "../../src/catalog/sections.js";
import { fileFor } from "../../src/catalog/user.js";

describe("fileFor", () => {
  it("names a diagram's file in the data directory", () => {
    expect(fileFor("/data", "cache-aside")).toBe("/data/cache-aside.md");
  });

  it.each(["../x", "/etc/passwd", "a/b", "x\u0000", "con", "NUL", "a".repeat(65), "", "A"])(
    "refuses %j",
    (id) => {
      expect(() => fileFor("/data", id)).toThrow(/cannot be a diagram id/);
    },
  );
});

describe("a diagram's section of a user document", () => {
  const doc = "## C\n\n### A\n```\n## not a heading\n└┘\n```\n\n### B\n```\n┌┐\n```\n";
  const cut = (text: string, id: string) =>
    withoutSection(text, sectionOf(text, id) ?? expect.fail(`no ${id}`));

  it("removes one diagram's section, up to the next heading", () => {
    expect(cut(doc, "a")).toBe("## C\n\n### B\n```\n┌┐\n```\n");
  });
  it("removes a drawing that shares its heading: its comment, block and prose after", () => {
    const two =
      "## C\n\n### A\n```\n┌┐\n```\nThe other side:\n<!-- sysdiag id: z -->\n```\n└┘\n```\nAfter.\n";
    expect(cut(two, "z")).toBe("## C\n\n### A\n```\n┌┐\n```\nThe other side:");
    // The first goes without its heading, which still titles the one after it.
    expect(cut(two, "a")).toBe(
      "## C\n\n### A\nThe other side:\n<!-- sysdiag id: z -->\n```\n└┘\n```\nAfter.\n",
    );
  });
  it("removes the last section to the end", () => {
    expect(cut(doc, "b")).toBe("## C\n\n### A\n```\n## not a heading\n└┘\n```\n");
  });

  // A person's document: prose, one drawing, an appendix (issue 26, item 2).
  const notes =
    "# Design notes\n\nWhy we built it.\n\n## Flow\n\n```text\n┌─┐\n└─┘\n```\nHow it flows.\n\n## Appendix\n\nMore prose.\n";
  it.each([
    [
      "a person's document keeps its prose and appendix",
      notes,
      "flow",
      "# Design notes\n\nWhy we built it.\n\n## Appendix\n\nMore prose.\n",
      false,
    ],
    [
      "a file of one diagram holds nothing after it",
      "## Mine\n\n### X\n<!-- sysdiag\nid: x\n-->\n```text\n┌┐\n```\n",
      "x",
      "## Mine\n",
      true,
    ],
    [
      "a drawing under a #### note keeps the note's heading level out",
      "## C\n\n### A\n```\n┌┐\n```\n#### Not a diagram\nkept\n",
      "a",
      "## C\n\n#### Not a diagram\nkept\n",
      false,
    ],
    [
      "a code block after the drawing ends nothing",
      "### A\n```\n┌┐\n```\n```js\nx()\n```\n## B\n",
      "a",
      "## B\n",
      true,
    ],
  ])("%s", (_what, text, id, rest, nothing) => {
    expect(cut(text, id)).toBe(rest);
    expect(holdsNothing(cut(text, id))).toBe(nothing);
  });

  it("is undefined for an id the document does not hold", () => {
    expect(sectionOf(notes, "appendix")).toBeUndefined();
  });

  it("replaces the heading, facts and drawing in place, at the same heading level", () => {
    const entry = {
      id: "flow",
      title: "Flow",
      category: "Other",
      aliases: [],
      tags: [],
      summary: "new",
      related: [],
      notes: [],
      references: [],
      diagram: "┌┐\n└┘",
      line: 1,
    };
    const section = sectionOf(notes, "flow") ?? expect.fail("no flow");
    expect(withReplaced(notes, section, entry)).toBe(
      "# Design notes\n\nWhy we built it.\n\n## Flow\n<!-- sysdiag\nid: flow\nsummary: new\n-->\n```text\n┌┐\n└┘\n```\nHow it flows.\n\n## Appendix\n\nMore prose.\n",
    );
  });
});

describe("holdsOnlyDrawings: whether a file is only what add writes, drawings and their facts", () => {
  const drawing = "```text\n┌──┐\n└──┘\n```\n";
  it.each([
    [
      "a file add wrote",
      `## Mine\n\n### Flow\n<!-- sysdiag\nid: flow\nsummary: s\n-->\n${drawing}`,
      true,
    ],
    ["its facts on one line", `### Flow\n<!-- sysdiag id: Bad_Id -->\n${drawing}`, true],
    ["a drawing and nothing else", drawing, true],
    ["prose before the drawing", `# Notes\n\nWhy we built it.\n\n## Flow\n${drawing}`, false],
    [
      "prose after the facts",
      `### Flow\n<!-- sysdiag\nid: x\n-->\nHow it flows.\n${drawing}`,
      false,
    ],
    ["another comment", `### Flow\n<!-- my notes -->\n${drawing}`, false],
  ])("%s: %s", (_what, text, only) => {
    expect(holdsOnlyDrawings(text)).toBe(only);
  });
});
