import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog, ROOT } from "../helpers.js";
import { blocks, links, page, pages, prose, sections, slug } from "./markdown.js";

/**
 * The README is a front door: short, what sysdiag is first, then the two commands
 * (install and run; test). Everything it and docs/ point at must be there.
 */

const readme = page("README.md");
const all = pages();

describe("README.md", () => {
  it("is at most 250 lines", () => {
    expect(readme.text.split("\n").length - 1).toBeLessThanOrEqual(250);
  });

  it("starts with what sysdiag is", () => {
    const [title, blank, first] = readme.text.split("\n");
    expect(title).toBe("# sysdiag");
    expect(blank).toBe("");
    expect(first).toMatch(/^sysdiag \w+ .*diagrams/);
  });

  it("counts the catalog as it is", () => {
    for (const doc of [readme, page("docs/catalog.md")]) {
      const [, diagrams, categories] =
        /catalog of (\d+) ASCII architecture diagrams\s+in (\d+) categories/.exec(doc.text) ?? [];
      expect(Number(diagrams)).toBe(catalog.diagrams.length);
      expect(Number(categories)).toBe(catalog.categories.length);
    }
  });

  it("counts the repairs and the judged queries and drawings as they are", () => {
    const text = page("docs/catalog.md").text;
    const count = (pattern: RegExp) => Number(pattern.exec(text)?.[1]);
    const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), "utf8"));
    const size = (x: object) => (Array.isArray(x) ? x.length : Object.keys(x).length);
    expect(count(/(\d+) of the \d+ diagrams were drawn wrong/)).toBe(
      readdirSync(join(ROOT, "data/repairs")).length,
    );
    expect(count(/holds (\d+) queries/)).toBe(size(json("test/search/judgments.json").judgments));
    expect(count(/holds the graphs of (\d+) catalog diagrams/)).toBe(
      size(json("test/diagram/graph-judgments.json").diagrams),
    );
  });

  it("gives its two commands first: install and run, then test", () => {
    const [install, test] = blocks(readme.text);
    expect(install?.body).toBe("npm install && npx sysdiag show cache-aside");
    expect(test?.body).toBe("npm test");
    // Before any section: nothing but what sysdiag is comes ahead of them.
    const firstHeading = readme.text.indexOf("\n## ");
    expect(test?.line).toBeLessThan(readme.text.slice(0, firstHeading).split("\n").length);
  });

  it("links every page of the reference", () => {
    const targets = links(readme.text).map((l) => l.replace(/#.*$/, ""));
    const reference = readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md"));
    expect(reference.length).toBeGreaterThanOrEqual(6);
    for (const file of reference) expect(targets).toContain(`docs/${file}`);
    expect(targets).toContain("docs/decisions/README.md");
  });
});

describe.each(all.map((p) => [p.path, p] as const))("%s", (path, doc) => {
  it("links only to files that exist, and to headings they have", () => {
    const broken = links(doc.text)
      .filter((l) => !/^[a-z]+:/.test(l))
      .filter((l) => {
        const [file, anchor] = l.split("#") as [string, string | undefined];
        const target = file === "" ? path : normalize(join(dirname(path), file));
        if (!existsSync(join(ROOT, target))) return true;
        if (anchor === undefined) return false;
        const text = file === "" ? doc.text : page(target).text;
        return !sections(text).some((s) => slug(s.heading) === anchor);
      });
    expect(broken).toEqual([]);
  });

  it("names only files of the repository that exist", () => {
    const named = [
      ...prose(doc.text).matchAll(/`((?:src|test|scripts|data|bin|man|docs|\.ci)\/[^`\s]*)`/g),
    ]
      .map((m) => m[1] as string)
      // A pattern, not a path: `data/repairs/<id>.txt`, `docs/*.png`, `dist/cli.*.cache`.
      .filter((p) => !/[<*]|NNNN/.test(p));
    expect(named.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });
});

describe("docs/architecture.md", () => {
  const text = page("docs/architecture.md").text;
  const scripts = Object.keys(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts);

  it.each(scripts.map((name) => [name]))("says what npm run %s does", (name) => {
    const rows = text.split("\n").filter((l) => l.startsWith("| `npm "));
    const spelt = name === "test" ? "`npm test`" : `\`npm run ${name}\``;
    expect(rows.some((row) => row.startsWith(`| ${spelt} `))).toBe(true);
  });

  it("names only scripts there are, here and on every page", () => {
    const named = all.flatMap((p) => [...p.text.matchAll(/`npm run ([\w:-]+)/g)].map((m) => m[1]));
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((name) => !scripts.includes(name as string))).toEqual([]);
  });

  it("gives the order of the folders that test/layers.test.ts keeps", () => {
    const layers = /const LAYERS = \[([^\]]*)\]/.exec(
      readFileSync(join(ROOT, "test/layers.test.ts"), "utf8"),
    )?.[1];
    const order = [...(layers ?? "").matchAll(/"(\w+)"/g)].map((m) => m[1]).join(" -> ");
    expect(order.split(" -> ").length).toBeGreaterThanOrEqual(9);
    expect(text).toContain(`\n${order}\n`);
    const floors = text
      .split("\n")
      .filter((l) => /^\| `\w+` +\|/.test(l))
      .map((l) => /`(\w+)`/.exec(l)?.[1]);
    expect(floors.join(" -> ")).toBe(order);
  });
});

describe("the documentation tests' reader", () => {
  it("finds the repository's paths the pages name", () => {
    const named = all.flatMap((p) => [
      ...prose(p.text).matchAll(/`((?:src|test|scripts|data|bin|man|docs|\.ci)\/[^`\s]*)`/g),
    ]);
    expect(named.length).toBeGreaterThan(20);
  });

  it("finds links, anchors and code spans (a reader that found none would pass anything)", () => {
    expect(links('see [a](docs/a.md#b-c) and <img src="x.png">\n```\n[no](t.md)\n```\n')).toEqual([
      "docs/a.md#b-c",
      "x.png",
    ]);
    expect(slug("`sysdiag show <name...>`")).toBe("sysdiag-show-name");
    expect(slug("Paging and `--copy`")).toBe("paging-and---copy");
    expect(sections("# A\n```\n## not a heading\n```\n## B\ntext\n").map((s) => s.heading)).toEqual(
      ["A", "B"],
    );
  });
});
