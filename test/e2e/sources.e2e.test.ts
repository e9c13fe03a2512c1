import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, catalog, expectOneLineError, userHome } from "../helpers.js";

/** The user's own diagrams, end to end, each test in a home of its own. */

const home = userHome;

const doc = (title: string, id?: string, extra = "") =>
  `## Caching\n\n### ${title}\n${id ? `<!-- sysdiag\nid: ${id}\n${extra}-->\n` : ""}\`\`\`\n┌──────┐\n│ ${title.slice(0, 4).padEnd(4)} │\n└──────┘\n\`\`\`\n`;

describe("sources", () => {
  it("reads a Markdown file from --catalog, with the id from its title", () => {
    const h = home();
    const file = h.write("mine.md", doc("Write Behind Cache"));
    const { code, stdout } = h.sysdiag(["--catalog", file, "list", "--json", "caching"]);
    expect(code).toBe(0);
    const mine = JSON.parse(stdout).find((e: { id: string }) => e.id === "write-behind-cache");
    expect(mine).toEqual({
      id: "write-behind-cache",
      title: "Write Behind Cache",
      category: "Caching Strategies",
      categoryId: "caching",
      source: file,
    });
  });

  it("takes id, aliases, tags, summary and related from the comment", () => {
    const h = home();
    const file = h.write(
      "mine.md",
      doc(
        "Lazy Writes",
        "lazy",
        "aliases: slacker, write later\ntags: Redis\nsummary: Later.\nrelated: write-back\n",
      ),
    );
    const entry = JSON.parse(h.sysdiag(["--catalog", file, "show", "slacker", "--json"]).stdout);
    expect(entry).toMatchObject({
      id: "lazy",
      aliases: ["slacker", "write later"],
      tags: ["Redis"],
      summary: "Later.",
      related: ["write-back"],
    });
    expect(h.sysdiag(["--catalog", file, "search", "slacker"]).stdout).toMatch(/^1\. lazy /);
  });

  it("orders places highest first: --catalog, SYSDIAG_PATH, .sysdiag/, the data directory, built-in", () => {
    const h = home();
    const a = h.write("a/x.md", doc("Alpha", "same"));
    const b = h.write("b/x.md", doc("Bravo", "same"));
    const project = join(h.dir, "proj");
    h.write("proj/.sysdiag/x.md", doc("Charlie", "same"));
    mkdirSync(join(project, "deep", "er"), { recursive: true });
    h.write("data/sysdiag/x.md", doc("Delta", "same"));
    const cwd = join(project, "deep", "er");
    const title = (args: string[], env: Record<string, string> = {}) =>
      JSON.parse(h.sysdiag([...args, "show", "same", "--json"], { cwd, env }).stdout).title;
    expect(title(["--catalog", a], { SYSDIAG_PATH: join(h.dir, "b") })).toBe("Alpha");
    expect(title([], { SYSDIAG_PATH: join(h.dir, "b") })).toBe("Bravo");
    expect(title([])).toBe("Charlie");
    const paths = JSON.parse(
      h.sysdiag(["--catalog", a, "paths", "--json"], {
        cwd,
        env: { SYSDIAG_PATH: join(h.dir, "b") },
      }).stdout,
    );
    expect(paths.map((p: { origin: string }) => p.origin)).toEqual([
      "--catalog",
      "SYSDIAG_PATH",
      "project",
      "user",
      "built-in",
    ]);
    expect(paths[2].path).toBe(join(project, ".sysdiag"));
    expect(b).toBeTruthy();
  });

  it("passes over a .sysdiag/ that another user owns or anyone may write to", () => {
    const h = home();
    h.write("shared/.sysdiag/x.md", doc("Evil", "cache-aside"));
    const project = join(h.dir, "shared", ".sysdiag");
    const title = () =>
      JSON.parse(
        h.sysdiag(["show", "cache-aside", "--json"], { cwd: join(h.dir, "shared") }).stdout,
      ).title;
    expect(title()).toBe("Evil");
    chmodSync(project, 0o777);
    expect(title()).toBe("Cache-Aside Pattern");
    chmodSync(project, 0o755);
    spawnSync("chown", ["65534", project]);
    expect(title()).toBe("Cache-Aside Pattern");
  });

  it("add --replace says when a higher place still hides the diagram", () => {
    const h = home();
    const higher = h.write("top.md", doc("Top", "same"));
    const added = h.sysdiag(["--catalog", higher, "add", "-", "--replace"], {
      input: doc("Mine", "same"),
    });
    expect(added.code).toBe(0);
    expect(added.stderr).toMatch(/'same' in .*top\.md comes first and still hides yours/);
  });

  it("two diagrams with one id in two places: the higher hides the lower, no problem", () => {
    const h = home();
    const a = h.write("a.md", doc("Alpha", "same"));
    const b = h.write("b.md", doc("Bravo", "same"));
    const result = h.sysdiag(["--strict", "--catalog", a, "--catalog", b, "show", "same", "--raw"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Alph/);
    expect(result.stderr).toBe("");
    const list = h.sysdiag(["--catalog", a, "--catalog", b, "list", "--json"]).stdout;
    expect(JSON.parse(list)).toContainEqual(
      expect.objectContaining({ id: "same", source: a, overrides: b }),
    );
  });

  it("two diagrams with one id in one place: reported, the later wins", () => {
    const h = home();
    const both = h.write("dir/a.md", doc("Alpha", "same"));
    h.write("dir/b.md", doc("Bravo", "same"));
    const result = h.sysdiag(["--catalog", join(both, ".."), "show", "same", "--raw"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/b\.md:3: id 'same' is also in .*a\.md:3; this one wins\n$/);
  });

  it("a user diagram with a built-in id hides it, and list says so", () => {
    const h = home();
    const file = h.write("mine.md", doc("My Cache Aside", "cache-aside"));
    const list = h.sysdiag(["--catalog", file, "list", "caching"]).stdout;
    expect(list).toMatch(/cache-aside +My Cache Aside +\(.*mine\.md, hides the built-in one\)/);
    expect(JSON.parse(h.sysdiag(["--catalog", file, "list", "--json"]).stdout)).toContainEqual(
      expect.objectContaining({ id: "cache-aside", overrides: "built-in", source: file }),
    );
  });

  it("reads a JSON catalog in the built-in format, and a directory of files", () => {
    const h = home();
    const entry = { ...catalog.diagrams[0], id: "json-one", title: "Json One" };
    h.write("dir/c.json", JSON.stringify({ version: 1, categories: [], diagrams: [entry] }));
    h.write("dir/d.md", doc("Dee", "dee"));
    h.write("dir/.hidden.md", doc("Hidden", "hidden"));
    h.write("dir/notes.png", "not read");
    const ids = JSON.parse(
      h.sysdiag(["--catalog", join(h.dir, "dir"), "list", "--json"]).stdout,
    ).map((e: { id: string }) => e.id);
    expect(ids).toContain("json-one");
    expect(ids).toContain("dee");
    expect(ids).not.toContain("hidden");
  });

  it("repairs a document garbled in transit, as the shipped one was", () => {
    const h = home();
    // As the shipped document came: read through Windows-1254, the bytes it has no
    // character for dropped on the way.
    const garbled = new TextDecoder("windows-1254")
      .decode(Buffer.from(doc("Garbled", "garbled")))
      .replace(/[\u0080-\u009f]/g, "");
    const file = h.write("garbled.md", garbled);
    expect(h.sysdiag(["--catalog", file, "show", "garbled", "--raw"]).stdout).toBe(
      "┌──────┐\n│ Garb │\n└──────┘\n",
    );
  });
});

describe("a broken source never takes the tool down", () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ["bad JSON", "bad.json", '{"version": 1,\n "diagrams": [}', /bad\.json:2: not valid JSON/],
    ["JSON of the wrong shape", "shape.json", '["a"]', /shape\.json: not a sysdiag catalog/],
    [
      "a null entry",
      "null.json",
      '{"version":1,"diagrams":[null]}',
      /null\.json: diagrams\[0\]: expected an object, found null/,
    ],
    [
      "a missing field",
      "field.json",
      '{"version":1,"diagrams":[{"id":"x","title":"X","category":"C","categoryId":"c"}]}',
      /field\.json: diagrams\[0\] \(x\): missing "diagram"/,
    ],
    [
      "a fence never closed",
      "open.md",
      "## A\n### B\n```\n┌┐\n",
      /open\.md:3: fenced block is never closed/,
    ],
    [
      "a drawing with no heading",
      "untitled.md",
      "text\n\n```\n┌┐\n```\n",
      /untitled\.md:3: a drawing with no heading above it/,
    ],
    [
      "a bad id",
      "id.md",
      "## A\n### B\n<!-- sysdiag id: ../../etc -->\n```\n┌┐\n```\n",
      /id\.md:3: id '\.\.\/\.\.\/etc' is not kebab-case/,
    ],
  ];
  it.each(cases)("%s: one line naming the place, the rest works", (_name, file, text, problem) => {
    const h = home();
    const path = h.write(file, text);
    const result = h.sysdiag(["--catalog", path, "show", "cqrs", "--raw"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${catalog.diagrams.find((d) => d.id === "cqrs")?.diagram}\n`);
    expect(result.stderr).toMatch(problem);
    expect(result.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
    // --strict: the same problem, and exit 3.
    const strict = h.sysdiag(["--strict", "--catalog", path, "list"]);
    expect(strict.code).toBe(3);
    expect(strict.stdout).toBe("");
    expect(strict.stderr).toMatch(/1 problem in the catalog sources \(--strict\)\n$/);
  });

  it("a BOM is no problem", () => {
    const h = home();
    const path = h.write("bom.md", `\uFEFF${doc("Bom", "bom")}`);
    expect(h.sysdiag(["--catalog", path, "show", "bom", "--raw"])).toMatchObject({
      code: 0,
      stderr: "",
    });
  });

  it.each([
    ["a missing path", (d: string) => join(d, "nope.md"), /nope\.md: no such file or directory/],
    [
      "a FIFO",
      (d: string) => {
        const fifo = join(d, "fifo.md");
        // Made before the run, and checked: a missing FIFO would pass as "no such file".
        execFileSync("mkfifo", [fifo]);
        expect(lstatSync(fifo).isFIFO()).toBe(true);
        return fifo;
      },
      /fifo\.md: it is a FIFO/,
    ],
  ])("%s given as a source is reported, not waited on", async (_name, make, problem) => {
    const h = home();
    const path = make(h.dir);
    const result = h.sysdiag(["--catalog", path, "list", "--ids"].slice(0, 3));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(problem);
  });

  it("a source over 5 MB is refused by size", () => {
    const h = home();
    const path = h.write("huge.md", `${doc("Huge", "huge")}${"x".repeat(5 * 1024 * 1024)}`);
    const result = h.sysdiag(["--catalog", path, "list"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/huge\.md is 5\.0 MB; sources are read up to 5 MB/);
  });

  it("150,000 problems in one source: one line from list, the first 20 and a count from lint", () => {
    const h = home();
    const path = h.write(
      "many.md",
      doc("Many", "many").replace("id: many", `id: many\n${"x;\n".repeat(150_000)}`),
    );
    const result = h.sysdiag(["--catalog", path, "list", "--ids"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^many$/m);
    // Not acted on here: one line says where they are listed (issue 22).
    expect(result.stderr).toBe("sysdiag: 150,000 problems in your sources: sysdiag paths\n");
    const lint = h.sysdiag(["--catalog", path, "lint"]);
    const lines = lint.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(21);
    expect(lines[0]).toMatch(/many\.md:6: 'x;' is not one of id/);
    expect(lines[19]).toMatch(/many\.md:25: /);
    expect(lines[20]).toBe(
      "sysdiag: 149,980 more problems in the catalog sources; 'sysdiag paths' lists them all",
    );
  });
});

describe("add, edit, remove", () => {
  it("adds a document's diagrams under their ids, never over one without --replace", () => {
    const h = home();
    const file = h.write("doc.md", doc("Write Behind", "write-behind-2") + doc("Second", "second"));
    const added = h.sysdiag(["add", file]);
    expect(added.code).toBe(0);
    expect(added.stdout).toBe(
      "added write-behind-2 (Write Behind) in ~/data/sysdiag/write-behind-2.md\nadded second (Second) in ~/data/sysdiag/second.md\n",
    );
    expect(h.sysdiag(["show", "second", "--raw"]).stdout).toBe("┌──────┐\n│ Seco │\n└──────┘\n");
    const again = h.sysdiag(["add", file]);
    expectOneLineError(
      again,
      2,
      /these ids are taken: write-behind-2 \(.*\), second \(.*\); add --replace/,
    );
    const builtIn = h.sysdiag(["add", "-"], { input: doc("Mine", "cqrs") });
    expectOneLineError(builtIn, 2, /this id is taken: cqrs \(built-in\)/);
    const replaced = h.sysdiag(["add", "-", "--replace"], { input: doc("Mine", "cqrs") });
    expect(replaced.stdout).toMatch(/^replaced cqrs \(Mine\) in /);
    expect(h.sysdiag(["show", "cqrs", "--raw"]).stdout).toMatch(/Mine/);
  });

  it("names ten taken ids and counts the rest", () => {
    const h = home();
    const many = Array.from({ length: 12 }, (_, i) => doc(`Diagram ${i}`, `d${i}`)).join("\n");
    expect(h.sysdiag(["add", "-"], { input: many }).code).toBe(0);
    expectOneLineError(
      h.sysdiag(["add", "-"], { input: many }),
      2,
      /these ids are taken: d0 \(.*\), d9 \([^,]*\) and 2 more; add --replace to replace, nothing was added/,
    );
  });

  it("refuses, adding nothing, what would take the data directory past 10,000 files", () => {
    const h = home();
    const titles = Array.from({ length: 10_001 }, (_, i) => `### t${i}\n\`\`\`\n┌─┐\n└─┘\n\`\`\``);
    const input = `## Many\n\n${titles.join("\n\n")}\n`;
    expectOneLineError(
      h.sysdiag(["add", "-"], { input }),
      3,
      /data directory ~\/data\/sysdiag would hold 10,001 files; sysdiag reads up to 10,000 from one directory, so nothing was added/,
    );
    expect(readdirSync(h.data).filter((f) => f.endsWith(".md"))).toEqual([]);
    // The files already there count: 9,998 written here (an add flushes each of its files
    // to the disk, 10,000 flushes a minute on a busy machine), then the last ones added.
    for (const [i, title] of titles.slice(0, 9_998).entries()) {
      writeFileSync(join(h.data, `t${i}.md`), `## Many\n\n${title}\n`);
    }
    const last = (n: number) => `## Many\n\n${titles.slice(9_998, 9_998 + n).join("\n\n")}\n`;
    expectOneLineError(
      h.sysdiag(["add", "-"], { input: last(3) }),
      3,
      /would hold 10,001 files; .* so nothing was added/,
    );
    expect(readdirSync(h.data).filter((f) => f.endsWith(".md"))).toHaveLength(9_998);
    expect(h.sysdiag(["add", "-"], { input: last(2) }).code).toBe(0);
    expect(readdirSync(h.data).filter((f) => f.endsWith(".md"))).toHaveLength(10_000);
    expect(h.sysdiag(["show", "t9999", "--raw"]).stdout).toBe("┌─┐\n└─┘\n");
  });

  it("a document with no diagram adds nothing, exit 1", () => {
    const h = home();
    expectOneLineError(
      h.sysdiag(["add", "-"], { input: "# just prose\n" }),
      1,
      /no diagram in standard input/,
    );
    expect(existsSync(h.data)).toBe(false);
  });

  it.each(["con", "nul"])("refuses the reserved name %s as an id", (id) => {
    const h = home();
    expectOneLineError(
      h.sysdiag(["add", "-"], { input: doc("X", id) }),
      2,
      /cannot be a diagram id/,
    );
  });

  it("two adds racing on one data directory both land", async () => {
    const h = home();
    const files = Array.from({ length: 6 }, (_, i) =>
      h.write(`r${i}.md`, doc(`Race ${i}`, `race-${i}`)),
    );
    const codes = await Promise.all(
      files.map(
        (file) =>
          new Promise<number | null>((resolve) => {
            const child = spawn(process.execPath, [BIN, "add", file], {
              env: { ...process.env, ...h.env },
              stdio: "ignore",
            });
            child.on("exit", resolve);
          }),
      ),
    );
    expect(codes).toEqual([0, 0, 0, 0, 0, 0]);
    expect(
      readdirSync(h.data)
        .filter((f) => f.endsWith(".md"))
        .sort(),
    ).toEqual(files.map((_, i) => `race-${i}.md`));
  });

  it("an add killed at any point leaves each diagram whole or absent", async () => {
    const h = home();
    const big = doc("Big", "big").replace("┌──────┐", `┌${"─".repeat(400_000)}┐`);
    const file = h.write("big.md", big);
    for (const delay of [30, 60, 90, 120, 200]) {
      const child = spawn(process.execPath, [BIN, "add", file, "--replace"], {
        env: { ...process.env, ...h.env },
        stdio: "ignore",
      });
      // Listened for at once: the add may be over before the kill.
      const exited = new Promise((resolve) => child.on("exit", resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill("SIGKILL");
      await exited;
      const target = join(h.data, "big.md");
      if (existsSync(target)) expect(readFileSync(target, "utf8")).toContain("─┐\n│ Big  │");
      const list = h.sysdiag(["list", "--json"]);
      expect(list.code).toBe(0);
      expect(list.stderr).toBe("");
    }
  }, 60_000);

  it("edit opens the file of a user diagram in $EDITOR, then checks it", () => {
    const h = home();
    h.sysdiag(["add", "-"], { input: doc("Mine", "mine") });
    const editor = h.write(
      "editor.sh",
      `#!/bin/sh\necho "$@" > "${h.dir}/args"\nsed -i 's/│ Mine │/│ Mine  │/' "$1"\n`,
    );
    chmodSync(editor, 0o755);
    const result = h.sysdiag(["edit", "mine"], { env: { EDITOR: editor } });
    expect(readFileSync(join(h.dir, "args"), "utf8")).toBe(
      `${join(h.data, "mine.md")}\n`.replace(/^/, ""),
    );
    expect(result.stdout).toMatch(/mine\.md:\d+:\d+: .*\[box-right\]/);
    expect(result.stdout).toMatch(/edited .*mine\.md: 1 diagram, \d+ to look at\n$/);
    expect(result.code).toBe(1);
  });

  it("edit passes +LINE to editors that take it", () => {
    const h = home();
    h.sysdiag(["add", "-"], { input: `# notes\n\n${doc("Mine", "mine")}` });
    const bin = join(h.dir, "bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "vi"), `#!/bin/sh\necho "$@" > "${h.dir}/args"\n`);
    chmodSync(join(bin, "vi"), 0o755);
    const result = h.sysdiag(["edit", "mine"], { env: { PATH: `${bin}:/usr/bin:/bin` } });
    expect(result.code).toBe(0);
    expect(readFileSync(join(h.dir, "args"), "utf8")).toBe(`+3 ${join(h.data, "mine.md")}\n`);
  });

  it("edit of a built-in diagram copies it to the data directory first", () => {
    const h = home();
    const retitle = h.write("retitle.sh", "#!/bin/sh\nsed -i 's/^### .*/### My CQRS/' \"$1\"\n");
    chmodSync(retitle, 0o755);
    const result = h.sysdiag(["edit", "cqrs"], { env: { EDITOR: retitle } });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/copied 'cqrs' to .*cqrs\.md; your copy hides the original/);
    expect(h.sysdiag(["show", "cqrs", "--raw"]).stdout).toBe(
      `${catalog.diagrams.find((d) => d.id === "cqrs")?.diagram}\n`,
    );
    const mine = JSON.parse(h.sysdiag(["show", "cqrs", "--json"]).stdout);
    expect([mine.title, mine.source]).toEqual(["My CQRS", join(h.data, "cqrs.md")]);
  });

  it("edit leaves no copy behind when nothing was changed, or the editor failed", () => {
    const h = home();
    const unchanged = h.sysdiag(["edit", "saga"], { env: { EDITOR: "true" } });
    expect(unchanged).toMatchObject({ code: 0, stdout: "" });
    expect(unchanged.stderr).toMatch(/nothing changed; the copy was removed/);
    const failed = h.sysdiag(["edit", "saga"], { env: { EDITOR: "false" } });
    expect(failed.code).toBe(3);
    expect(failed.stderr).toMatch(/the copy was removed: the built-in diagram shows again/);
    expect(existsSync(join(h.data, "saga.md"))).toBe(false);
    expect(JSON.parse(h.sysdiag(["show", "saga", "--json"]).stdout).source).toBe("built-in");
  });

  it("edit opens a file of yours that no longer parses, by its id", () => {
    const h = home();
    h.sysdiag(["add", "-"], { input: doc("Mine", "mine") });
    writeFileSync(join(h.data, "mine.md"), "## C\n### Mine\n```\nnever closed\n");
    const fix = h.write(
      "fix.sh",
      `#!/bin/sh\ncp "${h.write("good.md", doc("Mine", "mine"))}" "$1"\n`,
    );
    chmodSync(fix, 0o755);
    const result = h.sysdiag(["edit", "mine"], { env: { EDITOR: fix } });
    expect(result.stderr).toMatch(/mine\.md does not parse as a diagram; opening it to fix/);
    expect(result.stdout).toMatch(/edited .*mine\.md: 1 diagram, no problems/);
    expect(h.sysdiag(["show", "mine", "--raw"]).code).toBe(0);
    writeFileSync(join(h.data, "mine.md"), "## C\n### Mine\n```\nnever closed\n");
    expect(h.sysdiag(["remove", "mine"]).stdout).toMatch(
      /^removed .*mine\.md \(it did not parse as a diagram\)\n$/,
    );
    expect(existsSync(join(h.data, "mine.md"))).toBe(false);
  });

  it("edit: an editor that fails is exit 3, and a drawing that no longer parses is reported", () => {
    const h = home();
    h.sysdiag(["add", "-"], { input: doc("Mine", "mine") });
    expectOneLineError(
      h.sysdiag(["edit", "mine"], { env: { EDITOR: "false" } }),
      3,
      /the editor 'false' exited with 1/,
    );
    const broken = "## C\n### Mine\n<!-- sysdiag id: mine -->\n~~~\nopen\n";
    const breaker = h.write("break.sh", `#!/bin/sh\ncp "${h.write("broken.md", broken)}" "$1"\n`);
    chmodSync(breaker, 0o755);
    const result = h.sysdiag(["edit", "mine"], { env: { EDITOR: breaker } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/mine\.md:4: fenced block is never closed/);
  });

  it("remove deletes a user diagram, refuses a built-in one, and the built-in shows again", () => {
    const h = home();
    h.sysdiag(["add", "-", "--replace"], { input: doc("Mine", "cqrs") });
    const removed = h.sysdiag(["remove", "cqrs"]);
    expect(removed.stdout).toMatch(
      /^removed cqrs \(Mine\) from .*cqrs\.md; the built-in 'cqrs' shows again\n$/,
    );
    expectOneLineError(
      h.sysdiag(["remove", "cqrs"]),
      2,
      /'cqrs' is built in and cannot be removed/,
    );
    expectOneLineError(h.sysdiag(["remove", "nope"]), 1, /no diagram named 'nope'/);
  });

  it("a read-only data directory: one line, exit 3, nothing changed", () => {
    const h = home();
    mkdirSync(h.data, { recursive: true });
    const mnt = spawnCliMount(h.data);
    if (!mnt) return expect.fail("mount needs root");
    const result = h.sysdiag(["add", "-"], { input: doc("Mine", "mine") });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^sysdiag: cannot (lock|write) .*read-only file system \(EROFS\)\n$/,
    );
    spawnCliUnmount(h.data);
  });
});

function spawnCliMount(dir: string): boolean {
  return (
    spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir]).status === 0 &&
    spawnSync("mount", ["-o", "remount,ro", dir]).status === 0
  );
}
function spawnCliUnmount(dir: string): void {
  spawnSync("umount", [dir]);
}
