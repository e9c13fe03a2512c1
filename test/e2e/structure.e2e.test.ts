import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ANSI, catalog, expectOneLineError, spawnCli } from "../helpers.js";

const dir = mkdtempSync(join(tmpdir(), "sysdiag-e2e-"));
const file = (name: string, content: string | Buffer) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};

const sysdiag = spawnCli;

const broken = catalog.diagrams.find((d) => d.id === "twitter")?.original ?? "";

describe("sysdiag lint", () => {
  it("finds nothing in the catalog", () => {
    expect(sysdiag(["lint"])).toEqual({
      code: 0,
      stdout: `${catalog.diagrams.length} diagrams checked, no defects\n`,
      stderr: "",
    });
  });

  it("reports file:line:col for each defect of each fenced block, exit 1", () => {
    const md = file("design.md", `# Design\n\nSome text.\n\n\`\`\`\n${broken}\n\`\`\`\n`);
    const { code, stdout } = sysdiag(["lint", md]);
    expect(code).toBe(1);
    expect(stdout.split("\n")[0]).toBe(
      `${md}:12:15: right edge of the box is at column 16, its corner at column 15 [box-right]`,
    );
    // The Twitter box whose right edge is out on two lines is one defect, not two.
    expect(stdout).toContain(
      `${md}:25:31: right edge of the box is at column 33, its corner at column 31 (on 2 lines from here) [box-right]\n`,
    );
    expect(stdout).toMatch(/\n3 defects in 1 file \(1 diagram checked\)\n$/);
  });

  it("reads standard input as -, and speaks JSON", () => {
    const { code, stdout } = sysdiag(["lint", "-", "--json"], { input: broken });
    expect(code).toBe(1);
    const findings = JSON.parse(stdout);
    expect(findings).toHaveLength(3);
    expect(findings[0]).toEqual({
      file: "<stdin>",
      line: 7,
      column: 15,
      rule: "box-right",
      message: "right edge of the box is at column 16, its corner at column 15",
    });
  });

  it("passes a clean plain-text diagram", () => {
    const clean = file("clean.txt", `${catalog.diagrams[0]?.diagram}\n`);
    expect(sysdiag(["lint", clean])).toMatchObject({
      code: 0,
      stdout: "1 diagram checked, no defects\n",
    });
  });

  it.each([
    ["an empty file", () => file("empty.txt", ""), 1, /no diagram in .*empty\.txt/],
    [
      "a file with no diagram",
      () => file("prose.md", "# Just prose\n\nNo drawing.\n"),
      1,
      /no diagram in/,
    ],
    [
      "a binary file",
      () => file("image.bin", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])),
      3,
      /is a binary file/,
    ],
    [
      "a 10 MB file",
      () => file("huge.txt", "x".repeat(10 * 1024 * 1024)),
      3,
      /is 10\.0 MB; lint reads files up to 1 MB/,
    ],
    [
      "a missing file",
      () => join(dir, "missing.txt"),
      3,
      /cannot read .*missing\.txt: no such file or directory \(ENOENT\)/,
    ],
    // A directory is read file by file (issue 22): here the 10 MB one is refused.
    ["a directory holding a file over 1 MB", () => dir, 3, /huge\.txt is 10\.0 MB/],
    ["a device that never ends", () => "/dev/zero", 3, /cannot read \/dev\/zero: it is a device/],
    [
      "a FIFO, at once rather than waiting for a writer",
      () => {
        const fifo = join(dir, "fifo");
        if (!existsSync(fifo)) execFileSync("mkfifo", [fifo]);
        return fifo;
      },
      3,
      /cannot read .*fifo: it is a FIFO/,
    ],
  ])("refuses %s in one line", (_name, make, code, message) => {
    expectOneLineError(sysdiag(["lint", make()]), code, message);
  });
});

describe("ASCII fallback", () => {
  it("--ascii draws with + - | and v > < ^, frame included", () => {
    const { stdout } = sysdiag(["show", "cache-aside", "--ascii"]);
    expect(stdout).toMatch(/^[\x20-\x7e\n]*$/);
    expect(stdout.split("\n")[0]).toMatch(/^\+ Cache-Aside Pattern - Caching Strategies -+\+$/);
    expect(stdout).toContain("| |  Cache  +---+ ");
  });

  it.each([
    ["LANG=C", { LANG: "C" }],
    ["LC_ALL=POSIX", { LC_ALL: "POSIX" }],
    ["LC_CTYPE=en_US.ISO-8859-1", { LC_CTYPE: "en_US.ISO-8859-1" }],
  ])("is chosen by %s", (_name, env) => {
    expect(sysdiag(["show", "cqrs"], { env }).stdout).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it("--unicode overrides the locale", () => {
    expect(sysdiag(["--unicode", "show", "cqrs"], { env: { LANG: "C" } }).stdout).toContain("╭");
  });

  it("--raw follows it, geometry intact", () => {
    const raw = sysdiag(["show", "cqrs", "--raw", "--ascii"]).stdout;
    const unicode = catalog.diagrams.find((d) => d.id === "cqrs")?.diagram ?? "";
    expect(raw.split("\n").map((l) => l.length)).toEqual(
      `${unicode}\n`.split("\n").map((l) => [...l].length),
    );
  });
});

describe("show --format and --output", () => {
  it("md: heading, facts in a comment, summary, fenced diagram, notes and references", () => {
    const { stdout } = sysdiag(["show", "cqrs", "--format", "md"]);
    expect(stdout).toMatch(
      /^## CQRS Pattern\n\n<!-- sysdiag\nid: cqrs\ncategory: .*\n(.*\n)*?-->\n\nWrites \(commands\).*\n\n```text\n┌─+┐\n/,
    );
    expect(stdout).toMatch(/\n```\n\n\*\*Notes\*\*\n\n(- .*\n)+\n\*\*References\*\*\n\n(- .*\n)+$/);
  });

  it("txt is --raw and json is --json", () => {
    expect(sysdiag(["show", "saga", "-f", "txt"]).stdout).toBe(
      sysdiag(["show", "saga", "--raw"]).stdout,
    );
    expect(sysdiag(["show", "saga", "-f", "json"]).stdout).toBe(
      sysdiag(["show", "saga", "--json"]).stdout,
    );
  });

  it("svg to a file, never over one that exists unless --force", () => {
    const out = join(dir, "cqrs.svg");
    expect(sysdiag(["show", "cqrs", "-f", "svg", "-o", out])).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    const svg = readFileSync(out, "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toMatch(ANSI);
    writeFileSync(out, "mine");
    const again = sysdiag(["show", "cqrs", "-f", "svg", "-o", out]);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/cqrs\.svg exists; add --force to overwrite it/);
    expect(readFileSync(out, "utf8")).toBe("mine");
    expect(sysdiag(["show", "cqrs", "-f", "svg", "-o", out, "--force"]).code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(svg);
  });

  it("writes no colour into a file, even when forced", () => {
    const out = join(dir, "plain.txt");
    sysdiag(["--color", "show", "cqrs", "-o", out]);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, "utf8")).not.toMatch(ANSI);
  });

  it.each([
    [["show", "cqrs", "saga", "-f", "svg"], /one diagram at a time/],
    [["show", "cqrs", "-f", "pdf"], /Allowed choices are text, txt, md, svg, json/],
    [["show", "cqrs", "--raw", "-f", "md"], /--raw and --format cannot be used together/],
    [["show", "cqrs", "--force"], /--force goes with --output/],
  ])("usage errors: %j", (args, message) => {
    expectOneLineError(sysdiag(args), 2, message);
  });
});

describe("show --original", () => {
  it("shows a repaired diagram as the source document drew it", () => {
    const entry = catalog.diagrams.find((d) => d.id === "two-phase-commit");
    expect(sysdiag(["show", "2pc", "--original", "--raw"]).stdout).toBe(`${entry?.original}\n`);
    expect(sysdiag(["show", "2pc", "--raw"]).stdout).toBe(`${entry?.diagram}\n`);
  });

  it("is the diagram itself when nothing was repaired", () => {
    expect(sysdiag(["show", "saga", "--original", "--raw"]).stdout).toBe(
      sysdiag(["show", "saga", "--raw"]).stdout,
    );
  });
});
