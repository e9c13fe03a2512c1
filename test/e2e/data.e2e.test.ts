import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, expectOneLineError, spawnCli, userHome } from "../helpers.js";

/**
 * The user's data directory under attack (issue 26): a person's document in it, a
 * full disk, two adds at once. The disk ones run on a small tmpfs, mounted here as
 * root; where mounting is not allowed they are skipped, saying why.
 */

function home() {
  const h = userHome();
  mkdirSync(h.data, { recursive: true });
  return {
    ...h,
    sysdiag: (args: string[], input = "", env: Record<string, string> = {}) =>
      h.sysdiag(args, { input, env }),
  };
}

const mounted: string[] = [];
afterEach(() => {
  for (const dir of mounted.splice(0)) spawnSync("umount", [dir]);
});

/** Mounts a tmpfs of `size` at `dir`; the reason it cannot be, if not. */
function tmpfs(dir: string, size: string): string | undefined {
  const result = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], {
    encoding: "utf8",
  });
  if (result.error) return `mount cannot run: ${result.error.message}`;
  if (result.status !== 0) return `mount -t tmpfs is not allowed here: ${result.stderr.trim()}`;
  mounted.push(dir);
  return undefined;
}

/** A document of `count` diagrams `prefix0`, `prefix1`…, each drawing `width` wide. */
function many(prefix: string, count: number, width = 8): string {
  const one = (i: number) =>
    `### ${prefix} ${i}\n<!-- sysdiag\nid: ${prefix}${i}\n-->\n\`\`\`text\n┌${"─".repeat(width)}┐\n│${`${prefix}${i}`.padEnd(width)}│\n└${"─".repeat(width)}┘\n\`\`\`\n`;
  return `## Many\n\n${Array.from({ length: count }, (_, i) => one(i)).join("\n")}`;
}

const NOTES =
  "# Design notes\n\nWhy we built it this way.\n\n## Flow\n\n```text\n┌──────┐\n│ Flow │\n└──────┘\n```\nHow it flows.\n\n## Appendix\n\nMore prose, kept.\n";

describe("remove and add --replace change only the diagram, never the rest of a document", () => {
  it("remove takes a diagram's section out of a person's document, and keeps the rest", () => {
    const h = home();
    writeFileSync(join(h.data, "notes.md"), NOTES);
    const removed = h.sysdiag(["remove", "flow"]);
    expect(removed).toMatchObject({ code: 0, stderr: "" });
    expect(removed.stdout).toMatch(/^removed flow \(Flow\) from .*notes\.md\n$/);
    expect(readFileSync(join(h.data, "notes.md"), "utf8")).toBe(
      "# Design notes\n\nWhy we built it this way.\n\n## Appendix\n\nMore prose, kept.\n",
    );
    expect(h.sysdiag(["show", "flow"]).code).toBe(1);
  });

  it("remove deletes a file that held nothing but the diagram", () => {
    const h = home();
    h.sysdiag(["add", "-"], many("one", 1));
    expect(h.sysdiag(["remove", "one0"]).code).toBe(0);
    expect(readdirSync(h.data).filter((f) => f.endsWith(".md"))).toEqual([]);
  });

  it("remove leaves a file of notes that holds no diagram, even when named like an id", () => {
    const h = home();
    writeFileSync(join(h.data, "ideas.md"), "# Ideas\n\nNo drawing yet.\n");
    expectOneLineError(h.sysdiag(["remove", "ideas"]), 1, /no diagram named 'ideas'/);
    expect(readFileSync(join(h.data, "ideas.md"), "utf8")).toBe("# Ideas\n\nNo drawing yet.\n");
  });

  it("remove keeps a person's document whose drawing no longer parses, named by its file", () => {
    const h = home();
    const broken = NOTES.replace("## Flow\n", "## Flow\n<!-- sysdiag\nid: Flow_Main\n-->\n");
    writeFileSync(join(h.data, "notes.md"), broken);
    expectOneLineError(
      h.sysdiag(["remove", "notes"]),
      2,
      /notes\.md does not parse as a diagram, and holds more \(prose, other sections\): nothing was removed; fix it with 'sysdiag edit notes'/,
    );
    expect(readFileSync(join(h.data, "notes.md"), "utf8")).toBe(broken);
  });

  it("remove takes a file add wrote whose drawing no longer parses, named by its file", () => {
    const h = home();
    writeFileSync(
      join(h.data, "mine.md"),
      "## Mine\n\n### Mine\n<!-- sysdiag\nid: Mine_\n-->\n```\n┌┐\n└┘\n```\n",
    );
    const removed = h.sysdiag(["remove", "mine"]);
    expect(removed.stdout).toMatch(/^removed .*mine\.md \(it did not parse as a diagram\)\n$/);
    expect(existsSync(join(h.data, "mine.md"))).toBe(false);
  });

  it("add --replace replaces a diagram where it stands, in the file that holds it", () => {
    const h = home();
    writeFileSync(join(h.data, "notes.md"), NOTES);
    const added = h.sysdiag(
      ["add", "-", "--replace"],
      "## Other\n\n### Flow\n```text\n┌─────┐\n│ New │\n└─────┘\n```\n",
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^replaced flow \(Flow\) in .*notes\.md\n$/);
    expect(readdirSync(h.data).filter((f) => f.endsWith(".md"))).toEqual(["notes.md"]);
    expect(readFileSync(join(h.data, "notes.md"), "utf8")).toBe(
      NOTES.replace(
        "## Flow\n\n```text\n┌──────┐\n│ Flow │\n└──────┘\n```",
        "## Flow\n<!-- sysdiag\nid: flow\n-->\n```text\n┌─────┐\n│ New │\n└─────┘\n```",
      ),
    );
    expect(h.sysdiag(["show", "flow", "--raw"]).stdout).toBe("┌─────┐\n│ New │\n└─────┘\n");
  });

  it("add --replace of an id that still wins from the project's .sysdiag/ says added, not replaced", () => {
    const h = home();
    const project = join(h.dir, "project");
    mkdirSync(join(project, ".sysdiag"), { recursive: true });
    chmodSync(join(project, ".sysdiag"), 0o755);
    writeFileSync(
      join(project, ".sysdiag", "team.md"),
      "## Team\n\n### Flow\n```text\n┌┐\n└┘\n```\n",
    );
    const run = spawnCli(["add", "-", "--replace"], {
      input: "## Flow\n```text\n┌─────┐\n│ New │\n└─────┘\n```\n",
      env: h.env,
      cwd: project,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^added flow \(Flow\) in /);
    expect(run.stderr).toMatch(/'flow' in .*team\.md comes first and still hides yours/);
  });

  it("add --replace of a diagram in a file of several keeps the others", () => {
    const h = home();
    writeFileSync(join(h.data, "team.md"), many("t", 3));
    const added = h.sysdiag(
      ["add", "-", "--replace"],
      many("t", 2, 12).replace(/## Many/, "## Many"),
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(
      /^replaced t0 \(t 0\) in .*team\.md\nreplaced t1 \(t 1\) in .*team\.md\n$/,
    );
    const ids = JSON.parse(h.sysdiag(["list", "--json"]).stdout)
      .filter((e: { source: string }) => e.source.endsWith("team.md"))
      .map((e: { id: string }) => e.id);
    expect(ids).toEqual(["t0", "t1", "t2"]);
    expect(h.sysdiag(["show", "t1", "--raw"]).stdout).toContain("─".repeat(12));
    expect(h.sysdiag(["show", "t2", "--raw"]).stdout).toContain(`┌${"─".repeat(8)}┐`);
  });
});

describe("a full disk: an add is whole or not at all", () => {
  it("an add that fills the disk half-way takes back what it wrote, and says so", ({ skip }) => {
    const h = home();
    const why = tmpfs(h.data, "256k");
    if (why) return skip(why);
    // 200 diagrams of ~2 KB each: the disk is full after about a hundred.
    const result = h.sysdiag(["add", "-"], many("big", 200, 600));
    expectOneLineError(
      result,
      3,
      /^sysdiag: cannot write .*big\d+\.md: no space left on the device \(ENOSPC\); nothing was added\n$/,
    );
    expect(readdirSync(h.data)).toEqual([]);
    // Nothing half-added stands in the way of a smaller add.
    const again = h.sysdiag(["add", "-"], many("big", 20, 600));
    expect(again.code).toBe(0);
    expect(again.stdout.split("\n")).toHaveLength(21);
  });

  it("an add --replace on a full disk leaves every replaced file as it was", ({ skip }) => {
    const h = home();
    const why = tmpfs(h.data, "256k");
    if (why) return skip(why);
    expect(h.sysdiag(["add", "-"], many("big", 20)).code).toBe(0);
    const before = readdirSync(h.data)
      .sort()
      .map((f) => [f, readFileSync(join(h.data, f), "utf8")]);
    const result = h.sysdiag(["add", "-", "--replace"], many("big", 200, 600));
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/no space left on the device \(ENOSPC\); nothing was added\n$/);
    const after = readdirSync(h.data)
      .sort()
      .map((f) => [f, readFileSync(join(h.data, f), "utf8")]);
    expect(after).toEqual(before);
  });
});

describe("the data directory's lock holds for the whole change", () => {
  it("two adds of thousands of diagrams at once: one lands whole, the other is refused whole", async ({
    skip,
  }) => {
    const h = home();
    // Thousands of fsyncs on a disk take minutes; a tmpfs makes them free, and the adds
    // are then all synchronous work, the case that let a second add in.
    const why = tmpfs(h.data, "128m");
    if (why) return skip(why);
    const add = (prefix: string) =>
      new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = spawn(process.execPath, [BIN, "add", "-"], {
          env: { ...process.env, ...h.env },
        });
        let stderr = "";
        child.stderr.on("data", (chunk) => {
          stderr += chunk;
        });
        child.stdout.resume();
        child.on("close", (code) => done({ code, stderr }));
        child.stdin.end(many(prefix, 6_000));
      });
    const results = await Promise.all([add("a"), add("b")]);
    // Together they would pass the 10,000 files read from one directory: one is refused.
    expect(results.map((r) => r.code).sort()).toEqual([0, 3]);
    expect(results.find((r) => r.code === 3)?.stderr).toMatch(
      /would hold 12,000 files; .* so nothing was added\n$/,
    );
    const files = readdirSync(h.data).filter((f) => f.endsWith(".md"));
    expect(files).toHaveLength(6_000);
    // Each file holds its own diagram, never the other add's.
    for (const file of files) {
      const id = file.slice(0, -3);
      expect(readFileSync(join(h.data, file), "utf8")).toContain(`│${id.padEnd(8)}│`);
    }
    expect(existsSync(join(h.data, ".lock"))).toBe(false);
  }, 120_000);
});

describe("edit never loses what the editor saved, and says when a diagram is gone", () => {
  const script = (h: ReturnType<typeof home>, name: string, body: string) => {
    const path = join(h.dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    return path;
  };

  it("an editor that saves and then exits non-zero: the saved copy is kept, and where is said", () => {
    const h = home();
    const editor = script(h, "save-fail.sh", `sed -i 's/^### .*/### My Saga/' "$1"\nexit 1`);
    const failed = spawnEdit(h, editor, "saga");
    expect(failed.code).toBe(3);
    expect(failed.stderr).toMatch(
      /sysdiag: the editor '.*save-fail\.sh' exited with 1; what it saved is kept in .*saga\.md\n$/,
    );
    expect(readFileSync(join(h.data, "saga.md"), "utf8")).toContain("### My Saga");
    expect(JSON.parse(h.sysdiag(["show", "saga", "--json"]).stdout).title).toBe("My Saga");
  });

  it("an editor that exits non-zero without saving: the copy is taken back", () => {
    const h = home();
    const failed = spawnEdit(h, script(h, "fail.sh", "exit 1"), "saga");
    expect(failed.code).toBe(3);
    expect(failed.stderr).toMatch(/the copy was removed: the built-in diagram shows again\n$/);
    expect(existsSync(join(h.data, "saga.md"))).toBe(false);
  });

  it("an edit that leaves no diagram is reported (exit 1), and the file kept as left", () => {
    const h = home();
    h.sysdiag(["add", "-"], many("mine", 1));
    const result = spawnEdit(h, script(h, "empty.sh", `printf 'notes only\\n' > "$1"`), "mine0");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^.*mine0\.md: 'mine0' is no longer in it \(it holds no diagram\); the file is kept as you left it\nedited .*mine0\.md: 0 diagrams, 1 to look at\n$/,
    );
    expect(readFileSync(join(h.data, "mine0.md"), "utf8")).toBe("notes only\n");
  });

  it("an editor whose save hit a full disk and that exits 0: not a good edit (exit 3)", ({
    skip,
  }) => {
    const h = home();
    const why = tmpfs(h.data, "64k");
    if (why) return skip(why);
    // As vi after E514 and :q!: the file is cut where the disk filled, and the exit is 0.
    const editor = script(
      h,
      "full.sh",
      `sed -i 's/^### .*/### My Saga/' "$1"\nyes "$(printf '%0200d' 0)" | head -c 200000 >> "$1" 2>/dev/null\nexit 0`,
    );
    const result = spawnEdit(h, editor, "saga");
    expect(result.stdout).toBe("");
    expectOneLineError(
      result,
      3,
      /^sysdiag: the disk holding .*saga\.md is full: the editor's save may be cut short; look at the file before you use it\n$/,
    );
    expect(readFileSync(join(h.data, "saga.md"), "utf8")).toContain("### My Saga");
  });

  it.each(["con", "a".repeat(70)])("edit %s: no diagram has that name (exit 1)", (name) => {
    const h = home();
    expectOneLineError(h.sysdiag(["edit", name]), 1, /no diagram named/);
  });
});

function spawnEdit(h: ReturnType<typeof home>, editor: string, name: string) {
  return h.sysdiag(["edit", name], "", { EDITOR: editor });
}

describe("a 100 KB word is refused without being said back", () => {
  const word = "a".repeat(100_000);
  it.each([
    ["list -c", ["list", "-c", word], 2, /the category is 100,000 characters; at most 1,000/],
    ["random -c", ["random", "-c", word], 2, /the category is 100,000 characters; at most 1,000/],
    ["remove", ["remove", word], 2, /the query is 100000 characters/],
    ["edit", ["edit", word], 2, /the query is 100000 characters/],
    [
      "render",
      ["render", word],
      3,
      /cannot read a{120}…\[100,001 characters\]…a{39}: name too long/,
    ],
    [
      "show -f",
      ["show", "-f", word],
      2,
      /argument 'a{120}…\[100,000 characters\]…a{40}' is invalid/,
    ],
    ["help", ["help", word], 2, /no command 'a{120}…\[100,000 characters\]…a{40}'/],
    ["lint", ["lint", word], 3, /cannot read a{120}…/],
  ])("%s", (_name, args, code, pattern) => {
    const h = home();
    const result = h.sysdiag(args as string[]);
    expectOneLineError(result, code as number, pattern as RegExp);
    expect(result.stderr.length).toBeLessThan(1_000);
  });
});

describe("a query of many words, under the limit, is not said back whole", () => {
  const query = Array.from({ length: 170 }, (_, i) => `zq${i}`).join(" ");
  it.each([
    [
      "search",
      ["search", ...query.split(" ")],
      1,
      /^sysdiag: nothing matches 'zq0 .*…\[\d{3} characters\]….* or 161 more; /,
    ],
    ["show", ["show", ...query.split(" ")], 1, /no diagram named 'zq0 .*…\[\d{3} characters\]…/],
    ["remove", ["remove", query], 1, /'zq0 .*…\[\d{3} characters\]…/],
    ["list -t", ["list", "-t", query], 1, /'zq0 .*…\[\d{3} characters\]…/],
  ])("%s", (_name, args, code, pattern) => {
    expect(query.length).toBeGreaterThan(900);
    expect(query.length).toBeLessThan(1_000);
    const result = home().sysdiag(args as string[]);
    expectOneLineError(result, code as number, pattern as RegExp);
    expect(result.stderr.length).toBeLessThan(600);
  });
});

describe("a project's .sysdiag/ is read only when only its owner may write to it", () => {
  const project = (mode: number) => {
    const h = home();
    const dir = join(h.dir, "proj", ".sysdiag");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "x.md"), many("proj", 1));
    chmodSync(dir, mode);
    const run = (args: string[]) => spawnCli(args, { env: h.env, cwd: join(h.dir, "proj", "sub") });
    mkdirSync(join(h.dir, "proj", "sub"));
    return { run, dir };
  };

  it("one that only you may write to is read, silently", () => {
    const { run } = project(0o755);
    expect(run(["show", "proj0", "--raw"])).toMatchObject({ code: 0, stderr: "" });
  });

  it.each([
    [0o775, "its group may write to it"],
    [0o777, "anyone may write to it"],
  ])("mode %o is skipped, with one line saying why", (mode, why) => {
    const { run, dir } = project(mode);
    const shown = run(["list", "--ids"]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).not.toMatch(/proj0/);
    expect(shown.stderr).toBe(
      `sysdiag: ${dir}: skipped, as ${why}; sysdiag reads a .sysdiag/ that is yours and only you may write to (chmod go-w), or one named with --catalog\n`,
    );
    expect(run(["paths"]).stdout).toMatch(/project +\S+\.sysdiag +skipped\n +! .*skipped, as/);
    // --strict makes it an error, as any source problem.
    expect(run(["--strict", "list"]).code).toBe(3);
  });
});
