import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { completionValues } from "../../src/catalog/completion-values.js";
import { bashScript } from "../../src/cli/completion/bash.js";
import { fishScript } from "../../src/cli/completion/fish.js";
import { argKind, completionModel, kindWord } from "../../src/cli/completion/model.js";
import { zshScript } from "../../src/cli/completion/zsh.js";
import { GLOBAL_OPTIONS } from "../../src/cli/globals.js";
import { optionsOf } from "../../src/cli/parse.js";
import { COMMANDS } from "../../src/commands/registry.js";
import { arg, defineCommand, flag, oneOf, text } from "../../src/commands/spec.js";
import type { Catalog } from "../../src/core/types.js";
import { FORMATS } from "../../src/render/formats.js";
import { catalog } from "../helpers.js";

const model = completionModel(COMMANDS, GLOBAL_OPTIONS, optionsOf);
const command = (name: string) => model.commands.find((c) => c.name === name);

describe("completionModel", () => {
  it("has every command but the hidden ones, in registry order", () => {
    expect(model.commands.map((c) => c.name)).toEqual(
      COMMANDS.filter((c) => !c.hidden).map((c) => c.name),
    );
    expect(command("__complete")).toBeUndefined();
  });

  it("gives each option what its value completes to, and output options where the spec says", () => {
    const show = command("show");
    expect(show?.options.find((o) => o.long === "--format")).toMatchObject({
      short: "-f",
      value: [...FORMATS],
    });
    expect(show?.options.find((o) => o.long === "--output")?.value).toBe("files");
    expect(show?.options.find((o) => o.long === "--raw")?.value).toBeUndefined();
    expect(command("list")?.options.find((o) => o.long === "--output")).toBeUndefined();
    expect(command("search")?.options.find((o) => o.long === "--limit")?.value).toBe("none");
    expect(model.globals.map((o) => o.long)).toEqual([
      "--color",
      "--no-color",
      "--ascii",
      "--unicode",
      "--catalog",
      "--strict",
      "--no-pager",
    ]);
    expect(model.globals.find((o) => o.long === "--catalog")?.value).toBe("files");
  });

  it.each([
    ["show", 0, "diagrams"],
    ["show", 5, "diagrams"],
    ["list", 0, "categories"],
    ["list", 1, "none"],
    ["lint", 3, "files"],
    ["help", 0, "commands"],
    ["completion", 0, "fixed bash zsh fish"],
    ["tips", 0, "none"],
    ["search", 0, "none"],
  ] as const)("argument %s #%i completes %j", (name, n, kind) => {
    expect(argKind(command(name) as NonNullable<ReturnType<typeof command>>, n)).toBe(kind);
  });

  it("refuses a fixed value a shell would read twice", () => {
    expect(kindWord(["a", "b-c", "d.e"])).toBe("fixed a b-c d.e");
    expect(() => kindWord(["ok", "$(rm -rf ~)"])).toThrow(/not a plain word/);
    expect(() => kindWord(["two words"])).toThrow(/not a plain word/);
  });
});

describe("the scripts", () => {
  // A spec with awkward text: quotes, colons and a backslash in descriptions.
  const odd = defineCommand({
    name: "odd",
    summary: "it's: a \\ test",
    args: [arg("x", "x", { complete: "diagrams" })],
    options: {
      mode: oneOf("-m, --mode <mode>", "don't: pick", ["a", "b"]),
      where: text("--where <dir>", "a 'dir'", "files"),
      loud: flag("--loud", 'say "it"'),
    },
    examples: [],
    exitCodes: [],
    run: async () => ({ stdout: "" }),
  });
  const oddModel = completionModel([odd as never], GLOBAL_OPTIONS, optionsOf);

  it.each([
    ["bash", bashScript(model), ["-n"]],
    ["bash", bashScript(oddModel), ["-n"]],
    ["zsh", zshScript(model), ["-n"]],
    ["zsh", zshScript(oddModel), ["-n"]],
    ["fish", fishScript(model), ["--no-execute"]],
    ["fish", fishScript(oddModel), ["--no-execute"]],
  ])("%s parses it", (shell, script, flags) => {
    const file = join(mkdtempSync(join(tmpdir(), "sysdiag-script-")), `sysdiag.${shell}`);
    writeFileSync(file, script);
    const result = spawnSync(shell, [...flags, file], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it.each([
    ["bash", bashScript],
    ["zsh", zshScript],
    ["fish", fishScript],
  ])("%s names every command and asks __complete for catalog values", (_shell, make) => {
    const script = make(model);
    for (const c of model.commands) expect(script).toContain(c.name);
    expect(script).toContain("__complete");
    // Catalog values are read at TAB time, never baked in.
    expect(script).not.toMatch(/two-phase-commit|write-through/);
  });

  it("fish keeps a description's quote and backslash", () => {
    const result = spawnSync(
      "fish",
      ["--no-config", "-c", `${fishScript(oddModel)}\ncomplete -C 'sysdiag odd --'`],
      { encoding: "utf8" },
    );
    expect(result.stdout).toContain("--mode\tdon't: pick\n");
    expect(result.stdout).toContain('--loud\tsay "it"\n');
  });
});

describe("completionValues", () => {
  const small: Catalog = {
    ...catalog,
    categories: [{ id: "caching", name: "Caching" }],
    diagrams: [
      {
        ...(catalog.diagrams[0] as Catalog["diagrams"][number]),
        id: "a-b",
        aliases: ["Pub/Sub", "A B", "$(x)"],
      },
    ],
  };

  it("offers ids then one-word aliases as names compare, once each, nothing a shell must quote", () => {
    // "pub-sub" and "a-b" would be names written as ids that are not ids: show refuses them.
    expect(completionValues(small, "diagrams")).toEqual(["a-b", "x"]);
    expect(completionValues(small, "categories")).toEqual(["caching"]);
  });

  it("offers every shipped diagram id", () => {
    const values = completionValues(catalog, "diagrams");
    for (const entry of catalog.diagrams) expect(values).toContain(entry.id);
    for (const value of values) expect(value).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
