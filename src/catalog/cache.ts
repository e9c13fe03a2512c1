import { closeSync, openSync, readSync } from "node:fs";
import { strictUtf8, type Utf8Decoder } from "../core/io.js";
import { normalizeName } from "../core/names.js";
import type { Catalog, Entries, Entry, Listed, Listing } from "../core/types.js";
import { lowerBound, type SearchIndex, type Words } from "../search/inverted-index.js";
import type { SourceReport } from "./sources.js";

/**
 * A compiled catalog: what a command reads of it, in parts, each only when it is
 * needed. One file holds a header (what it was built from, where each part is, a
 * checksum of each), then:
 * - meta: the catalog's own fields, the reports, the category and source tables (small JSON);
 * - listing: each entry's id, title, category and source, what `list` shows (binary);
 * - rows: the rest of each entry's metadata, a JSON array;
 * - offsets: where each row is in `rows` and its checksum, to read one row alone;
 * - names: every exact name a person can type, sorted, with its entry (for `show`);
 * - words: where each block of the lexicon is, and its checksum;
 * - lexicon: the index's words in blocks, where each word's postings are, and their checksums;
 * - postings: each word's (entry, field, weight), read for the words a query meets;
 * - bodies: the drawings, each read by its offset when an entry's `diagram` is (with
 *   those after it, when they are read in order).
 * With 10,000 diagrams a `show` reads the names and one row, a `list` the listing,
 * a `search` a few blocks of words, their postings and the rows of its results, never the
 * whole catalog.
 *
 * Nothing in it is trusted blindly: a wrong magic, format, key or checksum of the
 * header or metadata makes the store unusable (and the caller rebuilds it); any
 * other part, row, posting list or drawing whose checksum fails when it is read is
 * asked of `recover`, which reads the sources.
 */

const MAGIC = "SYSDIAG STORE 6\n";
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
  meta: Section;
  listing: Section;
  rows: Section;
  /** Checked a row's record at a time, by the check each holds. */
  offsets: [number, number];
  names: Section;
  words: Section;
  /** Checked a block at a time, by the 32-bit checksum `words` holds for it. */
  lexicon: [number, number];
  /** Checked a word at a time, by the 32-bit checksum the lexicon holds for it. */
  postings: [number, number];
  /** Drawings, each checked by the 32-bit checksum its row holds. */
  bodies: [number, number];
}

/** A drawing's place among the bodies: offset, length in bytes, 32-bit checksum. */
type Span = [number, number, number];

/**
 * An entry's metadata, whole (a search reads the rows of its results, not the
 * listing); its category and source are positions in meta's tables.
 */
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
  overrides: number | null,
  body: Span,
  original: Span | null,
  notes: string[],
  references: string[],
  file: string | null,
];

/** No overriding source, in the listing's table of them. */
const NONE = 0xffffffff;
/** How much of the bodies part one read takes in: a drawing and those after it. */
const READ_AHEAD = 64 * 1024;

/**
 * One lane of the store's checksums: bytes four at a time (little-endian), each word
 * multiplied in and the lane rotated, so that a change in any bit reaches every bit
 * of what follows (a multiply alone carries a word's top bit nowhere else, and two
 * flipped top bits would cancel), then mixed once more at the end.
 */
function lane(bytes: Uint8Array, seed: number, multiplier: number, rotation: number): number {
  let hash = seed ^ bytes.length;
  const words = bytes.length >>> 2;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let i = 0; i < words; i++) {
    hash = Math.imul(hash ^ view.getUint32(i * 4, true), multiplier);
    hash = (hash << rotation) | (hash >>> (32 - rotation));
  }
  for (let at = words * 4; at < bytes.length; at++) {
    hash = Math.imul(hash ^ (bytes[at] as number), multiplier);
    hash = (hash << rotation) | (hash >>> (32 - rotation));
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/**
 * A 64-bit checksum of a whole part (two lanes): it tells a damaged or changed part,
 * which is all it is for. Not node:crypto, whose loading (streams and all) costs a
 * `show` 4 ms more than its hashing saves.
 */
export function checksum(bytes: Uint8Array): string {
  const hex = (n: number) => n.toString(16).padStart(8, "0");
  return (
    hex(lane(bytes, 0x811c9dc5, 0x9e3779b1, 13)) + hex(lane(bytes, 0x01000193, 0x85ebca77, 17))
  );
}

/** The 32-bit checksum of a small part read alone: a row, a drawing, a word's postings. */
function sum32(bytes: Uint8Array): number {
  return lane(bytes, 0x811c9dc5, 0x9e3779b1, 13);
}

const pad8 = (n: number) => (n + 7) & ~7;

/**
 * Binary parts are a run of 32-bit numbers (little-endian, as typed arrays on
 * every platform Node runs on lay them) followed by text: `numbers` of them, then
 * `text`. Returned with a view over the numbers to fill in.
 */
function binary(numbers: number, text: Uint8Array): { out: Uint8Array; view: Uint32Array } {
  const out = new Uint8Array(numbers * 4 + text.length);
  out.set(text, numbers * 4);
  return { out, view: new Uint32Array(out.buffer, 0, numbers) };
}

/** Text all of whose characters are one byte each (words and names are): its bytes. */
function ascii(text: string, what: string): Buffer {
  const bytes = Buffer.from(text, "latin1");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is for any non-ASCII
  if (/[^\u0000-\u007f]/.test(text)) throw new Error(`${what} holds a character past ASCII`);
  return bytes;
}

/**
 * The listing: n, then for each entry the end of its id and of its title in the
 * text (in UTF-16 units, as JavaScript's strings count), its category, source and
 * overridden source (positions in meta's tables), then the ids and titles as one text.
 */
function encodeListing(
  diagrams: readonly Entry[],
  categoryOf: (e: Entry) => number,
  sourceOf: (path: string) => number,
): Uint8Array {
  const n = diagrams.length;
  const text = Buffer.from(diagrams.map((e) => e.id + e.title).join(""));
  const { out, view } = binary(1 + 5 * n, text);
  view[0] = n;
  let end = 0;
  diagrams.forEach((e, i) => {
    end += e.id.length;
    view[1 + 2 * i] = end;
    end += e.title.length;
    view[2 + 2 * i] = end;
    view[1 + 2 * n + i] = categoryOf(e);
    view[1 + 3 * n + i] = sourceOf(e.source ?? "built-in");
    view[1 + 4 * n + i] = e.overrides === undefined ? NONE : sourceOf(e.overrides);
  });
  return out;
}

/** The listing read back: ids and titles are slices of one decoded text. */
interface ListingView {
  n: number;
  view: Uint32Array;
  text: string;
}

function decodeListing(bytes: Uint8Array, decoder: Utf8Decoder): ListingView {
  const [n = 0] = new Uint32Array(bytes.buffer, bytes.byteOffset, 1);
  if (bytes.length < 4 * (1 + 5 * n)) throw new Damaged("listing of the wrong size");
  const view = new Uint32Array(bytes.buffer, bytes.byteOffset, 1 + 5 * n);
  const text = decoder.decode(bytes.subarray(4 * (1 + 5 * n)));
  if (text.length !== (n === 0 ? 0 : view[2 * n])) throw new Damaged("listing of the wrong size");
  return { n, view, text };
}

const idOf = ({ view, text }: ListingView, doc: number) =>
  text.slice(doc === 0 ? 0 : view[2 * doc], view[1 + 2 * doc]);
const titleOf = ({ view, text }: ListingView, doc: number) =>
  text.slice(view[1 + 2 * doc], view[2 + 2 * doc]);

/**
 * Every exact name a person can type, normalized and sorted, with its entry: who
 * wins a name is decided as resolveName's exact match decides it: an id first,
 * then the first entry with the name as an alias or title. K, then each name's
 * entry and the end of the name in the text, then the names as one text.
 */
function encodeNames(diagrams: readonly Entry[]): Uint8Array {
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
  const K = keys.length;
  const { out, view } = binary(1 + 2 * K, ascii(keys.join(""), "a name"));
  view[0] = K;
  let end = 0;
  keys.forEach((key, i) => {
    end += key.length;
    view[1 + i] = owner.get(key) as number;
    view[1 + K + i] = end;
  });
  return out;
}

/**
 * For each row, where it is in the rows' JSON, its length and 32-bit checksum, and the
 * checksum of those three and its position: a row is found by reading its own 16
 * bytes, checked alone, never the offsets of every row.
 */
function encodeOffsets(rowBytes: readonly Uint8Array[]): Uint8Array {
  const { out, view } = binary(4 * rowBytes.length, new Uint8Array());
  let start = 1; // after the "["
  rowBytes.forEach((bytes, row) => {
    view.set([start, bytes.length, sum32(bytes)], 4 * row);
    view[4 * row + 3] = recordCheck(view.subarray(4 * row, 4 * row + 3), row);
    start += bytes.length + 1;
  });
  return out;
}

/** The check of one row's offset record: its three numbers and its position. */
const recordCheck = (record: Uint32Array, row: number) =>
  sum32(new Uint8Array(Uint32Array.of(record[0] ?? 0, record[1] ?? 0, record[2] ?? 0, row).buffer));

/** Words a block of the lexicon holds: a search reads the few blocks its words are in. */
const BLOCK = 128;

/**
 * The search index in three parts. `words` (small): W, T (postings in all), the
 * number of blocks, then each block's offset in the lexicon, length and 32-bit checksum.
 * `lexicon`: the words in blocks of BLOCK, each block c (its words), then each
 * word's end in the block's text, its first posting (and one past the last), the
 * FNV-1a of its postings, whether it is fuzzy, then the words as one text.
 * `postings`: for each posting, its entry, and its weight in thousandths shifted
 * past its field.
 */
function encodeIndex(
  index: SearchIndex,
  size: number,
): { words: Uint8Array; lexicon: Uint8Array; postings: Uint8Array } {
  const W = index.words.length;
  let T = 0;
  for (let at = 0; at < W; at++) T += (index.postings.at(at)?.length ?? 0) / 3;
  const fuzzy = new Set(index.fuzzy);
  const postings = new Uint8Array(T * 8);
  const pairs = new Uint32Array(postings.buffer);
  const blocks: Uint8Array[] = [];
  let t = 0;
  for (let first = 0; first < W; first += BLOCK) {
    const c = Math.min(BLOCK, W - first);
    const texts = Array.from({ length: c }, (_, i) => index.words.at(first + i) as string);
    const { out, view } = binary(1 + c + (c + 1) + c + c, ascii(texts.join(""), "a word"));
    view[0] = c;
    let end = 0;
    for (let i = 0; i < c; i++) {
      end += (texts[i] as string).length;
      view[1 + i] = end;
      view[1 + c + i] = t;
      const list = index.postings.at(first + i) ?? [];
      const from = t;
      for (let p = 0; p < list.length; p += 3, t++) {
        const doc = list[p] as number;
        const field = list[p + 1] as number;
        if (doc >= size) throw new Error("a posting names no entry");
        if (field > 7) throw new Error("a posting of an unknown field");
        pairs[2 * t] = doc;
        // Weights are kept to thousandths (buildIndex rounds them): k / 1000 is the same double.
        pairs[2 * t + 1] = (Math.round((list[p + 2] as number) * 1000) << 3) | field;
      }
      view[1 + 2 * c + 1 + i] = sum32(postings.subarray(from * 8, t * 8));
      view[1 + 3 * c + 1 + i] = fuzzy.has(first + i) ? 1 : 0;
    }
    view[1 + 2 * c] = t;
    blocks.push(out);
  }
  const { out: words, view } = binary(3 + 3 * blocks.length, new Uint8Array());
  view.set([W, T, blocks.length]);
  let offset = 0;
  blocks.forEach((block, b) => {
    view.set([offset, block.length, sum32(block)], 3 + 3 * b);
    offset += block.length;
  });
  return { words, lexicon: Buffer.concat(blocks), postings };
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
    return [at, bytes.length, sum32(bytes)];
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
  const categoryOf = (e: Entry) =>
    numberOf(
      `c${e.category}\n${e.categoryId}`,
      () => tables.categories.push([e.category, e.categoryId]) - 1,
    );
  const sourceOf = (path: string) => numberOf(`s${path}`, () => tables.sources.push(path) - 1);
  const listing = encodeListing(catalog.diagrams, categoryOf, sourceOf);
  const rows: Row[] = catalog.diagrams.map((e) => [
    e.id,
    e.title,
    categoryOf(e),
    e.aliases,
    e.tags,
    e.summary,
    e.related,
    e.line,
    sourceOf(e.source ?? "built-in"),
    e.overrides === undefined ? null : sourceOf(e.overrides),
    place(e.diagram),
    e.original !== undefined ? place(e.original) : null,
    e.notes ?? [],
    e.references ?? [],
    e.file ?? null,
  ]);
  const { diagrams: _, ...rest } = catalog;
  const meta = Buffer.from(
    JSON.stringify({ catalog: rest, reports, ...tables, size: catalog.diagrams.length }),
  );
  const rowBytes = rows.map((row) => Buffer.from(JSON.stringify(row)));
  const rowsText = Buffer.concat([
    Buffer.from("["),
    ...rowBytes.flatMap((b, i) => (i === 0 ? [b] : [Buffer.from(","), b])),
    Buffer.from("]"),
  ]);
  const { words, lexicon, postings } = encodeIndex(index(), rows.length);
  const parts: Uint8Array[] = [
    meta,
    listing,
    rowsText,
    encodeOffsets(rowBytes),
    encodeNames(catalog.diagrams),
    words,
    lexicon,
    postings,
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
    listing: section(1),
    rows: section(2),
    offsets: [at[3] as number, (parts[3] as Uint8Array).length],
    names: section(4),
    words: section(5),
    lexicon: [at[6] as number, lexicon.length],
    postings: [at[7] as number, postings.length],
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

/** Why a store was not used: said by nothing, but kept for tests and for the bench. */
export class StaleStore extends Error {}

/** Thrown inside when a part fails its check after opening: the sources are asked instead. */
class Damaged extends Error {}

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
  /** What `list` shows, read without the rest of each entry. */
  listing(): Listing;
  /** The entries by position, each row read when first asked for (the results of a search). */
  entries(): Entries;
  /** Header fields, for the caller's own checks (the racy-source check). */
  stamp: StoreKey;
}

/** What the sources give when a store turns out damaged after it was opened. */
export type Recover = () => { catalog: Catalog; index: () => SearchIndex };

type Meta = {
  catalog: Omit<Catalog, "diagrams">;
  /** How many entries there are. */
  size: number;
  reports: SourceReport[];
  categories: Array<[string, string]>;
  sources: string[];
};

type ReadBody = (id: string, field: "diagram" | "original", at: Span) => string;

/** A part of the store, read and (unless the store is trusted) checked. */
function readPart(fd: number, data: number, [at, size, hash]: Section, trusted: boolean) {
  const bytes = readAt(fd, data + at, size);
  if (!trusted && checksum(bytes) !== hash) throw new Damaged("checksum mismatch");
  return bytes;
}

/**
 * Opens a store and checks its header against `key` (exactly) and its metadata
 * against its checksum; throws StaleStore for anything wrong. The rest is read
 * when first needed and checked then (see the parts above). A part that fails
 * then is asked of `recover` (the sources).
 */
export function openStore(
  path: string,
  key: string,
  recover: Recover,
  { trusted = false }: { trusted?: boolean } = {},
): OpenStore {
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
      header = JSON.parse(strictUtf8().decode(readAt(fd, HEAD, length))) as Header;
    } catch {
      throw new StaleStore("header is not JSON");
    }
    if (header.key !== key) throw new StaleStore("built from other sources");
    const data = pad8(HEAD + length);
    const decoder = strictUtf8();
    let meta: Meta;
    try {
      meta = JSON.parse(decoder.decode(readPart(fd, data, header.meta, trusted))) as Meta;
    } catch (error) {
      throw new StaleStore(`damaged: ${(error as Error).message}`);
    }
    const reader = new Reader(fd, data, header, meta, decoder, recover, trusted);
    const store: OpenStore = {
      reports: meta.reports,
      get catalog() {
        return reader.catalog();
      },
      index: () => reader.index(),
      named: (name) => reader.named(name),
      listing: () => reader.listing(),
      entries: () => reader,
      stamp: { key: header.key, builtAt: header.builtAt, hashes: header.hashes },
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

/**
 * The parts of an open store, each read and checked on first use; what fails its
 * check is taken from the sources (read once, whatever asks first). An entry is
 * one object however it is reached: by position, by name or in the whole catalog.
 */
class Reader implements Entries {
  private made = new Map<number, Entry>();
  private whole?: Catalog;
  private searchIndex?: SearchIndex;
  private list?: ListingView;
  private nameTable?: { view: Uint32Array; K: number; text: string };
  private fresh?: ReturnType<Recover>;
  private freshById?: Map<string, Entry>;
  /** The bodies last read, from `at` on in the bodies part: drawings are read ahead. */
  private ahead?: { at: number; bytes: Uint8Array };

  constructor(
    private fd: number,
    private data: number,
    private header: Header,
    private meta: Meta,
    private decoder: Utf8Decoder,
    private recover: Recover,
    /** Shipped with the code and trusted as it is: its checksums are not taken. */
    private trusted: boolean,
  ) {}

  /** How many entries there are (the metadata, checked, says). */
  get length(): number {
    return this.whole ? this.whole.diagrams.length : this.meta.size;
  }

  private section(part: Section): Uint8Array {
    return readPart(this.fd, this.data, part, this.trusted);
  }

  /** Whether a small part read alone is as it was written (a trusted store's always is). */
  private sound(bytes: Uint8Array, hash: number | undefined): boolean {
    return this.trusted || sum32(bytes) === hash;
  }

  private fromSources(): ReturnType<Recover> {
    this.fresh ??= this.recover();
    return this.fresh;
  }

  private body: ReadBody = (id, field, [at, size, hash]) => {
    try {
      const bytes = this.bodyBytes(at, size);
      if (this.sound(bytes, hash)) return this.decoder.decode(bytes);
    } catch {
      // Cut short or unreadable: as damaged.
    }
    this.freshById ??= new Map(this.fromSources().catalog.diagrams.map((d) => [d.id, d]));
    return this.freshById.get(id)?.[field] ?? "";
  };

  /**
   * The bytes of a drawing. Bodies are stored in the entries' order, so a command that
   * reads many in that order (lint of the catalog, the picker) reads on from the last
   * read: then the drawings after it are read too (up to READ_AHEAD bytes in all), a
   * few reads, not one a drawing. A first read (a `show`) takes only its drawing.
   */
  private bodyBytes(at: number, size: number): Uint8Array {
    const ahead = this.ahead;
    if (ahead !== undefined && at >= ahead.at && at + size <= ahead.at + ahead.bytes.length) {
      return ahead.bytes.subarray(at - ahead.at, at - ahead.at + size);
    }
    const [start, length] = this.header.bodies;
    const position = this.data + start + at;
    const onward = ahead !== undefined && at >= ahead.at;
    let bytes: Uint8Array;
    try {
      bytes = readAt(
        this.fd,
        position,
        onward ? Math.max(size, Math.min(READ_AHEAD, length - at)) : size,
      );
    } catch (error) {
      // A store cut short inside the drawings after this one: this one may be whole.
      if (!onward) throw error;
      bytes = readAt(this.fd, position, size);
    }
    this.ahead = { at, bytes };
    return bytes.subarray(0, size);
  }

  /** The listing, or undefined when it is damaged. */
  private listed(): ListingView | undefined {
    if (this.list) return this.list;
    try {
      this.list = decodeListing(this.section(this.header.listing), this.decoder);
    } catch {
      return undefined;
    }
    return this.list;
  }

  catalog(): Catalog {
    if (this.whole) return this.whole;
    let rows: Row[];
    try {
      rows = JSON.parse(this.decoder.decode(this.section(this.header.rows))) as Row[];
    } catch {
      this.whole = this.fromSources().catalog;
      return this.whole;
    }
    const { version, source, categories, tips } = this.meta.catalog;
    const diagrams = rows.map((row, doc) => this.made.get(doc) ?? this.entryOf(row));
    // Keys in the order of a catalog read from JSON.
    this.whole = { version, source, categories, diagrams, tips };
    return this.whole;
  }

  listing(): Listing {
    const list = this.listed();
    if (!list) {
      const { categories, diagrams } = this.catalog();
      return { categories, entries: diagrams };
    }
    const { view, n } = list;
    const { categories, sources } = this.meta;
    const entries: Listed[] = new Array(n);
    for (let doc = 0; doc < n; doc++) {
      const [category = "", categoryId = ""] = categories[view[1 + 2 * n + doc] as number] ?? [];
      const over = view[1 + 4 * n + doc] as number;
      const entry: Listed = {
        id: idOf(list, doc),
        title: titleOf(list, doc),
        category,
        categoryId,
        source: sources[view[1 + 3 * n + doc] as number] as string,
      };
      if (over !== NONE) entry.overrides = sources[over] as string;
      entries[doc] = entry;
    }
    return { categories: this.meta.catalog.categories, entries };
  }

  /** The entry at `doc`, reading its row alone until the whole catalog is read. */
  at(doc: number): Entry | undefined {
    if (!(doc >= 0 && doc < this.length)) return undefined;
    if (this.whole) return this.whole.diagrams[doc];
    const made = this.made.get(doc);
    if (made) return made;
    try {
      const entry = this.entryOf(this.row(doc));
      this.made.set(doc, entry);
      return entry;
    } catch {
      // Damaged: the whole catalog (from the sources, as the row could not be read).
      return this.catalog().diagrams[doc];
    }
  }

  private row(doc: number): Row {
    const [at, size] = this.header.offsets;
    if (!(doc >= 0 && doc < this.meta.size) || size !== 16 * this.meta.size) {
      throw new Damaged("no such row");
    }
    const record = new Uint32Array(readAt(this.fd, this.data + at + 16 * doc, 16).buffer);
    if (!this.trusted && recordCheck(record, doc) !== record[3]) {
      throw new Damaged("row offsets damaged");
    }
    const [from = 0, length = 0, hash] = record;
    if (from + length > this.header.rows[1]) throw new Damaged("a row out of place");
    const bytes = readAt(this.fd, this.data + this.header.rows[0] + from, length);
    if (!this.sound(bytes, hash)) throw new Damaged("row checksum mismatch");
    return JSON.parse(this.decoder.decode(bytes)) as Row;
  }

  named(name: string): Entry | undefined {
    const key = normalizeName(name);
    if (key === "") return undefined;
    // Once the entries are read, they are the answer: one object for one diagram.
    if (this.whole) return this.whole.diagrams.find((d) => d.id === key) ?? this.byName(key);
    return this.byName(key);
  }

  private byName(key: string): Entry | undefined {
    try {
      if (!this.nameTable) {
        const bytes = this.section(this.header.names);
        const [K = 0] = new Uint32Array(bytes.buffer, 0, 1);
        const view = new Uint32Array(bytes.buffer, 0, 1 + 2 * K);
        const text = Buffer.from(bytes.buffer, 4 * (1 + 2 * K)).toString("latin1");
        if (text.length !== (K === 0 ? 0 : view[2 * K]))
          throw new Damaged("names of the wrong size");
        this.nameTable = { view, K, text };
      }
      const { view, K, text } = this.nameTable;
      const nameAt = (i: number) => text.slice(i === 0 ? 0 : view[K + i], view[1 + K + i]);
      let lo = 0;
      let hi = K;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (nameAt(mid) < key) lo = mid + 1;
        else hi = mid;
      }
      if (lo >= K || nameAt(lo) !== key) return undefined;
      const doc = view[1 + lo] as number;
      if (this.whole) return this.whole.diagrams[doc];
      const made = this.made.get(doc);
      if (made) return made;
      const entry = this.entryOf(this.row(doc));
      this.made.set(doc, entry);
      return entry;
    } catch {
      // Damaged: the caller resolves the name over the whole catalog, rebuilt from its sources.
      return undefined;
    }
  }

  index(): SearchIndex {
    if (this.searchIndex) return this.searchIndex;
    try {
      this.searchIndex = this.decodeIndex(this.section(this.header.words));
    } catch {
      this.searchIndex = this.fromSources().index();
    }
    return this.searchIndex;
  }

  private decodeIndex(bytes: Uint8Array): SearchIndex {
    const [W = 0, T = 0, B = 0] = new Uint32Array(bytes.buffer, 0, 3);
    if (
      bytes.length !== 4 * (3 + 3 * B) ||
      B !== Math.ceil(W / BLOCK) ||
      T * 8 !== this.header.postings[1]
    ) {
      throw new Damaged("index of the wrong size");
    }
    const table = new Uint32Array(bytes.buffer, 0, 3 + 3 * B);
    const blocks = new Map<number, { view: Uint32Array; text: string }>();
    // A block read and checked, or undefined when it is damaged.
    const blockOf = (b: number) => {
      let block = blocks.get(b);
      if (block) return block;
      const [at = 0, size = 0, hash] = table.subarray(3 + 3 * b, 6 + 3 * b);
      const c = Math.min(BLOCK, W - b * BLOCK);
      try {
        if (at + size > this.header.lexicon[1] || size < 4 * (2 + 4 * c)) {
          throw new Damaged("a block out of place");
        }
        const bytes = readAt(this.fd, this.data + this.header.lexicon[0] + at, size);
        if (!this.sound(bytes, hash)) throw new Damaged("block checksum mismatch");
        const view = new Uint32Array(bytes.buffer, 0, 2 + 4 * c);
        // Words are ASCII: a byte a character, each word a slice of one string.
        const text = Buffer.from(bytes.buffer, 4 * (2 + 4 * c)).toString("latin1");
        if (view[0] !== c || text.length !== view[c])
          throw new Damaged("a block of the wrong size");
        block = { view, text };
      } catch {
        return undefined;
      }
      blocks.set(b, block);
      return block;
    };
    // Once a block is damaged, the words and postings all come from the sources.
    const fresh = () => this.fromSources().index();
    const words: Words = {
      length: W,
      at: (at) => {
        if (!(at >= 0 && at < W)) return undefined;
        const block = blockOf(Math.floor(at / BLOCK));
        if (!block) return fresh().words.at(at);
        const i = at % BLOCK;
        return block.text.slice(i === 0 ? 0 : block.view[i], block.view[1 + i]);
      },
    };
    const lists = new Map<number, number[]>();
    const postingsAt = (at: number): number[] | undefined => {
      if (!(at >= 0 && at < W)) return undefined;
      // Asked again for each result a search explains: made once a word.
      const made = lists.get(at);
      if (made) return made;
      const block = blockOf(Math.floor(at / BLOCK));
      if (!block) return Array.from(fresh().postings.at(at) ?? []);
      const i = at % BLOCK;
      const c = block.view[0] as number;
      const from = block.view[1 + c + i] as number;
      const to = block.view[2 + c + i] as number;
      let list: number[];
      try {
        if (!(from <= to && to <= T)) throw new Damaged("postings out of place");
        const bytes = readAt(
          this.fd,
          this.data + this.header.postings[0] + from * 8,
          (to - from) * 8,
        );
        if (!this.sound(bytes, block.view[2 + 2 * c + i]))
          throw new Damaged("postings checksum mismatch");
        const pairs = new Uint32Array(bytes.buffer);
        list = new Array<number>((to - from) * 3);
        for (let t = 0, p = 0; t < to - from; t++, p += 3) {
          const packed = pairs[2 * t + 1] as number;
          const doc = pairs[2 * t] as number;
          // Entries in order, each once, each in the catalog (postingOf searches them).
          if (!(doc < this.meta.size && (p === 0 || doc > (list[p - 3] as number)))) {
            throw new Damaged("postings out of order");
          }
          list[p] = doc;
          list[p + 1] = packed & 7;
          list[p + 2] = (packed >>> 3) / 1000;
        }
      } catch {
        // The same word in the index made from the sources, which the store was built from.
        const word = words.at(at) as string;
        const same = lowerBound(fresh().words, word);
        list = fresh().words.at(same) === word ? Array.from(fresh().postings.at(same) ?? []) : [];
      }
      lists.set(at, list);
      return list;
    };
    const reader = this;
    let fuzzy: number[] | undefined;
    let ids: string[] | undefined;
    return {
      version: 1,
      // Asked of an index only to tell whether it is a catalog's: the listing's ids, made once.
      get ids() {
        ids ??= Array.from({ length: reader.length }, (_, doc) => reader.idAt(doc));
        return ids;
      },
      words,
      // Only a typo looks for these: every block is read then.
      get fuzzy() {
        if (fuzzy) return fuzzy;
        fuzzy = [];
        for (let b = 0; b < B; b++) {
          const block = blockOf(b);
          if (!block) {
            fuzzy = Array.from(fresh().fuzzy);
            break;
          }
          const c = block.view[0] as number;
          for (let i = 0; i < c; i++) if (block.view[2 + 3 * c + i]) fuzzy.push(b * BLOCK + i);
        }
        return fuzzy;
      },
      postings: { length: W, at: postingsAt },
    };
  }

  private idAt(doc: number): string {
    const list = this.listed();
    return list ? idOf(list, doc) : (this.at(doc)?.id ?? "");
  }

  /** An entry whose drawing is read when first asked for, with its keys in the catalog's order. */
  private entryOf(row: Row): Entry {
    const [id, title, c, aliases, tags, summary, related, line, s, overrides, , original] = row;
    const [notes, references, file] = [row[12], row[13], row[14]];
    const { categories, sources } = this.meta;
    const [category = "", categoryId = ""] = categories[c] ?? [];
    const entry = {
      id,
      title,
      category,
      categoryId,
      aliases,
      tags,
      summary,
      related,
      notes,
      references,
    } as Entry;
    Object.defineProperty(entry, "diagram", DIAGRAM);
    if (original) Object.defineProperty(entry, "original", ORIGINAL);
    entry.line = line;
    if (file !== null) entry.file = file;
    entry.source = sources[s] as string;
    if (overrides !== null) entry.overrides = sources[overrides] as string;
    lazies.set(entry, { read: this.body, row });
    return entry;
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
