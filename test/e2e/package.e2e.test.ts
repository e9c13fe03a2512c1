import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

const require = createRequire(import.meta.url);

/**
 * What a user gets: `npm pack`, then a global install of the tarball into a fresh
 * prefix with the network refused (--offline), then `sysdiag` run from elsewhere.
 */
describe("the packed package", () => {
  const work = mkdtempSync(join(tmpdir(), "sysdiag-pack-"));
  const prefix = join(work, "prefix");
  const elsewhere = mkdtempSync(join(tmpdir(), "sysdiag-cwd-"));
  const npm = (args: string[], cwd = ROOT) =>
    execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

  // npm test built dist/ already; --ignore-scripts packs that build.
  const packed = JSON.parse(
    npm(["pack", "--json", "--ignore-scripts", "--pack-destination", work]),
  ) as Array<{ filename: string; size: number; files: Array<{ path: string }> }>;
  const [info] = packed;
  const tarball = join(work, info?.filename ?? "missing.tgz");

  it("holds only what runs, under 300 KB", () => {
    const paths = (info?.files ?? []).map((f) => f.path).sort();
    expect(
      paths.every((p) => /^(bin|dist|data|man)\/|^(package\.json|README\.md|LICENSE)$/.test(p)),
    ).toBe(true);
    expect(paths).toContain("data/diagrams.json");
    expect(paths).toContain("data/diagrams.index.json");
    expect(paths).toContain("bin/sysdiag.cjs");
    expect(paths).toContain("man/sysdiag.1");
    expect(paths.some((p) => p.startsWith("src/") || p.startsWith("test/"))).toBe(false);
    // Code caches are made at install, by the Node that reads them (bin/code-cache.cjs).
    expect(paths.filter((p) => p.endsWith(".cache"))).toEqual([]);
    expect(paths).toContain("bin/code-cache.cjs");
    expect(info?.size).toBeLessThan(300 * 1024);
  });

  it("declares what a package must", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg).toMatchObject({ type: "module", license: "MIT", engines: { node: ">=20" } });
    expect(pkg.bin).toEqual({ sysdiag: "bin/sysdiag.cjs" });
    expect(pkg.repository).toBeDefined();
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it("installs globally with no network and runs from any directory", () => {
    npm(
      ["install", "--global", "--offline", "--no-audit", "--no-fund", "--prefix", prefix, tarball],
      work,
    );
    expect(readdirSync(join(prefix, "bin"))).toContain("sysdiag");
    // The install made a code cache for each kind of command line, and this Node takes them.
    const installed = join(prefix, "lib", "node_modules", "sysdiag");
    const loader = require(join(installed, "bin", "sysdiag.cjs"));
    for (const kind of Object.keys(loader.KINDS())) {
      expect(existsSync(join(installed, "dist", `cli.${kind}.cache`))).toBe(true);
      expect(loader.load(kind).script.cachedDataRejected).toBe(false);
    }
    const result = spawnSync(join(prefix, "bin", "sysdiag"), ["show", "cache-aside"], {
      cwd: elsewhere,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", LANG: "C.UTF-8", LC_ALL: "", LC_CTYPE: "" },
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      readFileSync(join(ROOT, "test/fixtures/show-cache-aside.never.txt"), "utf8"),
    );
    // npm links the page declared in package.json's `man` where man looks under the prefix.
    const man = spawnSync("man", ["sysdiag"], {
      encoding: "utf8",
      env: {
        ...process.env,
        MANPATH: join(prefix, "share", "man"),
        MANWIDTH: "80",
        MANPAGER: "cat",
        PAGER: "cat",
      },
    });
    expect(man.stderr).toBe("");
    expect(man.stdout).toMatch(/^SYSDIAG\(1\)/);
    expect(man.stdout).toMatch(/\n {3}random\n/);
  });
});
