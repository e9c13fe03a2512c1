import { describe, expect, it } from "vitest";
import { checksum } from "../../src/catalog/checksum.js";

describe("checksum", () => {
  it("checksums: every single and paired bit flip of a part gives a checksum of its own", () => {
    const part = new Uint8Array(64).map((_, i) => (i * 37) & 0xff);
    const byParts = new Map<string, string>([[Buffer.from(part).toString("hex"), checksum(part)]]);
    for (let a = 0; a < part.length * 8; a++) {
      for (const b of [a, a + 1, a + 8, a + 31, a + 32, a + 64, a + 256]) {
        if (b >= part.length * 8) continue;
        const bytes = Uint8Array.from(part);
        bytes[a >> 3] = (bytes[a >> 3] as number) ^ (1 << (a & 7));
        if (b !== a) bytes[b >> 3] = (bytes[b >> 3] as number) ^ (1 << (b & 7));
        byParts.set(Buffer.from(bytes).toString("hex"), checksum(bytes));
      }
    }
    expect(byParts.size).toBeGreaterThan(3000);
    expect(new Set(byParts.values()).size).toBe(byParts.size);
  });
});
