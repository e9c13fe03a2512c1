import { chmodSync, chownSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StaleStore } from "../../src/catalog/store-file.js";
import { openStore } from "../../src/catalog/store-reader.js";
import { encodeStore } from "../../src/catalog/store-writer.js";
import { looksLikeId, normalizeName } from "../../src/core/names.js";
import type { Catalog, Entry } from "../../src/core/types.js";
import { buildIndex, type SearchIndex } from "../../src/search/inverted-index.js";
import { rank } from "../../src/search/rank.js";
import { resolveName } from "../../src/search/resolve.js";
import { catalog } from "../helpers.js";
import { type Forged, forge } from "./forge-store.js";

const dir = mkdtempSync(join(tmpdir(), "sysdiag-store-"));

/** The shipped catalog plus entries made to fight over names, as a merged catalog is. */
const merged: Catalog = {
  ...catalog,
  diagrams: [
    ...catalog.diagrams.map((d) => ({ ...d, source: "built-in" })),
    {
      ...(catalog.diagrams[0] as Entry),
      id: "mine",
      // An alias that is another diagram's id, and a title that is another's alias.
      aliases: [catalog.diagrams[1]?.id ?? "", "Only Mine"],
      title: catalog.diagrams[2]?.aliases[0] ?? "x",
      original: "┌┐\n└┘ before",
      source: "/home/me/my.md",
      overrides: "built-in",
      line: 7,
    },
    {
      ...(catalog.diagrams[3] as Entry),
      id: "also-mine",
      aliases: ["only mine"],
      source: "/home/me/other.md",
      line: 1,
    },
  ],
};

function write(name: string, contents = merged, key = "k") {
  const path = join(dir, name);
  const index = buildIndex(contents);
  writeFileSync(
    path,
    encodeStore(
      { catalog: contents, reports: [], index: () => index },
      { key, builtAt: 1, hashes: { a: "b" } },
    ),
  );
  return path;
}

/** Every word of an index, in order. */
const wordsOf = (index: SearchIndex) =>
  Array.from({ length: index.words.length }, (_, at) => index.words.at(at));

const never = () => {
  throw new Error("the store was taken for damaged");
};

describe("a compiled store", () => {
  it("gives back the catalog it was made of, key order and all", () => {
    const store = openStore(write("round.store"), "k", never);
    expect(JSON.stringify(store.catalog)).toBe(JSON.stringify(merged));
    expect(store.catalog.diagrams.map((d) => Object.keys(d))).toEqual(
      merged.diagrams.map((d) => Object.keys(d)),
    );
    expect(store.stamp).toEqual({
      key: "k",
      builtAt: 1,
      hashes: { a: "b" },
      size: expect.any(Number),
    });
  });

  it("gives back the index it was made of, word by word", () => {
    const built = buildIndex(merged);
    const index = openStore(write("index.store"), "k", never).index();
    expect(wordsOf(index)).toEqual(built.words);
    expect(Array.from(index.fuzzy)).toEqual(built.fuzzy);
    expect(index.ids).toEqual(built.ids);
    for (let at = 0; at < built.words.length; at++) {
      expect(index.postings.at(at)).toEqual(built.postings[at]);
    }
  });

  it("ranks as the index it was made of", async () => {
    const store = openStore(write("rank.store"), "k", never);
    for (const query of ["replication", "cach asid", "kafka queue", "mine", "two phase"]) {
      const a = await rank(merged, query, buildIndex(merged));
      const b = await rank(store.catalog, query, store.index());
      expect(b.map((r) => [r.entry.id, r.score, r.matches])).toEqual(
        a.map((r) => [r.entry.id, r.score, r.matches]),
      );
    }
  });

  it("ranks from its entries read by position as from the whole catalog, reading only the results", async () => {
    for (const query of ["replication", "cach asid", "kafka queue", "mine", "only mine", "2pc"]) {
      const store = openStore(join(dir, "rank.store"), "k", never);
      const a = await rank(merged, query, buildIndex(merged), 5);
      const b = await rank(store.entries(), query, store.index(), 5);
      expect(
        b.map((r) => [JSON.stringify(r.entry), r.score, r.matches]),
        query,
      ).toEqual(a.map((r) => [JSON.stringify(r.entry), r.score, r.matches]));
    }
  });

  it("lists every entry's id, title, category and source without the rest", () => {
    const store = openStore(write("listing.store"), "k", never);
    const { categories, entries } = store.listing();
    expect(categories).toEqual(merged.categories);
    expect(entries).toEqual(
      merged.diagrams.map(({ id, title, category, categoryId, source, overrides }) => ({
        id,
        title,
        category,
        categoryId,
        source,
        ...(overrides !== undefined ? { overrides } : {}),
      })),
    );
    // Titles and ids outside ASCII come back whole (their ends are counted in UTF-16).
    const odd: Catalog = {
      ...merged,
      diagrams: merged.diagrams.map((d, i) =>
        i === 1 ? { ...d, title: "Café 🚀 Kafka — naïve" } : d,
      ),
    };
    const again = openStore(write("odd.store", odd), "k", never);
    expect(again.listing().entries.map((e) => e.title)).toEqual(odd.diagrams.map((d) => d.title));
    expect(JSON.stringify(again.entries().at(1))).toBe(JSON.stringify(odd.diagrams[1]));
  });

  it("gives each entry by position as the whole catalog has it, one object for one diagram", () => {
    const store = openStore(write("entries.store"), "k", never);
    const entries = store.entries();
    expect(entries.length).toBe(merged.diagrams.length);
    expect(entries.at(-1)).toBeUndefined();
    expect(entries.at(merged.diagrams.length)).toBeUndefined();
    const early = merged.diagrams.map((_, doc) => entries.at(doc));
    expect(early.map((e) => JSON.stringify(e))).toEqual(
      merged.diagrams.map((d) => JSON.stringify(d)),
    );
    expect(early.map((e) => Object.keys(e ?? {}))).toEqual(
      merged.diagrams.map((d) => Object.keys(d)),
    );
    expect(store.named("mine")).toBe(entries.at(merged.diagrams.length - 2));
    // The whole catalog, read afterwards, holds the same objects.
    expect(store.catalog.diagrams).toEqual(early);
    store.catalog.diagrams.forEach((d, doc) => {
      expect(d).toBe(early[doc]);
    });
  });

  it("picks for each exact name the entry resolveName picks, reading one row", async () => {
    const names = merged.diagrams.flatMap((d) => [d.id, d.title, ...d.aliases]);
    for (const name of [...names, "ONLY  mine", "no such name at all", ""]) {
      // A fresh store each time: the name must come from its table, not from entries read already.
      const store = openStore(join(dir, "round.store"), "k", never);
      const named = store.named(name);
      const key = normalizeName(name);
      // The exact match resolveName starts from (which then refuses an alias written as an
      // id): an id first, then a title or an alias.
      const spelled = (d: (typeof merged.diagrams)[number]) =>
        [d.title, ...d.aliases].some((n) => normalizeName(n) === key);
      const exact =
        key === ""
          ? undefined
          : (merged.diagrams.find((d) => d.id === key) ?? merged.diagrams.find(spelled));
      if (exact && !looksLikeId(name)) {
        expect((await resolveName(merged, name)).id, name).toBe(exact.id);
      }
      expect(named?.id, name).toBe(exact?.id);
      if (named) expect(JSON.stringify(named)).toBe(JSON.stringify(exact));
    }
  });

  it("is refused when built from other sources, of another format, or not a store", () => {
    const path = write("key.store", merged, "sources as they were");
    expect(() => openStore(path, "sources as they are", never)).toThrow(StaleStore);
    const other = join(dir, "other.store");
    writeFileSync(other, "SYSDIAG STORE 1\n....{}");
    expect(() => openStore(other, "k", never)).toThrow(StaleStore);
    writeFileSync(other, "");
    expect(() => openStore(other, "k", never)).toThrow(StaleStore);
    expect(() => openStore(join(dir, "absent.store"), "k", never)).toThrow(StaleStore);
  });

  /** The byte offsets of each part, from the header. */
  function parts(path: string) {
    const bytes = readFileSync(path);
    const length = bytes.readUInt32LE(16);
    const header = JSON.parse(bytes.subarray(20, 20 + length).toString());
    const data = (20 + length + 7) & ~7;
    return { bytes, header, data };
  }

  function damage(path: string, at: number) {
    const bytes = readFileSync(path);
    bytes[at] = (bytes[at] as number) ^ 0x5a;
    writeFileSync(path, bytes);
  }

  it("is refused when its header or metadata is damaged", () => {
    const path = write("meta.store");
    const { data, header } = parts(path);
    damage(path, data + header.meta[0] + 5);
    expect(() => openStore(path, "k", never)).toThrow(StaleStore);
    const cut = write("cut.store");
    writeFileSync(cut, readFileSync(cut).subarray(0, 40));
    expect(() => openStore(cut, "k", never)).toThrow(StaleStore);
  });

  it("tells two flipped top bits in one part (a plain multiply would let them cancel)", async () => {
    const built = buildIndex(merged);
    const path = write("pair.store");
    const { data, header } = parts(path);
    // The top bit of the first two entry numbers of the postings: both flipped.
    const bytes = readFileSync(path);
    const at = data + header.postings[0];
    bytes[at + 3] = (bytes[at + 3] as number) ^ 0x80;
    bytes[at + 11] = (bytes[at + 11] as number) ^ 0x80;
    writeFileSync(path, bytes);
    let asked = 0;
    const store = openStore(path, "k", () => {
      asked++;
      return { catalog: merged, index: () => built };
    });
    const index = store.index();
    for (let i = 0; i < built.words.length; i++) {
      expect(Array.from(index.postings.at(i) ?? [])).toEqual(built.postings[i]);
    }
    expect(asked).toBe(1);
  });

  describe("drawings, read ahead when read in order", () => {
    // Over four read-ahead windows of drawings, one of them larger than a window.
    const wide = `┌${"─".repeat(70_000)}┐\n└${"─".repeat(70_000)}┘`;
    const many: Catalog = {
      ...merged,
      diagrams: Array.from({ length: 120 }, (_, n) => {
        // Only every third has an `original`, whatever the shipped entry it copies has.
        const { original: _original, ...d } = merged.diagrams[n % merged.diagrams.length] as Entry;
        return {
          ...d,
          id: `d${n}`,
          aliases: [],
          diagram: n === 60 ? wide : `${d.diagram}\n${"─".repeat(n * 13)} ${n}`,
          ...(n % 3 === 0 ? { original: `┌┐ ${n}\n└┘` } : {}),
        };
      }),
    };
    const orders = {
      "in order": many.diagrams.map((_, n) => n),
      backwards: many.diagrams.map((_, n) => many.diagrams.length - 1 - n),
      shuffled: many.diagrams.map((_, n) => (n * 37) % many.diagrams.length),
    };

    it.each(Object.entries(orders))("gives every drawing whole, %s", (_, order) => {
      const store = openStore(write("ahead.store", many), "k", never);
      const entries = store.entries();
      for (const n of order) {
        const expected = many.diagrams[n] as Entry;
        const entry = entries.at(n);
        expect(entry?.diagram, `d${n}`).toBe(expected.diagram);
        expect(entry?.original, `d${n}`).toBe(expected.original);
      }
    });

    it("reads the drawings before a cut from the store, and only the cut one from the sources", () => {
      const path = write("cut-ahead.store", many);
      const { bytes, data, header } = parts(path);
      const [at, length] = header.bodies as [number, number];
      expect(data + at + length).toBe(bytes.length);
      // Cut inside the last drawing: every earlier one lies whole before the cut.
      writeFileSync(path, bytes.subarray(0, bytes.length - 3));
      const last = many.diagrams.length - 1;
      let asked = 0;
      const store = openStore(path, "k", () => {
        asked++;
        return { catalog: many, index: () => buildIndex(many) };
      });
      const entries = store.entries();
      for (let n = 0; n < last; n++) {
        expect(entries.at(n)?.diagram, `d${n}`).toBe(many.diagrams[n]?.diagram);
      }
      expect(asked).toBe(0);
      expect(entries.at(last)?.diagram).toBe(many.diagrams[last]?.diagram);
      expect(asked).toBe(1);
    });
  });

  it("asks the sources for what is damaged after opening: any part but the header and metadata", async () => {
    const built = buildIndex(merged);
    // Made once, as the sources' index is (open-catalog.ts): made again for each word of a
    // damaged block, it took the test past its timeout once the catalog grew.
    let again: ReturnType<typeof buildIndex> | undefined;
    const fresh = { catalog: merged, index: () => (again ??= buildIndex(merged)) };
    // Whether reading what follows meets the damage (and so asks the sources once).
    // (A damaged listing is made from the rows, which hold all it does.)
    const asks = {
      listing: 0,
      rows: 1,
      offsets: 0,
      names: 0,
      words: 1,
      lexicon: 1,
      postings: 1,
      bodies: 1,
    };
    for (const [part, expected] of Object.entries(asks)) {
      const path = write(`${part}.store`);
      const { data, header } = parts(path);
      damage(path, data + header[part][0] + 3);
      let asked = 0;
      const store = openStore(path, "k", () => {
        asked++;
        return fresh;
      });
      // What is read comes out right whatever part was damaged.
      const id = merged.diagrams[0]?.id as string;
      const named = store.named(id);
      if (named) expect(named.diagram).toBe(merged.diagrams[0]?.diagram);
      const entry = store.entries().at(0);
      expect(entry?.id, part).toBe(id);
      expect(store.listing().entries.map((e) => e.id)).toEqual(merged.diagrams.map((d) => d.id));
      const index = store.index();
      expect(wordsOf(index)).toEqual(built.words);
      for (let at = 0; at < built.words.length; at++) {
        expect(Array.from(index.postings.at(at) ?? []), `${part} ${at}`).toEqual(
          built.postings[at],
        );
      }
      expect(store.catalog.diagrams.map((d) => d.diagram)).toEqual(
        merged.diagrams.map((d) => d.diagram),
      );
      expect(JSON.stringify(store.catalog)).toBe(JSON.stringify(merged));
      expect(asked, part).toBe(expected);
    }
  });
});

describe("a store of the wrong shape, its checksums made to match", () => {
  const fresh = { catalog: merged, index: () => buildIndex(merged) };
  const good = readFileSync(write("shape-good.store"));
  const first = merged.diagrams[0] as Entry;

  /** A forged store at a path of its own. */
  function forged(name: string, edit: (store: Forged) => void): string {
    const path = join(dir, `${name.replace(/\W+/g, "-")}.store`);
    writeFileSync(path, forge(good, edit), { mode: 0o600 });
    return path;
  }

  const row = (edit: (row: unknown[]) => void) => (store: Forged) => {
    edit(store.rows[0] as unknown[]);
  };
  // Each a row a checksum cannot tell from a good one, and a reader that trusts it crashes on.
  const rows: Array<[string, (store: Forged) => void]> = [
    ["an id that is a number", row((r) => (r[0] = 5))],
    ["an id that is not kebab-case", row((r) => (r[0] = "Not An Id"))],
    ["an empty title", row((r) => (r[1] = ""))],
    ["a category past the table", row((r) => (r[2] = 999))],
    ["aliases that are a number", row((r) => (r[3] = 5))],
    ["tags that hold a number", row((r) => (r[4] = ["a", 1]))],
    ["a summary that is null", row((r) => (r[5] = null))],
    ["related that is a string", row((r) => (r[6] = "x"))],
    ["a line that is a string", row((r) => (r[7] = "7"))],
    ["a source past the table", row((r) => (r[8] = 999))],
    ["an overridden source past the table", row((r) => (r[9] = 999))],
    ["a drawing past the bodies", row((r) => (r[10] = [0, 4_000_000_000, 0]))],
    ["a drawing that is not a span", row((r) => (r[10] = "┌┐"))],
    ["an original that is a number", row((r) => (r[11] = 1))],
    ["eleven fields", row((r) => r.pop())],
    [
      "a row that is not an array",
      (store) => {
        store.rows[0] = 5;
      },
    ],
    [
      "a row that is null",
      (store) => {
        store.rows[0] = null;
      },
    ],
    [
      "fewer rows than entries",
      (store) => {
        store.rows.pop();
      },
    ],
  ];

  it.each(rows)("reads the entry from the sources for a row with %s", (name, edit) => {
    const path = forged(name, edit);
    let asked = 0;
    const recover = () => {
      asked++;
      return fresh;
    };
    // By name (show), by position (search's results), listed (list), whole (lint).
    const byName = openStore(path, "k", recover).named(first.id);
    if (byName) expect(byName.diagram).toBe(first.diagram);
    const entry = openStore(path, "k", recover).entries().at(0);
    expect(entry?.id).toBe(first.id);
    expect(entry?.aliases).toEqual(first.aliases);
    const store = openStore(path, "k", recover);
    expect(store.listing().entries.map((e) => [e.id, e.source])).toEqual(
      merged.diagrams.map((d) => [d.id, d.source]),
    );
    expect(JSON.stringify(openStore(path, "k", recover).catalog)).toBe(JSON.stringify(merged));
    expect(asked).toBeGreaterThan(0);
  });

  it("reads a listing pointing past its tables from the rows", () => {
    const path = forged("listing", (store) => {
      const listing = Buffer.from(store.parts.listing);
      const view = new Uint32Array(listing.buffer, listing.byteOffset, 1);
      const n = view[0] as number;
      // The first entry's category, then the second's source.
      listing.writeUInt32LE(999, 4 * (1 + 2 * n));
      listing.writeUInt32LE(999, 4 * (1 + 3 * n + 1));
      store.parts.listing = listing;
    });
    const listed = openStore(path, "k", never).listing().entries;
    expect(listed.map((e) => [e.id, e.category, e.source])).toEqual(
      merged.diagrams.map((d) => [d.id, d.category, d.source]),
    );
  });

  // Each a header or metadata a checksum cannot tell: the store is stale (rebuilt).
  const stale: Array<[string, (store: Forged) => void]> = [
    ["hashes that are null", (s) => (s.header.hashes = null)],
    ["a hash that is a number", (s) => (s.header.hashes = { a: 1 })],
    ["a build time that is text", (s) => (s.header.builtAt = "now")],
    ["a part at a negative offset", (s) => (s.header.rows = [-8, 10, "0"])],
    ["a part's length in text", (s) => (s.header.listing = [0, "10", "0"])],
    ["bodies' length in text", (s) => (s.header.bodies = [0, "10"])],
    ["a part of two numbers where three are", (s) => (s.header.meta = [0, 10])],
    ["reports that are null", (s) => (s.meta.reports = null)],
    ["a report without problems", (s) => (s.meta.reports = [{ path: "x", origin: "user" }])],
    ["categories of numbers", (s) => (s.meta.categories = [[1, 2]])],
    ["sources of numbers", (s) => (s.meta.sources = [1])],
    ["a size below zero", (s) => (s.meta.size = -1)],
    ["no tips", (s) => delete (s.meta.catalog as Record<string, unknown>).tips],
    [
      "catalog categories that are null",
      (s) => ((s.meta.catalog as { categories: unknown }).categories = null),
    ],
    ["metadata that is an array", (s) => (s.meta = [] as unknown as Record<string, unknown>)],
  ];

  it.each(stale)("is stale with %s", (name, edit) => {
    const path = forged(name, edit);
    expect(() => openStore(path, "k", never)).toThrow(StaleStore);
  });

  it("reads from the sources what a header or a row places past the file's end", () => {
    const path = forged("past the end", (s) => {
      s.header.rows = [0, 2 ** 40, "0"];
      s.header.bodies = [0, 2 ** 40];
      (s.rows[0] as unknown[])[10] = [0, 2 ** 39, 0];
    });
    let asked = 0;
    const store = openStore(path, "k", () => {
      asked++;
      return fresh;
    });
    expect(store.entries().at(0)?.diagram).toBe(first.diagram);
    expect(JSON.stringify(store.catalog)).toBe(JSON.stringify(merged));
    expect(asked).toBe(1);
  });

  it("is not read when another user may have written it", () => {
    const path = forged("mode", () => {});
    openStore(path, "k", never);
    chmodSync(path, 0o620);
    expect(() => openStore(path, "k", never)).toThrow(/its group may write to it/);
    chmodSync(path, 0o602);
    expect(() => openStore(path, "k", never)).toThrow(/anyone may write to it/);
    chmodSync(path, 0o600);
    chownSync(path, 4321, 4321);
    expect(() => openStore(path, "k", never)).toThrow(/another user \(uid 4321\)/);
  });
});
