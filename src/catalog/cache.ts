import { closeSync, openSync, readSync } from "node:fs";
import type { SearchIndex } from "../search/inverted-index.js";
import type { Catalog, Entry } from "../types.js";
import { normalizeName } from "./names.js";
import type { SourceReport } from "./store.js";

/**
 * A compiled catalog: what a command reads of it, in parts. One file holds a
 * header (what it was built from, where each part is, a checksum of each), the
 * metadata of every entry (small: no drawings), the search index in typed arrays,
 * and the drawings, each read by its offset only when an entry's `diagram` is.
 * With 10,000 diagrams a `show` reads the metadata and one drawing instead of
 * decoding and parsing 25 MB of sources.
 *
 * Nothing in it is trusted blindly: a wrong magic, format, key or checksum makes
 * the store unusable (and the caller rebuilds it); a drawing whose checksum fails
 * is asked of `recover`, which rebuilds from the sources.
 */

const MAGIC = "SYSDIAG STORE 3\n";
const HEAD = MAGIC.length + 4;

export interface StoreContents {
  catalog: Catalog;
  reports: SourceReport[];
  /** Read (and checked) on first call: `show` and `list` never need it. */
  index: () => SearchIndex;
}

/** What a store was built from and when, checked before it is used. */
export interface StoreKey {
  /** Everything the store depends on, compared whole (sources' sizes and times, the code). */
  key: string;
  /** When the build began (ms): a source changed within a clock tick of it is checked by content. */
  builtAt: number;
  /** Content hashes of the source files, for that check. */
  hashes: Record<string, string>;
}

/** A part of the store: offset from the end of the header, length, checksum. */
type Section = [number, number, string];

interface Header extends StoreKey {
  /** Small JSON: the catalog's own fields, the reports, the category and source tables. */
  meta: Section;
  /** A JSON array of every entry's Row. */
  rows: Section;
  /** Binary: where each row is in `rows` (and its FNV-1a), and every exact name's row. */
  table: Section;
  index: Section;
  /** Drawings, each checked by the FNV-1a its row holds. */
  bodies: [number, number];
}

/** A drawing's place among the bodies: offset, length in bytes, FNV-1a. */
type Span = [number, number, number];

/** An entry's metadata; its category and source are positions in the tables beside the rows. */
type Row = [
  id: string,
  title: string,
  category: number,
  aliases: string[],
  tags: string[],
  summary: string,
  related: string[],
  line: number,
  source: number,
  overrides: string | null,
  body: Span,
  original: Span | null,
];

/**
 * A 64-bit checksum of bytes, four at a time in two lanes: it tells a damaged or
 * changed part, which is all it is for. Not node:crypto, whose loading (streams
 * and all) costs a `show` 4 ms more than its hashing saves.
 */
export function checksum(bytes: Uint8Array): string {
  let a = 0x811c9dc5 ^ bytes.length;
  let b = 0x01000193;
  const words = bytes.length >>> 2;
  const aligned =
    bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, words) : undefined;
  for (let i = 0; i < words; i++) {
    const at = i * 4;
    const w = aligned
      ? (aligned[i] as number)
      : ((bytes[at] as number) |
          ((bytes[at + 1] as number) << 8) |
          ((bytes[at + 2] as number) << 16) |
          ((bytes[at + 3] as number) << 24)) >>>
        0;
    a = Math.imul(a ^ w, 0x9e3779b1);
    a = (a << 13) | (a >>> 19);
    b = Math.imul(b ^ w, 0x85ebca77);
    b = (b << 17) | (b >>> 15);
  }
  for (let at = words * 4; at < bytes.length; at++) {
    a = Math.imul(a ^ (bytes[at] as number), 0x9e3779b1);
    b = Math.imul(b ^ (bytes[at] as number), 0x85ebca77);
  }
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/** FNV-1a: a drawing's checksum, cheap enough to take on every read of one. */
function fnv(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i] as number;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const pad8 = (n: number) => (n + 7) & ~7;

/** The search index as typed arrays: read back with no parsing, words as one string. */
function encodeIndex(index: SearchIndex, size: number): Uint8Array {
  const words = Buffer.from(index.words.join("\n"));
  if (index.words.some((w) => w.includes("\n"))) throw new Error("a word holds a line break");
  let triples = 0;
  for (let at = 0; at < index.words.length; at++)
    triples += (index.postings.at(at)?.length ?? 0) / 3;
  const W = index.words.length;
  const u32 = 4 + (W + 1) + triples * 2 + index.fuzzy.length;
  const out = new Uint8Array(u32 * 4 + triples + words.length);
  const view = new Uint32Array(out.buffer, 0, u32);
  view.set([W, triples, index.fuzzy.length, words.length]);
  const starts = 4;
  const docs = starts + W + 1;
  const weights = docs + triples;
  const fuzzy = weights + triples;
  const fields = new Uint8Array(out.buffer, u32 * 4, triples);
  let t = 0;
  for (let at = 0; at < W; at++) {
    view[starts + at] = t;
    const list = index.postings.at(at) ?? [];
    for (let p = 0; p < list.length; p += 3, t++) {
      const doc = list[p] as number;
      if (doc >= size) throw new Error("a posting names no entry");
      view[docs + t] = doc;
      fields[t] = list[p + 1] as number;
      // Weights are kept to thousandths (buildIndex rounds them): k / 1000 is the same double.
      view[weights + t] = Math.round((list[p + 2] as number) * 1000);
    }
  }
  view[starts + W] = t;
  view.set(index.fuzzy, fuzzy);
  out.set(words, u32 * 4 + triples);
  return out;
}

function decodeIndex(bytes: Uint8Array, ids: string[]): SearchIndex {
  const [W = 0, T = 0, F = 0, B = 0] = new Uint32Array(bytes.buffer, bytes.byteOffset, 4);
  const u32 = 4 + (W + 1) + T * 2 + F;
  if (u32 * 4 + T + B !== bytes.length) throw new Error("index section of the wrong size");
  const view = new Uint32Array(bytes.buffer, bytes.byteOffset, u32);
  const starts = view.subarray(4, 4 + W + 1);
  const docs = view.subarray(4 + W + 1, 4 + W + 1 + T);
  const weights = view.subarray(4 + W + 1 + T, 4 + W + 1 + 2 * T);
  const fields = bytes.subarray(u32 * 4, u32 * 4 + T);
  const text = new TextDecoder().decode(bytes.subarray(u32 * 4 + T));
  const lists = new Map<number, number[]>();
  return {
    version: 1,
    ids,
    words: W === 0 ? [] : text.split("\n"),
    fuzzy: Array.from(view.subarray(4 + W + 1 + 2 * T)),
    postings: {
      length: W,
      at(at: number) {
        if (at < 0 || at >= W) return undefined;
        // Asked again for each result a search explains: made once a word.
        const made = lists.get(at);
        if (made) return made;
        const from = starts[at] as number;
        const to = starts[at + 1] as number;
        const list = new Array<number>((to - from) * 3);
        for (let t = from, p = 0; t < to; t++, p += 3) {
          list[p] = docs[t] as number;
          list[p + 1] = fields[t] as number;
          list[p + 2] = (weights[t] as number) / 1000;
        }
        lists.set(at, list);
        return list;
      },
    },
  };
}

/** The bytes of a store of `contents`, built from what `key` says. */
export function encodeStore(contents: StoreContents, key: StoreKey): Uint8Array {
  const bodies: Buffer[] = [];
  let offset = 0;
  const place = (text: string): Span => {
    const bytes = Buffer.from(text);
    bodies.push(bytes);
    const at = offset;
    offset += bytes.length;
    return [at, bytes.length, fnv(bytes)];
  };
  const { catalog, reports, index } = contents;
  // A path or category is written once, not once an entry: 10,000 entries from 100 files.
  const tables = { categories: [] as Array<[string, string]>, sources: [] as string[] };
  const seen = new Map<string, number>();
  const numberOf = (key: string, add: () => number) => {
    let n = seen.get(key);
    if (n === undefined) {
      n = add();
      seen.set(key, n);
    }
    return n;
  };
  const rows: Row[] = catalog.diagrams.map((e) => [
    e.id,
    e.title,
    numberOf(
      `c${e.category}\n${e.categoryId}`,
      () => tables.categories.push([e.category, e.categoryId]) - 1,
    ),
    e.aliases,
    e.tags,
    e.summary,
    e.related,
    e.line,
    numberOf(`s${e.source ?? "built-in"}`, () => tables.sources.push(e.source ?? "built-in") - 1),
    e.overrides ?? null,
    place(e.diagram),
    e.original !== undefined ? place(e.original) : null,
  ]);
  const { diagrams: _, ...rest } = catalog;
  const meta = Buffer.from(JSON.stringify({ catalog: rest, reports, ...tables }));
  const rowBytes = rows.map((row) => Buffer.from(JSON.stringify(row)));
  const rowsText = Buffer.concat([
    Buffer.from("["),
    ...rowBytes.flatMap((b, i) => (i === 0 ? [b] : [Buffer.from(","), b])),
    Buffer.from("]"),
  ]);
  const parts: Uint8Array[] = [
    meta,
    rowsText,
    encodeTable(catalog.diagrams, rowBytes),
    encodeIndex(index(), rows.length),
  ];
  // Offsets count from the first byte after the header; each part starts at a multiple
  // of 8, so that typed arrays can be laid over it.
  const at: number[] = [];
  let end = 0;
  for (const part of parts) {
    at.push(end);
    end = pad8(end + part.length);
  }
  const section = (i: number): Section => [
    at[i] as number,
    (parts[i] as Uint8Array).length,
    checksum(parts[i] as Uint8Array),
  ];
  const header: Header = {
    ...key,
    meta: section(0),
    rows: section(1),
    table: section(2),
    index: section(3),
    bodies: [end, offset],
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const data = pad8(HEAD + headerBytes.length);
  const out = Buffer.alloc(data + end + offset);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(out, HEAD);
  parts.forEach((part, i) => {
    out.set(part, data + (at[i] as number));
  });
  let to = data + end;
  for (const body of bodies) {
    body.copy(out, to);
    to += body.length;
  }
  return out;
}

/**
 * Each row's place in the rows' JSON (and its FNV-1a), then every exact name a
 * person can type, normalized and sorted, with its row: `show <name>` finds one
 * diagram by reading this and one row. Who wins a name is decided as
 * resolveName's exact match decides it: an id first, then the first entry with
 * the name as an alias or title.
 */
function encodeTable(diagrams: readonly Entry[], rowBytes: readonly Uint8Array[]): Uint8Array {
  const owner = new Map<string, number>();
  diagrams.forEach((e, row) => {
    owner.set(e.id, row);
  });
  diagrams.forEach((e, row) => {
    for (const name of [...e.aliases, e.title]) {
      const key = normalizeName(name);
      if (key !== "" && !owner.has(key)) owner.set(key, row);
    }
  });
  const keys = [...owner.keys()].sort();
  if (keys.some((k) => k.includes("\n"))) throw new Error("a name holds a line break");
  const text = Buffer.from(keys.join("\n"));
  const n = diagrams.length;
  const K = keys.length;
  const u32 = 2 + (n + 1) + n + K;
  const out = new Uint8Array(u32 * 4 + text.length);
  const view = new Uint32Array(out.buffer, 0, u32);
  view[0] = n;
  view[1] = K;
  let start = 1; // after the "["
  rowBytes.forEach((bytes, row) => {
    view[2 + row] = start;
    view[2 + n + 1 + row] = fnv(bytes);
    start += bytes.length + 1;
  });
  view[2 + n] = start;
  keys.forEach((key, i) => {
    view[2 + (n + 1) + n + i] = owner.get(key) as number;
  });
  out.set(text, u32 * 4);
  return out;
}

/** Why a store was not used: said by nothing, but kept for tests and for the bench. */
export class StaleStore extends Error {}

function readAt(fd: number, position: number, length: number): Uint8Array {
  // A fresh buffer (never Node's pool) so that typed arrays over it are aligned.
  const bytes = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, bytes, done, length - done, position + done);
    if (n === 0) throw new StaleStore("the store is cut short");
    done += n;
  }
  return bytes;
}

export interface OpenStore extends StoreContents {
  /** The entry an exact name (id, alias or title) picks, reading only its row; undefined if none. */
  named(name: string): Entry | undefined;
  /** Header fields, for the caller's own checks (the racy-source check). */
  stamp: StoreKey;
}

/** What the sources give when a store turns out damaged after it was opened. */
export type Recover = () => { catalog: Catalog; index: () => SearchIndex };

type Meta = {
  catalog: Omit<Catalog, "diagrams">;
  reports: SourceReport[];
  categories: Array<[string, string]>;
  sources: string[];
};

type ReadBody = (id: string, field: "diagram" | "original", at: Span) => string;

/** Thrown inside when a part fails its check after opening: the sources are asked instead. */
class Damaged extends Error {}

/**
 * Opens a store and checks its header against `key` (exactly) and its small parts
 * against their checksums; throws StaleStore for anything wrong. The rest is read
 * when first needed and checked then: the entries on first access of `catalog`,
 * a drawing on first access of an entry's `diagram`, the index on the first call
 * of `index`. A part that fails then is asked of `recover` (the sources).
 */
export function openStore(path: string, key: string, recover: Recover): OpenStore {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw new StaleStore(`no store: ${(error as Error).message}`);
  }
  let open = true;
  try {
    const head = readAt(fd, 0, HEAD);
    if (Buffer.from(head.subarray(0, MAGIC.length)).toString("latin1") !== MAGIC) {
      throw new StaleStore("not a store of this format");
    }
    const length = new DataView(head.buffer).getUint32(MAGIC.length, true);
    if (length > 64 * 1024 * 1024) throw new StaleStore("header too long");
    let header: Header;
    try {
      header = JSON.parse(new TextDecoder().decode(readAt(fd, HEAD, length))) as Header;
    } catch {
      throw new StaleStore("header is not JSON");
    }
    if (header.key !== key) throw new StaleStore("built from other sources");
    const data = pad8(HEAD + length);
    const section = ([at, size, hash]: Section) => {
      const bytes = readAt(fd, data + at, size);
      if (checksum(bytes) !== hash) throw new Damaged("checksum mismatch");
      return bytes;
    };
    let meta: Meta;
    try {
      meta = JSON.parse(new TextDecoder().decode(section(header.meta))) as Meta;
    } catch (error) {
      throw new StaleStore(`damaged: ${(error as Error).message}`);
    }
    const base = data + header.bodies[0];
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let fresh: ReturnType<Recover> | undefined;
    let freshById: Map<string, Entry> | undefined;
    const fromSources = () => {
      fresh ??= recover();
      return fresh;
    };
    const body: ReadBody = (id, field, [at, size, hash]) => {
      try {
        const bytes = readAt(fd, base + at, size);
        if (fnv(bytes) === hash) return decoder.decode(bytes);
      } catch {
        // Cut short or unreadable: as damaged.
      }
      freshById ??= new Map(fromSources().catalog.diagrams.map((d) => [d.id, d]));
      return freshById.get(id)?.[field] ?? "";
    };
    let catalog: Catalog | undefined;
    let index: SearchIndex | undefined;
    let table: { view: Uint32Array; n: number; K: number; keys: string[] } | undefined;
    const readTable = () => {
      if (table) return table;
      const bytes = section(header.table);
      const [n = 0, K = 0] = new Uint32Array(bytes.buffer, 0, 2);
      const u32 = 2 + (n + 1) + n + K;
      const view = new Uint32Array(bytes.buffer, 0, u32);
      const text = new TextDecoder().decode(bytes.subarray(u32 * 4));
      table = { view, n, K, keys: K === 0 ? [] : text.split("\n") };
      if (table.keys.length !== K) throw new Damaged("name table of the wrong size");
      return table;
    };
    const store: OpenStore = {
      reports: meta.reports,
      get catalog() {
        if (catalog) return catalog;
        let rows: Row[];
        try {
          rows = JSON.parse(new TextDecoder().decode(section(header.rows))) as Row[];
        } catch {
          catalog = fromSources().catalog;
          return catalog;
        }
        const { version, source, categories, tips } = meta.catalog;
        const diagrams = rows.map((row) => entryOf(row, meta, body));
        // Keys in the order of a catalog read from JSON.
        catalog = { version, source, categories, diagrams, tips };
        return catalog;
      },
      index: () => {
        if (index) return index;
        try {
          index = decodeIndex(
            section(header.index),
            store.catalog.diagrams.map((d) => d.id),
          );
        } catch {
          index = fromSources().index();
        }
        return index;
      },
      named: (name) => {
        const key = normalizeName(name);
        if (key === "") return undefined;
        // Once the entries are read, they are the answer: one object for one diagram.
        if (catalog) return catalog.diagrams.find((d) => d.id === key) ?? exactByTable(key);
        return exactByTable(key);
      },
      stamp: { key: header.key, builtAt: header.builtAt, hashes: header.hashes },
    };
    const exactByTable = (key: string): Entry | undefined => {
      try {
        const { view, n, K, keys } = readTable();
        let lo = 0;
        let hi = K;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((keys[mid] as string) < key) lo = mid + 1;
          else hi = mid;
        }
        if (keys[lo] !== key) return undefined;
        const row = view[2 + (n + 1) + n + lo] as number;
        if (catalog) return catalog.diagrams[row];
        const from = view[2 + row] as number;
        const to = (view[3 + row] as number) - 1;
        const [at] = header.rows;
        const bytes = readAt(fd, data + at + from, to - from);
        if (fnv(bytes) !== view[2 + n + 1 + row]) throw new Damaged("row checksum mismatch");
        return entryOf(JSON.parse(decoder.decode(bytes)) as Row, meta, body);
      } catch {
        // Damaged: the caller resolves the name over the whole catalog, rebuilt from its sources.
        return undefined;
      }
    };
    open = false;
    // Kept open for the drawings: the process ends soon, and with it the descriptor.
    return store;
  } catch (error) {
    if (error instanceof StaleStore) throw error;
    throw new StaleStore(`unreadable: ${(error as Error).message}`);
  } finally {
    if (open) closeSync(fd);
  }
}

/** Where an entry's drawings are, and what has been read of them. */
interface Lazy {
  read: ReadBody;
  row: Row;
  diagram?: string;
  original?: string;
}

const lazies = new WeakMap<object, Lazy>();

/**
 * One getter and setter for every entry's `diagram` (and `original`): V8 gives
 * objects sharing them one shape, where a closure each (or an object literal's
 * accessors) would give each of 10,000 entries its own and make reading a big
 * catalog three times slower.
 */
const accessor = (field: "diagram" | "original", at: 10 | 11): PropertyDescriptor => ({
  enumerable: true,
  configurable: true,
  get(this: Entry) {
    const lazy = lazies.get(this) as Lazy;
    lazy[field] ??= lazy.read(this.id, field, lazy.row[at] as Span);
    return lazy[field];
  },
  set(this: Entry, value: string) {
    (lazies.get(this) as Lazy)[field] = value;
  },
});
const DIAGRAM = accessor("diagram", 10);
const ORIGINAL = accessor("original", 11);

/** An entry whose drawing is read when first asked for, with its keys in the catalog's order. */
function entryOf(row: Row, meta: Meta, read: ReadBody): Entry {
  const [id, title, c, aliases, tags, summary, related, line, s, overrides, , original] = row;
  const [category, categoryId] = meta.categories[c] ?? ["", ""];
  const entry = { id, title, category, categoryId, aliases, tags, summary, related } as Entry;
  Object.defineProperty(entry, "diagram", DIAGRAM);
  if (original) Object.defineProperty(entry, "original", ORIGINAL);
  entry.line = line;
  entry.source = meta.sources[s] as string;
  if (overrides !== null) entry.overrides = overrides;
  lazies.set(entry, { read, row });
  return entry;
}

/**
 * The bytes of a store with its build time moved to `builtAt`, all else as it was:
 * once sources written within a clock tick of its build have been checked by
 * content and found unchanged, later reads need not check them again.
 */
export function restamped(bytes: Uint8Array, builtAt: number): Uint8Array | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (buffer.subarray(0, MAGIC.length).toString("latin1") !== MAGIC) return undefined;
  const length = buffer.readUInt32LE(MAGIC.length);
  const header = JSON.parse(buffer.subarray(HEAD, HEAD + length).toString()) as Header;
  const data = buffer.subarray(pad8(HEAD + length));
  const headerBytes = Buffer.from(JSON.stringify({ ...header, builtAt }));
  const start = pad8(HEAD + headerBytes.length);
  const out = Buffer.alloc(start + data.length);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(out, HEAD);
  data.copy(out, start);
  return out;
}
