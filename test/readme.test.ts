import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog, ROOT } from "./helpers.js";

/** The README shows real output: every `$ sysdiag …` block is run and compared. */
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const examples = [...readme.matchAll(/```\n\$ ([^\n]+)\n([\s\S]*?)```/g)].map((m) => ({
  command: m[1] as string,
  output: m[2] as string,
}));

const dir = mkdtempSync(join(tmpdir(), "sysdiag-readme-"));
writeFileSync(
  join(dir, "sysdiag"),
  `#!/bin/sh\nexec "${process.execPath}" "${ROOT}bin/sysdiag.cjs" "$@"\n`,
);
chmodSync(join(dir, "sysdiag"), 0o755);
// The lint example's file: the source document's Twitter diagram, as drawn there.
const twitter = catalog.diagrams.find((d) => d.id === "twitter")?.original;
writeFileSync(join(dir, "design.md"), `\`\`\`\n${twitter}\n\`\`\`\n`);
// The user-catalog examples' document.
writeFileSync(
  join(dir, "my-designs.md"),
  readme.match(/<!-- my-designs\.md -->\n````markdown\n([\s\S]*?)\n````\n/)?.[1] ?? "",
);

describe("README examples", () => {
  it("has some", () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples.map((e) => [e.command, e.output]))("$ %s", (command, output) => {
    const result = spawnSync("/bin/sh", ["-c", command], {
      cwd: dir,
      encoding: "utf8",
      // A home of its own: the examples that add diagrams write there, and nowhere else.
      env: { PATH: `${dir}:/usr/bin:/bin`, LANG: "C.UTF-8", HOME: dir },
    });
    expect(result.stdout + result.stderr).toBe(output);
  });
});
