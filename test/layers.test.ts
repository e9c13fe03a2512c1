import { readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { filesUnder } from "./helpers.js";

/**
 * The folders of src/, lowest first. A file may import from its own folder and from
 * any folder below it, never from one above: type-only imports count too, since a
 * type that has to be reached upwards is a piece of the lower layer left in the
 * wrong room. docs/architecture.md says what each floor holds.
 */
const LAYERS = [
  "core",
  "diagram",
  "document",
  "search",
  "catalog",
  "extract",
  "study",
  "render",
  "commands",
  "cli",
] as const;

const SRC = resolve(__dirname, "../src");

const sourceFiles = (dir: string) => filesUnder(dir, ".ts");

/** Every relative module a file names: static imports and re-exports (type-only too), and import(). */
function importsOf(text: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of text.matchAll(pattern)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec?.startsWith(".")) found.push(spec);
  }
  return found;
}

/** The layer a file of src/ belongs to, or undefined for a file outside src/. */
function layerOf(file: string): string | undefined {
  const rel = relative(SRC, file);
  if (rel.startsWith("..")) return undefined;
  return rel.split(sep)[0];
}

interface Edge {
  from: string;
  to: string;
}

function edges(): Edge[] {
  return sourceFiles(SRC).flatMap((file) =>
    importsOf(readFileSync(file, "utf8")).map((spec) => ({
      from: file,
      to: resolve(dirname(file), spec).replace(/\.js$/, ".ts"),
    })),
  );
}

describe("the folders of src/ form a one-way order", () => {
  const all = edges();

  it("finds the imports it checks (a reader that found none would pass anything)", () => {
    expect(all.length).toBeGreaterThan(250);
    expect(
      importsOf('import type { A } from "../core/types.js";\nconst m = await import("./x.js");'),
    ).toEqual(["../core/types.js", "./x.js"]);
    expect(importsOf('import {\n  a,\n  type B,\n} from "./multi.js";')).toEqual(["./multi.js"]);
    expect(importsOf('export { a } from "./re.js";')).toEqual(["./re.js"]);
  });

  it("has every file in a known layer", () => {
    const folders = new Set(sourceFiles(SRC).map((f) => layerOf(f)));
    expect([...folders].filter((f) => !LAYERS.includes(f as never))).toEqual([]);
  });

  it("imports only sideways or downwards", () => {
    const rank = (file: string) => LAYERS.indexOf(layerOf(file) as (typeof LAYERS)[number]);
    const upwards = all
      .filter((e) => layerOf(e.to) !== undefined && rank(e.to) > rank(e.from))
      .map((e) => `${relative(SRC, e.from)} -> ${relative(SRC, e.to)}`);
    expect(upwards).toEqual([]);
  });

  it("has no loop between files", () => {
    const next = new Map<string, string[]>();
    for (const e of all) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const state = new Map<string, "open" | "done">();
    const loops: string[] = [];
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, "open");
      path.push(file);
      for (const to of next.get(file) ?? []) {
        if (state.get(to) === "open") {
          loops.push(
            [...path.slice(path.indexOf(to)), to].map((f) => relative(SRC, f)).join(" -> "),
          );
        } else if (!state.has(to)) visit(to);
      }
      path.pop();
      state.set(file, "done");
    };
    for (const file of next.keys()) if (!state.has(file)) visit(file);
    expect(loops).toEqual([]);
  });
});

/** The names a file exports as values (functions, classes, constants), not types. */
function valueExports(text: string): string[] {
  const pattern = /^export (?:async )?(?:function\*?|const|let|class|enum) ([A-Za-z_$][\w$]*)/gm;
  return [...text.matchAll(pattern)].map((m) => m[1] as string);
}

describe("exports", () => {
  it("reads the value exports of a file", () => {
    expect(
      valueExports(
        "export function a() {}\nexport async function b() {}\nexport const C = 1;\nexport class D {}\nexport type E = 1;\nexport interface F {}\nconst g = 1;",
      ),
    ).toEqual(["a", "b", "C", "D"]);
  });

  it("exports a value only when another file uses it", () => {
    const root = resolve(__dirname, "..");
    const elsewhere = [
      ...sourceFiles(SRC),
      ...filesUnder(resolve(root, "test"), ".ts"),
      ...filesUnder(resolve(root, "scripts"), ".ts"),
      resolve(root, "tsup.config.ts"),
      resolve(root, "bin/sysdiag.cjs"),
    ].map((file) => ({ file, text: readFileSync(file, "utf8") }));
    const own = sourceFiles(SRC).flatMap((file) =>
      valueExports(readFileSync(file, "utf8")).map((name) => ({ file, name })),
    );
    expect(own.length).toBeGreaterThan(150);
    const unused = own
      .filter(
        ({ file, name }) =>
          !elsewhere.some((o) => o.file !== file && new RegExp(`\\b${name}\\b`).test(o.text)),
      )
      .map(({ file, name }) => `${relative(SRC, file)}: ${name}`);
    expect(unused).toEqual([]);
  });
});
