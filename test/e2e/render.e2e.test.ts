import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FORMATS } from "../../src/render/formats.js";
import { catalog, expectOneLineError, spawnCli as sysdiag } from "../helpers.js";

/** The graph formats and `render`, from the command line. */

const dir = mkdtempSync(join(tmpdir(), "sysdiag-render-"));
const two = join(dir, "two.md");
writeFileSync(
  two,
  "# Two drawings\n\n## Cache\n\n```\n┌─────┐     ┌─────┐\n│ App ├────►│ DB  │\n└─────┘     └─────┘\n```\n\n## Queue\n\n    +------+     +-------+\n    | Prod |---->| Queue |\n    +------+     +-------+\n",
);

describe("show --format graph, mermaid, dot, d2", () => {
  it("graph is the documented JSON shape", () => {
    const graph = JSON.parse(sysdiag(["show", "cache-aside", "-f", "graph"]).stdout);
    expect(Object.keys(graph)).toEqual(["nodes", "edges"]);
    expect(graph.nodes[0]).toEqual({ id: "app", label: "App", kind: "box" });
    expect(graph.edges[0]).toEqual({
      from: "app",
      to: "cache-redis",
      label: "1. Check Cache",
      directed: true,
    });
  });

  it("dot goes straight into Graphviz", () => {
    const dot = sysdiag(["show", "microservices", "-f", "dot"]).stdout;
    const svg = spawnSync("dot", ["-Tsvg"], { input: dot, encoding: "utf8" });
    expect(svg.status).toBe(0);
    expect(svg.stdout).toMatch(/<svg/);
  });

  it.each(["mermaid", "d2"])("%s names every box of the drawing", (format) => {
    const out = sysdiag(["show", "cache-aside", "-f", format]).stdout;
    for (const label of ["App", "Cache (Redis)", "DB"]) expect(out).toContain(label);
  });

  it("one diagram at a time", () => {
    for (const format of ["graph", "mermaid", "dot", "d2", "svg"]) {
      expectOneLineError(
        sysdiag(["show", "cqrs", "saga", "-f", format]),
        2,
        /draws one diagram at a time/,
      );
    }
  });

  it("every format works for every catalog diagram", () => {
    for (const format of FORMATS) {
      for (const entry of catalog.diagrams.filter((_, i) => i % 10 === 0)) {
        const result = sysdiag(["show", entry.id, "-f", format]);
        expect(result.code, `${entry.id} ${format}: ${result.stderr}`).toBe(0);
        expect(result.stdout.length).toBeGreaterThan(10);
      }
    }
  }, 60_000);
});

describe("the SVG", () => {
  it("describes each edge in <desc>, and can leave the background out", () => {
    const svg = sysdiag(["show", "cache-aside", "-f", "svg"]).stdout;
    expect(svg).toMatch(/<desc[^>]*>App → Cache \(Redis\): 1\. Check Cache; /);
    const bare = sysdiag(["show", "cache-aside", "-f", "svg", "--transparent"]).stdout;
    expect(bare.length).toBeLessThan(svg.length);
    expect(bare).not.toMatch(/class="background"|<rect[^>]*width="100%"/);
  });

  it("draws a drawing whose graph is past the limit, without the description", () => {
    // A bus of 400 heads: each way between them is 159,600 edges.
    const file = join(dir, "bus.txt");
    writeFileSync(file, ` ${"──┬".repeat(400)}\n ${"  ▼".repeat(400)}\n ${"  x".repeat(400)}\n`);
    const svg = sysdiag(["render", file, "-f", "svg"]);
    expect(svg.code).toBe(0);
    expect(svg.stdout).not.toMatch(/<desc/);
    expect(svg.stdout.match(/class="arrow"/g)).toHaveLength(400);
    for (const format of ["graph", "mermaid", "dot", "d2"]) {
      expectOneLineError(
        sysdiag(["render", file, "-f", format]),
        3,
        /too large to read as a graph: its lines make more than 100,000 edges \(see LIMITS in man sysdiag\)/,
      );
    }
  });
});

describe("sysdiag render", () => {
  it("draws each block of a Markdown file, titled by its heading", () => {
    const { code, stdout } = sysdiag(["render", two]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^╭ Cache · .*two\.md ─+╮\n/);
    expect(stdout).toMatch(/\n╭ Queue · .*two\.md ─+╮\n/);
  });

  it("--block picks one, for the one-at-a-time formats", () => {
    expectOneLineError(
      sysdiag(["render", two, "-f", "mermaid"]),
      2,
      /has 2 drawings and --format mermaid draws one; choose with --block 1\.\.2/,
    );
    const mermaid = sysdiag(["render", two, "-f", "mermaid", "--block", "2"]).stdout;
    expect(mermaid).toMatch(/n_prod\["Prod"\] *\n/);
    expect(mermaid).toMatch(/n_prod --> n_queue/);
    expectOneLineError(sysdiag(["render", two, "--block", "3"]), 1, /has 2 drawings, not 3/);
  });

  it("reads standard input and writes -o", () => {
    const out = join(dir, "cqrs.d2");
    const raw = sysdiag(["show", "cqrs", "--raw"]).stdout;
    expect(sysdiag(["render", "-", "-f", "d2", "-o", out], { input: raw }).code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/Command/);
  });

  it("a file with no drawing is exit 1, one that cannot be read exit 3", () => {
    writeFileSync(join(dir, "prose.md"), "# nothing\n\ndrawn here\n");
    expectOneLineError(sysdiag(["render", join(dir, "prose.md")]), 1, /no drawing in/);
    expectOneLineError(sysdiag(["render", join(dir, "missing.md")]), 3, /cannot read/);
  });
});
