import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FORMAT_HELP, FORMATS } from "../../src/render/formats.js";
import { BIN, catalog, expectOneLineError, spawnCli } from "../helpers.js";
import { hasTmux, Tmux } from "../tmux.js";

/**
 * Completion as each shell does it: the generated script loaded into a real bash,
 * zsh and fish, with `sysdiag` on the PATH and a user's catalog (SYSDIAG_CATALOG)
 * holding one diagram of its own, to prove catalog values are read at TAB time.
 */

const dir = mkdtempSync(join(tmpdir(), "sysdiag-complete-"));
const bin = join(dir, "bin");
mkdirSync(bin);
writeFileSync(join(bin, "sysdiag"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
chmodSync(join(bin, "sysdiag"), 0o755);

const userCatalog = join(dir, "mine.json");
writeFileSync(
  userCatalog,
  JSON.stringify({
    ...catalog,
    categories: [...catalog.categories, { id: "homegrown", name: "Homegrown" }],
    diagrams: [
      ...catalog.diagrams,
      {
        id: "zebra-ingest",
        title: "Zebra Ingest Pipeline",
        category: "Homegrown",
        categoryId: "homegrown",
        aliases: ["Zebra Pipe"],
        tags: ["Zebra Stripes"],
        summary: "A user's own diagram.",
        related: [],
        diagram: "┌─────┐\n│ Zed │\n└─────┘",
        line: 1,
      },
    ],
  }),
);

const env = {
  PATH: `${bin}:${process.env.PATH}`,
  SYSDIAG_CATALOG: userCatalog,
  HOME: dir,
  LANG: "C.UTF-8",
};

const script = (shell: string) => {
  const result = spawnCli(["completion", shell]);
  expect(result.code).toBe(0);
  const path = join(dir, `sysdiag.${shell}`);
  writeFileSync(path, result.stdout);
  return path;
};

const bashScript = script("bash");

/** COMPREPLY for `line` (the cursor at its end), from the script's function in a bare bash. */
function bash(line: string): string[] {
  const driver = `
source ${bashScript}
read -ra COMP_WORDS <<<"$1"
[[ $1 == *" " ]] && COMP_WORDS+=("")
COMP_LINE=$1 COMP_POINT=\${#1} COMP_CWORD=$((\${#COMP_WORDS[@]} - 1))
_sysdiag sysdiag "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync("bash", ["--norc", "--noprofile", "-c", driver, "bash", line], {
    encoding: "utf8",
    env,
  });
  expect(result.stderr).toBe("");
  return result.stdout.split("\n").filter(Boolean).sort();
}

/** Candidates fish offers for `line` (`complete -C`), without their descriptions. */
function fish(line: string): string[] {
  const result = spawnSync(
    "fish",
    ["--no-config", "-c", `source ${script("fish")}; complete -C $argv[1]`, line],
    { encoding: "utf8", env },
  );
  expect(result.stderr).toBe("");
  return result.stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split("\t")[0] as string)
    .sort();
}

/** A shell the test needs: missing is a failure with the fix, never a silent skip (.ci/run installs it). */
const needTmux = () => {
  throw new Error("tmux is not installed: apt-get install tmux (.ci/run does)");
};
const has = (shell: string) => {
  if (spawnSync(shell, ["-c", "true"]).status === 0) return true;
  throw new Error(`${shell} is not installed: apt-get install ${shell} (.ci/run does)`);
};

/** The cases every shell must agree on: what is typed, and exactly what is offered. */
const CASES: Array<[string, string[]]> = [
  // Aliases of several words ("shopping cart", "cache hierarchy") are typed as words:
  // in the form of an id they would be refused as ids that are not.
  // "shuffle" is an alias of mapreduce, "linkerd" of the service mesh (both issue 24).
  ["sysdiag sh", ["sharding", "shards", "show", "shuffle"]],
  ["sysdiag show cach", ["cache-aside"]],
  ["sysdiag cach", ["cache-aside"]],
  ["sysdiag list --category da", ["data-flow", "data-processing", "databases"]],
  ["sysdiag list -c home", ["homegrown"]],
  ["sysdiag list da", ["data-flow", "data-processing", "databases"]],
  ["sysdiag show --fo", ["--force", "--format"]],
  ["sysdiag show -f ", [...FORMATS].sort()],
  ["sysdiag random --format s", ["svg"]],
  // Its alias "Zebra Pipe" is typed as words: "zebra-pipe" would be refused as an id.
  ["sysdiag show zeb", ["zebra-ingest"]],
  ["sysdiag zebra-i", ["zebra-ingest"]],
  ["sysdiag --ascii li", ["linkerd", "lint", "list"]],
  ["sysdiag --no-color show cqrs sag", ["saga", "sagas"]],
  // A tag of several words is offered in the form list -t takes it (any case and spacing).
  ["sysdiag list --tag zebra", ["zebra-stripes"]],
  ["sysdiag list -c homegrown -t zeb", ["zebra-stripes"]],
  ["sysdiag completion ", ["bash", "fish", "zsh"]],
  ["sysdiag help ra", ["random"]],
  ["sysdiag search --limit 3 ", []],
  ["sysdiag show --format json -- cq", ["cqrs"]],
  ["sysdiag tips ", []],
  ["sysdiag __compl", []],
];

describe("sysdiag completion and __complete", () => {
  it("refuse a shell or a kind they do not know (exit 2)", () => {
    expectOneLineError(
      spawnCli(["completion", "tcsh"]),
      2,
      /no completion for 'tcsh'; shells are: bash, zsh, fish/,
    );
    expectOneLineError(spawnCli(["__complete", "files"]), 2, /kinds are: diagrams, categories/);
  });

  it("__complete reads the catalog SYSDIAG_CATALOG names", () => {
    const result = spawnCli(["__complete", "categories"], {
      env: { SYSDIAG_CATALOG: userCatalog },
    });
    expect(result.stdout).toBe(
      `${[...catalog.categories.map((c) => c.id), "homegrown"].join("\n")}\n`,
    );
  });
});

describe.runIf(has("bash"))("bash", () => {
  it.each(CASES)("%j offers %j", (line, expected) => {
    expect(bash(line)).toEqual(expected);
  });

  it("offers the global options, and --version only before a command", () => {
    expect(bash("sysdiag --")).toEqual(
      [
        "--ascii",
        "--catalog",
        "--color",
        "--help",
        "--no-color",
        "--no-pager",
        "--strict",
        "--unicode",
        "--version",
      ].sort(),
    );
    expect(bash("sysdiag list --")).toEqual([
      "--ascii",
      "--catalog",
      "--category",
      "--color",
      "--help",
      "--ids",
      "--json",
      "--no-color",
      "--no-pager",
      "--strict",
      "--tag",
      "--unicode",
    ]);
  });

  it("offers no option after --", () => {
    expect(bash("sysdiag show -- --fo")).toEqual([]);
  });

  it("completes file names for --output and lint's files", () => {
    mkdirSync(join(dir, "docs"), { recursive: true });
    writeFileSync(join(dir, "docs", "design.md"), "");
    expect(bash(`sysdiag show cqrs -o ${dir}/docs/de`)).toEqual([`${dir}/docs/design.md`]);
    expect(bash(`sysdiag lint ${dir}/docs/`)).toEqual([`${dir}/docs/design.md`]);
  });

  it("offers a file name as it is: never expanded as a pattern", () => {
    const glob = join(dir, "glob");
    mkdirSync(glob, { recursive: true });
    for (const name of ["[ab].md", "a.md", "b.md", "*.md", "my file.md"]) {
      writeFileSync(join(glob, name), "");
    }
    expect(bash(`sysdiag lint ${glob}/[`)).toEqual([`${glob}/[ab].md`]);
    expect(bash(`sysdiag lint ${glob}/*`)).toEqual([`${glob}/*.md`]);
    expect(bash(`sysdiag show cqrs -o ${glob}/m`)).toEqual([`${glob}/my file.md`]);
  });

  it("completes --format=<value> as bash splits it at the '='", () => {
    // bash's COMP_WORDS for `--format=m` are `--format`, `=`, `m`; readline replaces only `m`.
    const driver = `source ${bashScript}
COMP_WORDS=(sysdiag show --format = m) COMP_CWORD=4
_sysdiag; printf '%s\\n' "\${COMPREPLY[@]}"
COMP_WORDS=(sysdiag show --format = md cq) COMP_CWORD=5
_sysdiag; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const result = spawnSync("bash", ["--norc", "--noprofile", "-c", driver], {
      encoding: "utf8",
      env,
    });
    expect(result.stdout).toBe("md\nmermaid\ncqrs\n");
  });
});

describe.runIf(has("fish"))("fish", () => {
  it.each(CASES)("%j offers %j", (line, expected) => {
    expect(fish(line)).toEqual(expected);
  });

  it("describes commands and options", () => {
    const result = spawnSync(
      "fish",
      ["--no-config", "-c", `source ${script("fish")}; complete -C 'sysdiag show --fo'`],
      { encoding: "utf8", env },
    );
    expect(result.stdout).toContain(`--format\t${FORMAT_HELP}\n`);
  });

  it("completes --format=<value>", () => {
    expect(fish("sysdiag show --format=j")).toEqual(["--format=json"]);
  });
});

/**
 * zsh and the installs docs/commands.md gives, in a real terminal: the script where
 * each shell looks for completions, a key press of Tab, and the screen read back.
 */
describe.runIf(has("zsh") && has("fish") && has("bash") && (hasTmux || needTmux()))(
  "in a terminal",
  () => {
    let tmux: Tmux | undefined;
    afterEach(() => tmux?.kill());

    const zdot = join(dir, "zdot");
    mkdirSync(join(zdot, "functions"), { recursive: true });
    writeFileSync(join(zdot, "functions", "_sysdiag"), spawnCli(["completion", "zsh"]).stdout);
    writeFileSync(
      join(zdot, ".zshrc"),
      `PS1='zsh> '\nfpath=(${zdot}/functions $fpath)\nautoload -Uz compinit && compinit -u -D\n`,
    );
    const fishConfig = join(dir, "config");
    mkdirSync(join(fishConfig, "fish", "completions"), { recursive: true });
    writeFileSync(
      join(fishConfig, "fish", "completions", "sysdiag.fish"),
      spawnCli(["completion", "fish"]).stdout,
    );
    writeFileSync(
      join(fishConfig, "fish", "config.fish"),
      "set -g fish_greeting\nfunction fish_prompt; echo -n 'fish> '; end\n",
    );
    writeFileSync(join(dir, "bashrc"), `PS1='bash> '\nsource ${bashScript}\n`);

    const shells: Record<string, string> = {
      zsh: `ZDOTDIR=${zdot} zsh -i`,
      bash: `bash --noprofile --rcfile ${dir}/bashrc -i`,
      fish: `XDG_CONFIG_HOME=${fishConfig} fish -i`,
    };

    /** Starts `shell` in a terminal and types `text` at its prompt. */
    async function typed(shell: string, text: string): Promise<Tmux> {
      const term = new Tmux();
      tmux = term;
      term.start(shells[shell] as string, 100, 30, env);
      // tmux trims the blank after the prompt.
      await term.waitFor(new RegExp(`^${shell}>`, "m"));
      term.keys("-l", text);
      await term.waitFor(new RegExp(`${shell}> ${literal(text)}`));
      return term;
    }

    const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

    it.each(["zsh", "bash", "fish"])(
      "%s: sysdiag categ<Tab> completes the command",
      async (shell) => {
        const term = await typed(shell, "sysdiag categ");
        term.keys("Tab");
        await term.waitFor(new RegExp(`^${shell}> sysdiag categories$`, "m"));
      },
    );

    it.each(["zsh", "bash", "fish"])("%s: a user's own diagram completes", async (shell) => {
      const term = await typed(shell, "sysdiag show zebra-i");
      term.keys("Tab");
      await term.waitFor(new RegExp(`^${shell}> sysdiag show zebra-ingest$`, "m"));
    });

    it("zsh: sysdiag sh<Tab> lists the command, described, and the diagrams", async () => {
      const term = await typed("zsh", "sysdiag sh");
      term.keys("Tab");
      await term.waitFor(/show\s+-- print diagrams by id/);
      await term.waitFor(/sharding\s+shards/);
    });

    it("zsh: show --fo<Tab> inserts the common part, a second Tab lists both", async () => {
      const term = await typed("zsh", "sysdiag show --fo");
      term.keys("Tab");
      await term.waitFor(/^zsh> sysdiag show --for$/m);
      term.keys("Tab");
      await term.waitFor(/--force\s+-- with --output/);
      await term.waitFor(/--format\s+-- text \(framed\)/);
    });

    it("zsh: list --category da<Tab><Tab> lists the categories", async () => {
      const term = await typed("zsh", "sysdiag list --category da");
      term.keys("Tab");
      await term.waitFor(/^zsh> sysdiag list --category data$/m);
      term.keys("Tab");
      await term.waitFor(/data-flow\s+data-processing\s+databases/);
    });

    it("zsh: list --tag zeb<Tab> completes the tag", async () => {
      const term = await typed("zsh", "sysdiag list --tag zeb");
      term.keys("Tab");
      await term.waitFor(/^zsh> sysdiag list --tag zebra-stripes$/m);
    });

    it("zsh: show --format=j<Tab> completes the value after the '='", async () => {
      const term = await typed("zsh", "sysdiag show --format=j");
      term.keys("Tab");
      await term.waitFor(/^zsh> sysdiag show --format=json$/m);
    });
  },
);
