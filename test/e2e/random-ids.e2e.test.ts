import { describe, expect, it } from "vitest";
import { catalog, expectOneLineError, spawnCli as sysdiag } from "../helpers.js";

describe("sysdiag random", () => {
  it("--seed repeats, and prints the pick exactly as show does", () => {
    const first = sysdiag(["random", "--seed", "7"]);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(sysdiag(["random", "--seed", "7"]).stdout).toBe(first.stdout);
    const id = JSON.parse(sysdiag(["random", "--seed", "7", "--format", "json"]).stdout).id;
    expect(first.stdout).toBe(sysdiag(["show", id]).stdout);
    expect(sysdiag(["random", "--seed", "7", "-f", "txt"]).stdout).toBe(
      sysdiag(["show", id, "--raw"]).stdout,
    );
  });

  it("different seeds pick different diagrams, and no seed varies", () => {
    const ids = (args: string[]) =>
      JSON.parse(sysdiag(["random", ...args, "-f", "json"]).stdout).id;
    const seeded = new Set(["1", "2", "3", "4", "5", "6"].map((s) => ids(["--seed", s])));
    expect(seeded.size).toBeGreaterThan(2);
    const unseeded = new Set(Array.from({ length: 6 }, () => ids([])));
    expect(unseeded.size).toBeGreaterThan(1);
  });

  it("--category picks only from that category (a near miss too)", () => {
    const caching = catalog.diagrams.filter((d) => d.categoryId === "caching").map((d) => d.id);
    for (const seed of ["1", "2", "3", "4", "5"]) {
      const result = sysdiag(["random", "--category", "cachng", "--seed", seed, "-f", "json"]);
      expect(caching).toContain(JSON.parse(result.stdout).id);
    }
  });

  it("refuses a bad seed (2) and an unknown category (1)", () => {
    expectOneLineError(sysdiag(["random", "--seed", "x"]), 2, /seed/);
    expectOneLineError(sysdiag(["random", "--seed", "-1"]), 2, /seed/);
    expectOneLineError(sysdiag(["random", "-c", "nothing-like-it"]), 1, /no category/);
  });
});

describe("sysdiag list --ids", () => {
  it("prints the ids list shows, in its order, one a line, nothing else", () => {
    const listed = sysdiag(["list"])
      .stdout.split("\n")
      .filter((line) => line.startsWith("  "))
      .map((line) => line.trim().split(/\s+/)[0]);
    const result = sysdiag(["list", "--ids"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(`${listed.join("\n")}\n`);
    expect(listed).toHaveLength(catalog.diagrams.length);
  });

  it("is never coloured, and filters by category", () => {
    const result = sysdiag(["list", "--ids", "--color", "--category", "caching"]);
    expect(result.stdout).toBe(
      "cache-aside\nwrite-through\nwrite-back\nmulti-level-cache\nread-through\n",
    );
    const databases = catalog.diagrams.filter((d) => d.categoryId === "databases");
    expect(databases.length).toBeGreaterThan(5);
    expect(sysdiag(["list", "databases", "--ids"]).stdout).toBe(
      `${databases.map((d) => d.id).join("\n")}\n`,
    );
  });

  it("does not go with --json", () => {
    expectOneLineError(sysdiag(["list", "--ids", "--json"]), 2, /ids.*json|json.*ids/);
  });
});
