import { describe, expect, it } from "vitest";
import { fixDocument } from "../../src/document/fix-document.js";

const slip = "┌──────┐\n│ DB    │\n└──────┘";
const mended = "┌──────┐\n│ DB   │\n└──────┘";

describe("fixDocument", () => {
  it.each([
    [
      "a fenced drawing",
      `# T\n\n\`\`\`\n${slip}\n\`\`\`\n`,
      `# T\n\n\`\`\`\n${mended}\n\`\`\`\n`,
      5,
    ],
    [
      "an indented drawing",
      `# T\n\n${slip.replace(/^/gm, "    ")}\n`,
      `# T\n\n${mended.replace(/^/gm, "    ")}\n`,
      4,
    ],
    ["a plain text file that is one drawing", `${slip}\n`, `${mended}\n`, 2],
    [
      "CRLF endings",
      `# T\r\n\r\n\`\`\`\r\n${slip.replaceAll("\n", "\r\n")}\r\n\`\`\`\r\n`,
      `# T\r\n\r\n\`\`\`\r\n${mended.replaceAll("\n", "\r\n")}\r\n\`\`\`\r\n`,
      5,
    ],
  ])("%s: repaired, the rest as it was, the line the file's", (_what, text, fixed, line) => {
    const result = fixDocument(text);
    expect(result.text).toBe(fixed);
    expect(result.repairs.map((r) => r.line)).toEqual([line]);
  });

  it.each([
    ["a code block that is no drawing", "# T\n\n```sh\nnpm install\n```\n"],
    ["a clean drawing", `# T\n\n\`\`\`\n${mended}\n\`\`\`\n`],
    ["prose", "Just words.\n"],
  ])("leaves %s alone", (_what, text) => {
    expect(fixDocument(text)).toEqual({ text, repairs: [] });
  });
});
