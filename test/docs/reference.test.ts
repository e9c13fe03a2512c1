import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAN_PATH } from "../../scripts/man.js";
import { GLOBAL_OPTIONS } from "../../src/cli/globals.js";
import { ENVIRONMENT } from "../../src/cli/man.js";
import { optionsOf } from "../../src/cli/parse.js";
import { COMMANDS } from "../../src/commands/registry.js";
import type { CommandSpec } from "../../src/commands/spec.js";
import { EXIT_CODES } from "../../src/core/errors.js";
import { LIMITS, thousands } from "../../src/core/limits.js";
import { filesUnder, ROOT } from "../helpers.js";
import { page, section, sections } from "./markdown.js";

/**
 * The reference in docs/ and the man page, held to the code they document: the
 * registry of command specs, the exit codes, the limits, the environment read.
 */

const commands = page("docs/commands.md").text;
const reference = page("docs/reference.md").text;
const man = readFileSync(MAN_PATH, "utf8");
const visible = COMMANDS.filter((c) => !c.hidden);

/** The section of docs/commands.md headed `sysdiag NAME …`. */
function commandSection(name: string): string {
  const found = sections(commands).filter(
    (s) => s.level === 2 && new RegExp(`^\`sysdiag ${name}[\` ]`).test(s.heading),
  );
  if (found.length !== 1) throw new Error(`${found.length} sections for sysdiag ${name}`);
  return found[0]?.body ?? "";
}

/** The flags each option bullet of a section names: "- `-o, --output <file>`, `--force`: …". */
function documentedFlags(body: string): string[] {
  return body
    .split("\n")
    .filter((l) => /^- `-/.test(l))
    .flatMap((l) => {
      const head = l.slice(2, l.indexOf("`: ") + 1);
      return [...head.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
    });
}

/** The codes of a section's "Exit codes:" paragraph: `0` ok, `1` … */
function exitCodesOf(body: string): number[] {
  const start = body.indexOf("\nExit codes: ");
  if (start < 0) return [];
  const end = body.indexOf("\n\n", start + 1);
  const paragraph = body.slice(start, end < 0 ? undefined : end);
  return [...paragraph.matchAll(/`(\d+)`/g)].map((m) => Number(m[1]));
}

/** The field names inside the braces of a JSON shape: "[{id, title}]" -> id, title. */
function fieldsOf(shape: string): string[] {
  const fields: string[] = [];
  let depth = 0;
  for (const m of shape.matchAll(/[{}]|[A-Za-z]+/g)) {
    if (m[0] === "{") depth++;
    else if (m[0] === "}") depth--;
    else if (depth > 0 && /[?,}:]/.test(shape[(m.index ?? 0) + m[0].length] ?? "")) {
      fields.push(m[0]);
    }
  }
  return fields;
}

/** A man page section, as roff, from its .SH to the next. */
function manSection(name: string): string {
  const start = man.indexOf(`\n.SH ${name}\n`);
  if (start < 0) throw new Error(`no ${name} in the man page`);
  const end = man.indexOf("\n.SH ", start + 1);
  return man.slice(start, end < 0 ? undefined : end).replace(/\\-/g, "-");
}

describe("docs/commands.md", () => {
  it.each(visible.map((c) => [c.name, c] as const))("has a section for sysdiag %s", (name) => {
    expect(commandSection(name)).not.toBe("");
  });

  it("has no section for a command that is not there", () => {
    const named = sections(commands)
      .filter((s) => s.level === 2 && s.heading.startsWith("`sysdiag "))
      .map((s) => /^`sysdiag ([\w-]+)/.exec(s.heading)?.[1]);
    expect(named.sort()).toEqual(visible.map((c) => c.name).sort());
  });

  it.each(
    visible.flatMap((c) =>
      Object.values(optionsOf(c)).map((o) => [c.name, o.flags, c] as [string, string, CommandSpec]),
    ),
  )("documents %s %s", (name, flags) => {
    expect(documentedFlags(commandSection(name))).toContain(flags);
  });

  it.each(visible.map((c) => [c.name, c] as const))(
    "documents no option that sysdiag %s does not take",
    (name, command) => {
      const taken = Object.values(optionsOf(command)).map((o) => o.flags);
      expect(documentedFlags(commandSection(name)).filter((f) => !taken.includes(f))).toEqual([]);
    },
  );

  it.each(visible.map((c) => [c.name, c] as const))(
    "gives the exit codes of sysdiag %s, and no others",
    (name, command) => {
      const codes = new Set([0, 2, ...command.exitCodes.map(([code]) => code)]);
      expect(exitCodesOf(commandSection(name)).sort((a, b) => a - b)).toEqual(
        [...codes].sort((a, b) => a - b),
      );
    },
  );

  it("documents every global option, and -V and -h", () => {
    const body = section(commands, "Global options");
    const flags = [...Object.values(GLOBAL_OPTIONS).map((o) => o.flags), "-V, --version"];
    expect(documentedFlags(body).sort()).toEqual([...flags, "-h, --help"].sort());
  });
});

describe("docs/reference.md", () => {
  it("lists every exit code, and no other", () => {
    const rows = [...section(reference, "Exit codes").matchAll(/\n\| (\d+) +\|/g)];
    expect(rows.map((m) => Number(m[1]))).toEqual(EXIT_CODES.map(([code]) => code));
  });

  it.each(visible.filter((c) => c.json).map((c) => [c.name, c] as const))(
    "gives the machine output of %s, every field of it",
    (name, command) => {
      const rows = section(reference, "Machine output")
        .split("\n")
        .filter((l) => new RegExp(`^\\| [^|]*\`${name} --(json|format json|format graph)`).test(l));
      expect(rows.length).toBeGreaterThan(0);
      for (const field of fieldsOf(command.json ?? "")) expect(rows.join("\n")).toContain(field);
    },
  );

  it("reads a shape's fields (a reader that found none would pass anything)", () => {
    expect(fieldsOf("--json: {id, original?, line}; --format graph: {nodes: [{id}]}")).toEqual([
      "id",
      "original",
      "line",
      "nodes",
      "id",
    ]);
    expect(fieldsOf(COMMANDS.find((c) => c.name === "search")?.json ?? "")).toContain("points");
  });

  it.each(Object.entries(LIMITS))("gives the limit %s", (key, value) => {
    const text = key.endsWith("Bytes") ? `${value / 1024 / 1024} MB` : thousands(value);
    const cells = section(reference, "Limits")
      .split("\n")
      .filter((l) => l.startsWith("| "))
      .map((l) => l.split("|").at(-2)?.trim() ?? "");
    expect(cells.some((cell) => cell === text || cell.startsWith(`${text} `))).toBe(true);
    expect(manSection("LIMITS")).toContain(`${text}`);
  });
});

describe("docs/dependencies.md", () => {
  const text = page("docs/dependencies.md").text;
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

  it.each(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).map((name) => [name]))(
    "says why %s is there",
    (name) => {
      expect(text).toMatch(
        new RegExp(`(^|[\\s|(\`])${name.replace(/[.]/g, "\\.")}[\\s|,.)\`]`, "m"),
      );
    },
  );

  it("names in its table only packages the code imports", () => {
    const rows = section(text, "Dependencies")
      .split("\n")
      .filter((l) => /^\| [@a-z]/.test(l))
      .map((l) => l.split("|")[1]?.trim() ?? "")
      .filter((name) => name !== "package");
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const code = ["src", "test"].flatMap((dir) => sourceFiles(join(ROOT, dir)));
    const imported = new Set(
      code.flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/(?:from |import\()"([@a-z][^"]*)"/g)].map(
          // A module of a package (`diff/lib/patch/create.js`) imports that package.
          (m) => (m[1] as string).match(/^(@[^/]+\/)?[^/]+/)?.[0] as string,
        ),
      ),
    );
    expect(rows.filter((name) => !imported.has(name))).toEqual([]);
  });
});

const sourceFiles = (dir: string) => filesUnder(dir, ".ts");

/** Every environment variable src/ reads: `env.NAME`, `{ A, B } = env`, xdgDir(env, "NAME"). */
function variablesRead(): string[] {
  const names = new Set<string>();
  for (const file of sourceFiles(join(ROOT, "src"))) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\benv\??\.([A-Z][A-Z0-9_]*)\b/g)) names.add(m[1] as string);
    for (const m of text.matchAll(/\{([A-Z0-9_, ]+)\} = [\w.]*env\b/g)) {
      for (const name of (m[1] as string).split(",")) names.add(name.trim());
    }
    for (const m of text.matchAll(/\(env, "([A-Z][A-Z0-9_]*)"/g)) names.add(m[1] as string);
  }
  return [...names].sort();
}

describe("the environment", () => {
  const read = variablesRead();

  it("is found in the code (a reader that found none would pass anything)", () => {
    for (const name of ["NO_COLOR", "FORCE_COLOR", "SYSDIAG_PATH", "XDG_CACHE_HOME", "EDITOR"]) {
      expect(read).toContain(name);
    }
  });

  it.each(read.map((name) => [name]))("documents %s in docs/reference.md", (name) => {
    const rows = section(reference, "Environment")
      .split("\n")
      .filter((l) => l.startsWith("| `"));
    expect(rows.some((row) => row.split("|")[1]?.includes(`\`${name}\``))).toBe(true);
  });

  it.each(read.map((name) => [name]))("documents %s in the man page", (name) => {
    expect(ENVIRONMENT.some(([names]) => names.split(", ").includes(name))).toBe(true);
    expect(manSection("ENVIRONMENT")).toContain(name);
  });

  it("documents nothing the code does not read", () => {
    const documented = ENVIRONMENT.flatMap(([names]) => names.split(", "));
    expect(documented.filter((name) => !read.includes(name))).toEqual([]);
  });
});
