import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import type { Graph } from "../../src/diagram/graph.js";
import { toD2, toDot, toGraphJson, toMermaid } from "../../src/render/graph-formats.js";
import { catalogGraphs, HOSTILE, HOSTILE_LABELS, HOSTILE_TITLE, NASTY } from "./graph-fixtures.js";

const SMALL: Graph = {
  nodes: [
    { id: "vpc", label: "VPC", kind: "box" },
    { id: "app", label: "App", kind: "box", parent: "vpc" },
    { id: "db", label: 'DB "main"', kind: "box", parent: "vpc" },
    { id: "done", label: "Done", kind: "text" },
  ],
  edges: [
    { from: "app", to: "db", label: "SQL", directed: true },
    { from: "db", to: "done", directed: false },
  ],
};

describe("graph writers: exact output", () => {
  it.each([
    [
      "json",
      toGraphJson(SMALL),
      `{
  "nodes": [
    {
      "id": "vpc",
      "label": "VPC",
      "kind": "box"
    },
    {
      "id": "app",
      "label": "App",
      "kind": "box",
      "parent": "vpc"
    },
    {
      "id": "db",
      "label": "DB \\"main\\"",
      "kind": "box",
      "parent": "vpc"
    },
    {
      "id": "done",
      "label": "Done",
      "kind": "text"
    }
  ],
  "edges": [
    {
      "from": "app",
      "to": "db",
      "label": "SQL",
      "directed": true
    },
    {
      "from": "db",
      "to": "done",
      "directed": false
    }
  ]
}
`,
    ],
    [
      "mermaid",
      toMermaid(SMALL, "A: VPC"),
      `---
title: "A: VPC"
---
flowchart TD
  subgraph n_vpc["VPC"]
    n_app["App"]
    n_db["DB #quot;main#quot;"]
  end
  n_done("Done")
  n_app -->|"SQL"| n_db
  n_db --- n_done
`,
    ],
    [
      "dot",
      toDot(SMALL, "A: VPC"),
      `digraph "A: VPC" {
  label="A: VPC";
  labelloc=t;
  node [shape=box];
  subgraph "cluster_vpc" {
    label="VPC";
    "app" [label="App"];
    "db" [label="DB \\"main\\""];
  }
  "done" [label="Done", shape=plaintext];
  "app" -> "db" [label="SQL"];
  "db" -> "done" [dir=none];
}
`,
    ],
    [
      "d2",
      toD2(SMALL, "A: VPC"),
      `"diagram_title": "A: VPC" {
  shape: text
  near: top-center
}
"vpc": "VPC" {
  "app": "App"
  "db": "DB \\"main\\""
}
"done": "Done" {
  shape: text
}
"vpc"."app" -> "vpc"."db": "SQL"
"vpc"."db" -- "done"
`,
    ],
  ])("%s", (_, got, want) => {
    expect(got).toBe(want);
  });

  it("writes an undirected-only graph as a Graphviz `graph` with `--`", () => {
    const dot = toDot({ nodes: SMALL.nodes, edges: [SMALL.edges[1] as Graph["edges"][0]] }, "t");
    expect(dot.split("\n")[0]).toBe('graph "t" {');
    expect(dot).toContain('"db" -- "done";');
  });

  it("reads back from JSON as the same graph", () => {
    expect(JSON.parse(toGraphJson(NASTY))).toEqual(NASTY);
  });
});

/** Graphviz's own parser and layout, through the `dot` binary (Debian package graphviz). */
function dot(source: string, format: string) {
  return spawnSync("dot", [`-T${format}`], { input: source, encoding: "utf8" });
}

describe("Graphviz accepts the DOT of every catalog diagram and of nasty labels", () => {
  it("has a dot that rejects a broken graph (so the checks below can fail)", () => {
    const broken = dot('digraph { "a" [label="say "hi""]; }', "svg");
    expect(broken.error).toBeUndefined();
    expect(broken.status).not.toBe(0);
  });

  // One dot for them all: each graph in a file of its own, its JSON written beside it (-O).
  const dir = mkdtempSync(join(tmpdir(), "sysdiag-dot-"));
  const files = catalogGraphs.map(({ id, graph, title }) => {
    const file = join(dir, `${id}.dot`);
    writeFileSync(file, toDot(graph, title));
    return file;
  });
  // In the files' directory: this dot also leaves an empty noname.gv.xdot where it runs.
  const all = spawnSync("dot", ["-Tjson", "-O", ...files], { encoding: "utf8", cwd: dir });

  it("lays them all out in one run, with nothing to say", () => {
    expect(all.error).toBeUndefined();
    expect(all.stderr).toBe("");
    expect(all.status).toBe(0);
  });

  it.each(catalogGraphs)("$id", ({ id, graph }) => {
    const json = JSON.parse(readFileSync(join(dir, `${id}.dot.json`), "utf8")) as {
      objects?: { name: string }[];
      edges?: unknown[];
    };
    const names = (json.objects ?? []).map((o) => o.name).filter((n) => !n.startsWith("cluster_"));
    const leaves = graph.nodes.filter((n) => !graph.nodes.some((c) => c.parent === n.id));
    for (const node of leaves) expect(names).toContain(node.id);
    expect(json.edges ?? []).toHaveLength(graph.edges.length);
  });

  it("renders nasty labels as written", () => {
    const out = dot(toDot(NASTY, 'Title "quoted" \\ 中文'), "svg");
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    const texts = [...out.stdout.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
      (m[1] as string)
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&#45;/g, "-")
        .replace(/&amp;/g, "&"),
    );
    expect(texts).toContain(NASTY.nodes[0]?.label);
    expect(texts).toContain('l "q" ; # \\ \u0024{x} |p| 中文');
    expect(texts).toContain('Title "quoted" \\ 中文');
    // A line break is a line break, not a backslash and an n.
    expect(texts).toContain("subgraph");
    expect(texts).toContain("line two");
  });

  it("renders hostile labels as written: Graphviz decodes no entity and no escape of theirs", () => {
    const out = dot(toDot(HOSTILE, HOSTILE_TITLE), "svg");
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    const page = new JSDOM(out.stdout, { contentType: "image/svg+xml" }).window.document;
    const texts = [...page.querySelectorAll("text")].map((t) => t.textContent);
    for (const label of HOSTILE_LABELS) expect(texts, label).toContain(label);
    expect(texts).toContain(HOSTILE_TITLE);
  });

  it("decodes an entity left unescaped (so the check above can fail)", () => {
    const out = dot('digraph { a [label="&amp;"]; }', "svg");
    expect(out.stdout).toMatch(/>&amp;<\/text>/);
  });
});
