import { describe, expect, it } from "vitest";
import { fileFor, withoutSection } from "../../src/catalog/user.js";

describe("fileFor", () => {
  it("names a diagram's file in the data directory", () => {
    expect(fileFor("/data", "cache-aside")).toBe("/data/cache-aside.md");
  });

  it.each(["../x", "/etc/passwd", "a/b", "x\u0000", "con", "NUL", "a".repeat(65), "", "A"])(
    "refuses %j",
    (id) => {
      expect(() => fileFor("/data", id)).toThrow(/cannot be a diagram id/);
    },
  );
});

describe("withoutSection", () => {
  const doc = "## C\n\n### A\n```\n## not a heading\n```\n\n### B\n```\n┌┐\n```\n";
  it("removes one diagram's section, up to the next heading", () => {
    expect(withoutSection(doc, 3)).toBe("## C\n\n### B\n```\n┌┐\n```\n");
  });
  it("removes the last section to the end", () => {
    expect(withoutSection(doc, 8)).toBe("## C\n\n### A\n```\n## not a heading\n```\n");
  });
});
