import { JSDOM } from "jsdom";
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import type { Entry } from "../../src/core/types.js";
import { renderMarkdown } from "../../src/render/entry.js";
import { catalog } from "../helpers.js";

/**
 * `show -f md` pastes a catalog's words into someone's design doc: however hostile the
 * title and summary, a Markdown renderer (marked, GitHub-flavoured) shows them as the text
 * they are, under one heading, in one paragraph, above one code block (issue 26).
 */

const HOSTILE = [
  "<img src=x onerror=alert(1)>",
  "[click me](javascript:alert(1))",
  "![tracker](https://evil.example/pixel.png)",
  "<!-- everything after this is hidden",
  "<https://evil.example/auto>",
  "&lt;b&gt; &amp; &#35;",
  "**bold** _em_ ~~struck~~ `code`",
  "> a quote",
  "- a list",
  "+ a list",
  "1. a list",
  "2) a list",
  "# a heading",
  "---",
  "===",
  "Title ##",
  "| a | b |",
  "```js",
  "\\*not escaped\\*",
  "<script>alert(1)</script>",
  "[ref]: https://evil.example",
  "a\\",
  "see https://evil.example/x and www.evil.example or mail a@evil.example",
  "mailto:a@evil.example xmpp:a@evil.example/x",
];

const entry = (title: string, summary: string): Entry => ({
  id: "x",
  title,
  category: "C",
  categoryId: "c",
  aliases: [],
  tags: [],
  summary,
  related: [],
  diagram: "┌─┐\n└─┘",
  line: 1,
});

/** The rendered page's elements, and the heading's and the paragraph's text. */
function rendered(markdown: string) {
  const page = new JSDOM(marked.parse(markdown, { gfm: true, async: false }) as string).window
    .document;
  return {
    tags: [...page.body.querySelectorAll("*")].map((e) => e.localName),
    title: page.querySelector("h2")?.textContent,
    summary: page.querySelector("p")?.textContent,
    code: page.querySelector("pre code")?.textContent,
  };
}

describe("show -f md: a title and summary are text, whatever they hold", () => {
  it("an unescaped summary becomes markup (so the checks below can fail)", () => {
    expect(rendered("## t\n\n<img src=x onerror=alert(1)>\n").tags).toContain("img");
  });

  it.each(HOSTILE)("%j as the title and as the summary", (text) => {
    const page = rendered(renderMarkdown(entry(text, text)));
    expect(page.tags).toEqual(["h2", "p", "pre", "code"]);
    expect(page.title).toBe(text);
    expect(page.summary).toBe(text);
    expect(page.code).toBe("┌─┐\n└─┘\n");
  });

  it("a summary that opens a comment hides nothing pasted after it", () => {
    const markdown = `${renderMarkdown(entry("T", "<!-- hidden"))}\nMore of the doc.\n`;
    expect(rendered(markdown).tags).toEqual(["h2", "p", "pre", "code", "p"]);
  });

  // Some catalog words need escaping now ("R + W > N" in quorum's summary, issue 24):
  // what counts is that each renders as written.
  it.each(catalog.diagrams.map((d) => [d.id, d]))("%s reads as written", (_id, d) => {
    const page = rendered(renderMarkdown(d));
    expect(page.title).toBe(d.title);
    if (d.summary) expect(page.summary).toBe(d.summary);
    expect(page.code).toBe(`${d.diagram}\n`);
  });
});
