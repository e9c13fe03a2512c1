import { describe, expect, it } from "vitest";
import { displayPath } from "../../src/render/path.js";

describe("displayPath", () => {
  it.each([
    ["/home/u/.local/share/sysdiag/x.md", "/home/u", "~/.local/share/sysdiag/x.md"],
    ["/home/u", "/home/u", "~"],
    ["/home/u/", "/home/u/", "~/"],
    ["/home/user2/x", "/home/u", "/home/user2/x"],
    ["/etc/x", undefined, "/etc/x"],
    ["/x", "/", "/x"],
  ])("%s under %s is %s", (path, home, shown) => {
    expect(displayPath(path, home)).toBe(shown);
  });
});
