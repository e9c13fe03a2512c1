import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectOneLineError, ROOT, userHome } from "../helpers.js";

/**
 * Issue 22: `add` reads a design doc as `render` does. The fixture is laid out as a
 * team's design doc is: set-up code, tables (one in a fence), a Mermaid chart, and
 * drawings fenced, indented and several under one heading.
 */
const DOC = join(ROOT, "test/fixtures/documents/url-shortener.md");

describe("add reads a document as render does", () => {
  it("takes exactly the drawings render finds, each under a unique id", () => {
    const h = userHome();
    const rendered = JSON.parse(h.sysdiag(["render", DOC, "-f", "json"]).stdout) as Array<{
      id: string;
      title: string;
      diagram: string;
    }>;
    const added = h.sysdiag(["add", DOC]);
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    const ids = [
      "redirect-lookup",
      "redirect-lookup-on-a-cache-miss",
      "redirect-lookup-3",
      "write-path",
      "shortener-metrics",
    ];
    expect(rendered.map((e) => e.id)).toEqual(ids);
    expect(
      added.stdout
        .split("\n")
        .filter(Boolean)
        .map((l) => l.split(" ")[1]),
    ).toEqual(ids);
    expect(readdirSync(h.data).sort()).toEqual(ids.map((id) => `${id}.md`).sort());
    // The indented drawing, without the four columns that made it a code block.
    expect(h.sysdiag(["show", "write-path", "--raw"]).stdout).toMatch(/^\+--------\+/);
    const entries = JSON.parse(h.sysdiag(["list", "--json"]).stdout) as Array<{
      id: string;
      category: string;
    }>;
    const category = (id: string) => entries.find((e) => e.id === id)?.category;
    expect(category("redirect-lookup")).toBe("Read path");
    expect(category("write-path")).toBe("Write path");
    expect(category("shortener-metrics")).toBe("Runbooks");
    // Nothing that is not drawn: the set-up commands, the tables, the chart.
    expect(entries.some((e) => ["setup", "data-model", "overview"].includes(e.id))).toBe(false);
  });

  it("--dry-run says what would be added and where, and writes nothing", () => {
    const h = userHome();
    const dry = h.sysdiag(["add", DOC, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /^would add redirect-lookup \(Redirect lookup\) under 'Read path' in ~\/data\/sysdiag\/redirect-lookup\.md\n/,
    );
    expect(dry.stdout.split("\n").filter(Boolean)).toHaveLength(5);
    expect(existsSync(h.data)).toBe(false);
    // A taken id is refused as the add itself would be.
    expect(h.sysdiag(["add", DOC]).code).toBe(0);
    expectOneLineError(h.sysdiag(["add", DOC, "--dry-run"]), 2, /these ids are taken: /);
  });

  it("--category files what names no category of its own", () => {
    const h = userHome();
    expect(h.sysdiag(["add", DOC, "--category", "URL shortener"]).code).toBe(0);
    const entries = JSON.parse(h.sysdiag(["list", "--json"]).stdout) as Array<{
      id: string;
      category: string;
    }>;
    expect(entries.find((e) => e.id === "write-path")?.category).toBe("URL shortener");
    expect(entries.find((e) => e.id === "shortener-metrics")?.category).toBe("Runbooks");
  });

  it("a text file holding one drawing is titled by its name, as render titles it", () => {
    const h = userHome();
    const file = h.write("flow.txt", "┌───┐   ┌───┐\n│ A ├──►│ B │\n└───┘   └───┘\n");
    expect(h.sysdiag(["add", file]).stdout).toMatch(/^added flow \(flow\) in /);
  });

  it("show -f md | add - keeps every fact", () => {
    const h = userHome();
    const md = h.sysdiag(["show", "cache-aside", "-f", "md"]).stdout;
    const mine = md.replace(/^id: cache-aside$/m, "id: my-cache");
    expect(h.sysdiag(["add", "-"], { input: mine }).code).toBe(0);
    const [before, after] = ["cache-aside", "my-cache"].map((id) =>
      JSON.parse(h.sysdiag(["show", id, "--json"]).stdout),
    );
    for (const key of ["title", "category", "aliases", "tags", "summary", "related", "notes"]) {
      expect([key, after[key]]).toEqual([key, before[key]]);
    }
    expect(after.diagram).toBe(before.diagram);
  });

  it("render takes the id, title and summary of a sysdiag comment", () => {
    const h = userHome();
    const file = h.write(
      "doc.md",
      "## Ops\n<!-- sysdiag\nid: metrics\ntitle: Metrics flow\nsummary: Scraped.\n-->\n```\n┌┐\n└┘\n```\n",
    );
    const entry = JSON.parse(h.sysdiag(["render", file, "-f", "json"]).stdout);
    expect(entry).toMatchObject({ id: "metrics", title: "Metrics flow", summary: "Scraped." });
  });
});

describe("remove takes a name as show does", () => {
  it("an id, an alias or a title; a near miss is suggested, never removed", () => {
    const h = userHome();
    h.sysdiag(["add", DOC]);
    expectOneLineError(
      h.sysdiag(["remove", "redirect lokup"]),
      1,
      /no diagram named 'redirect lokup'; did you mean redirect-lookup/,
    );
    expect(readdirSync(h.data)).toHaveLength(5);
    const removed = h.sysdiag(["remove", "Redirect Lookup: on a cache miss"]);
    expect(removed.stdout).toMatch(/^removed redirect-lookup-on-a-cache-miss /);
    expect(readdirSync(h.data)).toHaveLength(4);
  });
});
