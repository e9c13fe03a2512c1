import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog, ROOT } from "../helpers.js";
import { blocks, type Page, pages } from "./markdown.js";

/**
 * The README and the reference show real output: every untagged fenced block that
 * starts with `$ ` is a command line and what it printed, and each is run and compared.
 * Decision records are left out: their command lines are measurements, not examples.
 */
const documented = pages().filter((p) => !p.path.startsWith("docs/decisions/"));

function examples(page: Page) {
  return blocks(page.text)
    .filter((b) => b.info === "" && b.body.startsWith("$ "))
    .map((b) => {
      const [first, ...rest] = b.body.split("\n");
      return { command: (first as string).slice(2), output: `${rest.join("\n")}\n` };
    });
}

/** A directory for one page's examples: `sysdiag` on the PATH, and the files they name. */
function workspace(page: Page): string {
  const dir = mkdtempSync(join(tmpdir(), "sysdiag-docs-"));
  writeFileSync(
    join(dir, "sysdiag"),
    `#!/bin/sh\nexec "${process.execPath}" "${ROOT}bin/sysdiag.cjs" "$@"\n`,
  );
  chmodSync(join(dir, "sysdiag"), 0o755);
  // The lint example's file: the source document's Twitter diagram, as drawn there.
  const twitter = catalog.diagrams.find((d) => d.id === "twitter")?.original;
  writeFileSync(join(dir, "design.md"), `\`\`\`\n${twitter}\n\`\`\`\n`);
  // The lint --fix example's file: the source document's cache-aside diagram, as drawn there.
  const cache = catalog.diagrams.find((d) => d.id === "cache-aside")?.original;
  writeFileSync(join(dir, "cache.md"), `# Caching\n\n\`\`\`\n${cache}\n\`\`\`\n`);
  // The user-catalog examples' document, as the page itself gives it.
  const mine = page.text.match(/<!-- my-designs\.md -->\n````markdown\n([\s\S]*?)\n````\n/)?.[1];
  if (mine !== undefined) writeFileSync(join(dir, "my-designs.md"), `${mine}\n`);
  return dir;
}

const withExamples = documented.filter((p) => examples(p).length > 0);

describe.each(withExamples.map((p) => [p.path, p] as const))(
  "the examples of %s",
  (_path, page) => {
    const dir = workspace(page);

    it.each(examples(page).map((e) => [e.command, e.output]))("$ %s", (command, output) => {
      const result = spawnSync("/bin/sh", ["-c", command], {
        cwd: dir,
        encoding: "utf8",
        // A home of its own for each example: one that adds diagrams writes there, and
        // no example sees what another added.
        env: {
          PATH: `${dir}:/usr/bin:/bin`,
          LANG: "C.UTF-8",
          HOME: mkdtempSync(join(tmpdir(), "sysdiag-docs-home-")),
        },
      });
      expect(result.stdout + result.stderr).toBe(output);
    });
  },
);

describe("the examples", () => {
  const count = (path: string) => examples(documented.find((p) => p.path === path) as Page).length;

  it("are found where they are expected (a reader that found none would pass anything)", () => {
    expect(count("README.md")).toBeGreaterThanOrEqual(5);
    expect(count("docs/commands.md")).toBeGreaterThanOrEqual(12);
    expect(count("docs/your-diagrams.md")).toBeGreaterThanOrEqual(1);
    expect(count("docs/reference.md")).toBeGreaterThanOrEqual(2);
  });

  it("read a block's command and output apart", () => {
    const [example] = examples({ path: "x.md", text: "```\n$ sysdiag list\na\nb\n```\n" });
    expect(example).toEqual({ command: "sysdiag list", output: "a\nb\n" });
  });
});
