import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, expectOneLineError, ROOT, userHome } from "../helpers.js";

/** Issue 22: a team catalog, `.sysdiag/` at the root of a repository. */
const DOC = join(ROOT, "test/fixtures/documents/url-shortener.md");

function repository() {
  const h = userHome();
  const root = join(h.dir, "repo");
  mkdirSync(join(root, ".git"), { recursive: true });
  mkdirSync(join(root, "docs", "deep"), { recursive: true });
  return { ...h, root, deep: join(root, "docs", "deep") };
}

describe("sysdiag init", () => {
  it("makes .sysdiag/ at the repository's root, with a README that is no diagram", () => {
    const r = repository();
    // A umask that lets the group write would make a directory sysdiag then skips.
    const made = spawnSync("/bin/sh", ["-c", `umask 002; "${process.execPath}" "${BIN}" init`], {
      cwd: r.deep,
      env: { ...process.env, ...r.env },
      encoding: "utf8",
    });
    expect(made.stderr).toBe("");
    expect(made.stdout).toMatch(/^made .*repo\/\.sysdiag with a README on the format;/);
    const dir = join(r.root, ".sysdiag");
    expect(statSync(dir).mode & 0o777).toBe(0o755);
    expect(readFileSync(join(dir, "README"), "utf8")).toMatch(/sysdiag add --project/);
    const paths = r.sysdiag(["paths", "--json"], { cwd: r.deep });
    expect(JSON.parse(paths.stdout)[0]).toMatchObject({
      origin: "project",
      present: true,
      diagrams: 0,
      problems: [],
    });
    const again = r.sysdiag(["init"], { cwd: r.root });
    expect(again.stdout).toMatch(/\.sysdiag is there already; left as it is\n$/);
  });

  it("outside a repository: in the working directory, and says so", () => {
    const h = userHome();
    const result = h.sysdiag(["init"], { cwd: h.dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("sysdiag: not in a git repository: made in the working directory\n");
    expect(readdirSync(join(h.dir, ".sysdiag"))).toEqual(["README"]);
  });
});

describe("add --project", () => {
  it("writes to the project's .sysdiag/, read above the user's own", () => {
    const r = repository();
    expectOneLineError(
      r.sysdiag(["add", "--project", DOC], { cwd: r.deep }),
      2,
      /no \.sysdiag\/ here or in a parent directory; 'sysdiag init' makes one/,
    );
    r.sysdiag(["init"], { cwd: r.root });
    // One of the user's own with an id the project's will take.
    expect(r.sysdiag(["add", "-"], { input: "## Write path\n```\n┌┐\n└┘\n```\n" }).code).toBe(0);
    const added = r.sysdiag(["add", "--project", "--replace", DOC], { cwd: r.deep });
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(
      /^added redirect-lookup \(Redirect lookup\) in .*repo\/\.sysdiag\/redirect-lookup\.md\n/,
    );
    expect(added.stderr).toMatch(/'write-path' in .*write-path\.md is hidden by it\n/);
    expect(readdirSync(join(r.root, ".sysdiag")).sort()).toEqual([
      "README",
      "redirect-lookup-3.md",
      "redirect-lookup-on-a-cache-miss.md",
      "redirect-lookup.md",
      "shortener-metrics.md",
      "write-path.md",
    ]);
    const shown = JSON.parse(r.sysdiag(["show", "write-path", "--json"], { cwd: r.deep }).stdout);
    expect(shown.source).toMatch(/repo\/\.sysdiag\/write-path\.md$/);
    // Shadowing one of yours is how the places work: no problem, even with --strict.
    const strict = r.sysdiag(["--strict", "list", "--ids"], { cwd: r.deep });
    expect([strict.code, strict.stderr]).toEqual([0, ""]);
  });
});

describe("lint of a team catalog", () => {
  it("lint DIR checks its Markdown files; lint alone your sources at their file, line and column", () => {
    const r = repository();
    r.sysdiag(["init"], { cwd: r.root });
    const dir = join(r.root, ".sysdiag");
    expect(r.sysdiag(["add", "--project", DOC], { cwd: r.root }).code).toBe(0);
    expect(r.sysdiag(["lint", ".sysdiag/"], { cwd: r.root }).stdout).toBe(
      "5 diagrams checked, no defects\n",
    );
    r.write("repo/.sysdiag/token.md", "## Limits\n\n### Token\n```\n┌──┐\n│  │\n└─┘\n```\n");
    const dirLint = r.sysdiag(["lint", ".sysdiag"], { cwd: r.root });
    expect(dirLint.code).toBe(1);
    expect(dirLint.stdout).toMatch(/^\.sysdiag\/token\.md:7:3: .*\n/);
    const all = r.sysdiag(["lint", "--json"], { cwd: r.deep });
    expect(all.code).toBe(1);
    expect(JSON.parse(all.stdout)[0]).toMatchObject({
      file: join(dir, "token.md"),
      line: 7,
      column: 3,
    });
    const empty = join(r.dir, "empty");
    mkdirSync(empty);
    expectOneLineError(r.sysdiag(["lint", empty]), 1, /no Markdown or text file in the directory/);
  });
});

describe("the pre-commit hooks", () => {
  it("each hook's entry runs clean on a team's repository, and fails on a bad drawing", () => {
    const r = repository();
    r.sysdiag(["init"], { cwd: r.root });
    r.sysdiag(["add", "--project", DOC], { cwd: r.root });
    const readme = r.write("repo/README.md", "# Team\n\nNo drawing here.\n");
    const hooks = readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8");
    const entries = [...hooks.matchAll(/^ {2}entry: (.*)$/gm)].map((m) => m[1] as string);
    expect(entries).toHaveLength(2);
    const bin = join(r.dir, "bin");
    mkdirSync(bin);
    r.write("bin/sysdiag", `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    spawnSync("chmod", ["+x", join(bin, "sysdiag")]);
    const hook = (entry: string, files: string[]) =>
      spawnSync("/bin/sh", ["-c", `${entry} "$@"`, "hook", ...files], {
        cwd: r.root,
        env: { ...process.env, ...r.env, PATH: `${bin}:${process.env.PATH}` },
        encoding: "utf8",
      });
    const [files, catalogHook] = entries as [string, string];
    expect(hook(files, [readme, DOC]).status).toBe(0);
    expect(hook(catalogHook, []).status).toBe(0);
    r.write(
      "repo/.sysdiag/bad.md",
      "## B\n\n### Bad\n<!-- sysdiag\ncolour: red\n-->\n```\n┌┐\n```\n",
    );
    expect(hook(catalogHook, []).status).toBe(3);
    r.write("repo/docs/broken.md", "## B\n\n```\n┌──┐\n│  │\n└─┘\n```\n");
    expect(hook(files, [readme, join(r.root, "docs/broken.md")]).status).toBe(1);
  });
});
