import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog, expectOneLineError, spawnCli } from "../helpers.js";

const original = (id: string) => catalog.diagrams.find((d) => d.id === id)?.original as string;
const repaired = (id: string) => catalog.diagrams.find((d) => d.id === id)?.diagram as string;

/** A design doc with three of the source document's drawings as it drew them. */
const doc = (draw: (id: string) => string) =>
  `# Design\n\nSome prose, and a code block that is no drawing:\n\n\`\`\`sh\nnpm install\n\`\`\`\n\n${["cache-aside", "auth-flow", "twitter"].map((id) => `## ${id}\n\n\`\`\`\n${draw(id)}\n\`\`\`\n`).join("\n")}`;

function designDoc(text = doc(original)) {
  const dir = mkdtempSync(join(tmpdir(), "sysdiag-fix-"));
  const file = join(dir, "design.md");
  writeFileSync(file, text);
  return { dir, file };
}

describe("lint --fix", () => {
  it("repairs what it can prove, in place, and reports the rest", () => {
    const { dir, file } = designDoc();
    chmodSync(file, 0o640);
    const before = spawnCli(["lint", "design.md"], { cwd: dir });
    expect(before.code).toBe(1);
    const result = spawnCli(["lint", "--fix", "design.md"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    const out = result.stdout.split("\n");
    expect(out.filter((l) => l.includes(": repaired: "))).toHaveLength(2);
    expect(out.at(-2)).toMatch(/^3 defects in 1 file \(3 diagrams checked\)$/);
    const text = readFileSync(file, "utf8");
    // The two drawings it could prove come out as the source document's repairs did.
    expect(text).toContain(`\`\`\`\n${repaired("cache-aside")}\n\`\`\``);
    expect(text).toContain(`\`\`\`\n${repaired("auth-flow")}\n\`\`\``);
    expect(text).toContain(`\`\`\`\n${original("twitter")}\n\`\`\``);
    expect(text).toContain("```sh\nnpm install\n```");
    expect(statSync(file).mode & 0o777).toBe(0o640);
    // Nothing left to prove: the file is not written again.
    const { ino, mtimeMs } = statSync(file);
    const again = spawnCli(["lint", "--fix", "design.md"], { cwd: dir });
    expect(again.stdout).not.toContain(": repaired: ");
    expect(statSync(file)).toMatchObject({ ino, mtimeMs });
  });

  it("--dry-run prints a diff that patch applies to give what --fix writes, and writes nothing", () => {
    const { dir, file } = designDoc();
    const text = readFileSync(file, "utf8");
    const dry = spawnCli(["lint", "--fix", "--dry-run", "design.md"], { cwd: dir });
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(/^--- a\/design\.md\n\+\+\+ b\/design\.md\n@@ /);
    expect(dry.stderr).toBe("sysdiag: 2 repairs to make, 3 defects left after them\n");
    expect(readFileSync(file, "utf8")).toBe(text);
    const patch = spawnSync("patch", ["-p1", "--dry-run", "-o", "-"], {
      cwd: dir,
      input: dry.stdout,
      encoding: "utf8",
    });
    expect(patch.status, patch.stderr).toBe(0);
    spawnCli(["lint", "--fix", "design.md"], { cwd: dir });
    expect(patch.stdout).toContain(readFileSync(file, "utf8"));
  });

  it("keeps CRLF line endings", () => {
    const { dir, file } = designDoc(doc(original).replaceAll("\n", "\r\n"));
    spawnCli(["lint", "--fix", "design.md"], { cwd: dir });
    const text = readFileSync(file, "utf8");
    expect(text).toBe(
      doc((id) => (id === "twitter" ? original(id) : repaired(id))).replaceAll("\n", "\r\n"),
    );
  });

  it("keeps a byte-order mark", () => {
    const { dir, file } = designDoc(`\uFEFF${doc(original)}`);
    spawnCli(["lint", "--fix", "design.md"], { cwd: dir });
    expect(readFileSync(file, "utf8")).toBe(
      `\uFEFF${doc((id) => (id === "twitter" ? original(id) : repaired(id)))}`,
    );
  });

  it("prints standard input repaired", () => {
    const result = spawnCli(["lint", "--fix", "-"], { input: original("tracing") });
    expect(result).toEqual({ code: 0, stdout: repaired("tracing"), stderr: "" });
  });

  it("a file it cannot write: exit 3, and the file as it was", () => {
    const { dir, file } = designDoc();
    const text = readFileSync(file, "utf8");
    // Unwritable for anyone: a read-only mount for root (who writes past permissions),
    // a read-only directory for anyone else.
    const root = process.getuid?.() === 0;
    const place = root ? mkdtempSync(join(tmpdir(), "sysdiag-ro-")) : dir;
    if (root) {
      expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", place]).status).toBe(0);
      writeFileSync(join(place, "design.md"), text);
      expect(spawnSync("mount", ["-o", "remount,ro", place]).status).toBe(0);
    } else chmodSync(dir, 0o500);
    try {
      const result = spawnCli(["lint", "--fix", "design.md"], { cwd: place });
      expectOneLineError(result, 3, /cannot write .*design\.md/);
      expect(readFileSync(join(place, "design.md"), "utf8")).toBe(text);
    } finally {
      if (root) spawnSync("umount", [place]);
      else chmodSync(dir, 0o700);
    }
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it.each([
    [["lint", "--fix"], /--fix needs files to repair/],
    [["lint", "--dry-run", "x.md"], /--dry-run goes with --fix/],
    [["lint", "--fix", "-", "x.md"], /--fix reads standard input \(-\) alone/],
  ])("%j: a usage error", (args, message) => {
    expectOneLineError(spawnCli(args), 2, message);
  });
});
