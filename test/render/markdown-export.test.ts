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

describe("show -f md: a reference's web address is a link, and nothing else is", () => {
  const withReferences = (references: string[]): Entry => ({ ...entry("T", "S"), references });
  /** The references list: each item's text, and its links' targets. */
  function references(markdown: string) {
    const page = new JSDOM(marked.parse(markdown, { gfm: true, async: false }) as string).window
      .document;
    const items = [...page.querySelectorAll("ul")].at(-1)?.querySelectorAll("li") ?? [];
    return {
      tags: [...page.body.querySelectorAll("*")].map((e) => e.localName),
      items: [...items].map((li) => ({
        text: li.textContent,
        links: [...li.querySelectorAll("a")].map((a) => a.getAttribute("href")),
      })),
    };
  }

  it.each([
    [
      "Stripe blog (2017), https://stripe.com/blog/rate-limiters",
      ["https://stripe.com/blog/rate-limiters"],
    ],
    [
      "RFC 6585, https://www.rfc-editor.org/rfc/rfc6585#section-4.",
      ["https://www.rfc-editor.org/rfc/rfc6585#section-4"],
    ],
    ["(see http://a.example/x_y?q=1&r=2)", ["http://a.example/x_y?q=1&r=2"]],
    [
      "two: https://a.example/1, https://b.example/2",
      ["https://a.example/1", "https://b.example/2"],
    ],
    ["javascript:alert(1) and ftp://a.example/f", []],
    ['https://a.example/"onmouseover="alert(1)', ["https://a.example/"]],
    ["https://a.example/<img src=x onerror=alert(1)>", ["https://a.example/"]],
    [
      "[click](https://evil.example) ![x](https://evil.example/p.png)",
      ["https://evil.example", "https://evil.example/p.png"],
    ],
  ])("%j", (text, links) => {
    const page = references(renderMarkdown(withReferences([text])));
    expect(
      page.tags.filter((t) => !["h2", "p", "pre", "code", "strong", "ul", "li", "a"].includes(t)),
    ).toEqual([]);
    expect(page.items).toEqual([{ text, links }]);
  });

  it("every catalog reference reads as written, its addresses links", () => {
    for (const d of catalog.diagrams.filter((d) => d.references?.length)) {
      const page = references(renderMarkdown(d));
      expect(
        page.items.map((i) => i.text),
        d.id,
      ).toEqual(d.references);
      for (const [i, item] of page.items.entries()) {
        expect(item.links, d.id).toEqual(
          (d.references?.[i] ?? "").match(/https?:\/\/\S*[\w/#=&%-]/g) ?? [],
        );
      }
    }
  });
});
