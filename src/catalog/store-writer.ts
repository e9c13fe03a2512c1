import { normalizeName } from "../core/names.js";
import type { Entry } from "../core/types.js";
import type { SearchIndex } from "../search/inverted-index.js";
import { checksum, sum32 } from "./checksum.js";
import {
  BLOCK,
  HEAD,
  type Header,
  MAGIC,
  type Meta,
  NONE,
  pad8,
  type Row,
  recordCheck,
  type Section,
  type Span,
  type StoreContents,
  type StoreKey,
} from "./store-format.js";

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
 * checksum of those three and its position (recordCheck): a row is found by reading
 * its own 16 bytes, checked alone, never the offsets of every row.
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

/**
 * The search index in three parts. `words` (small): W, T (postings in all), the
 * number of blocks, then each block's offset in the lexicon, length and 32-bit checksum.
 * `lexicon`: the words in blocks of BLOCK, each block c (its words), then each
 * word's end in the block's text, its first posting (and one past the last), the
 * checksum of its postings, whether it is fuzzy, then the words as one text.
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

/** The entries laid out: their listing, their rows (each alone), the drawings rows point to. */
interface EncodedEntries {
  tables: Pick<Meta, "categories" | "sources">;
  listing: Uint8Array;
  rowBytes: Buffer[];
  bodies: Buffer[];
  /** The bodies' length in all. */
  bodiesLength: number;
}

function encodeEntries(diagrams: readonly Entry[]): EncodedEntries {
  const bodies: Buffer[] = [];
  let offset = 0;
  const place = (text: string): Span => {
    const bytes = Buffer.from(text);
    bodies.push(bytes);
    const at = offset;
    offset += bytes.length;
    return [at, bytes.length, sum32(bytes)];
  };
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
  const listing = encodeListing(diagrams, categoryOf, sourceOf);
  const rows: Row[] = diagrams.map((e) => [
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
  ]);
  const rowBytes = rows.map((row) => Buffer.from(JSON.stringify(row)));
  return { tables, listing, rowBytes, bodies, bodiesLength: offset };
}

/** The bytes of a store of `contents`, built from what `key` says. */
export function encodeStore(contents: StoreContents, key: StoreKey): Uint8Array {
  const { catalog, reports, index } = contents;
  const { tables, listing, rowBytes, bodies, bodiesLength } = encodeEntries(catalog.diagrams);
  const { diagrams: _, ...rest } = catalog;
  const meta = Buffer.from(
    JSON.stringify({ catalog: rest, reports, ...tables, size: catalog.diagrams.length }),
  );
  const rowsText = Buffer.concat([
    Buffer.from("["),
    ...rowBytes.flatMap((b, i) => (i === 0 ? [b] : [Buffer.from(","), b])),
    Buffer.from("]"),
  ]);
  const { words, lexicon, postings } = encodeIndex(index(), rowBytes.length);
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
  return assemble(key, parts, bodies, bodiesLength);
}

/**
 * The store file: the magic line, the header's length and the header, then the parts
 * (in the order of `Header`'s fields, each where the header says), then the bodies.
 */
function assemble(
  key: StoreKey,
  parts: readonly Uint8Array[],
  bodies: readonly Buffer[],
  bodiesLength: number,
): Uint8Array {
  // Offsets count from the first byte after the header; each part starts at a multiple of 8.
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
    lexicon: [at[6] as number, (parts[6] as Uint8Array).length],
    postings: [at[7] as number, (parts[7] as Uint8Array).length],
    bodies: [end, bodiesLength],
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const data = pad8(HEAD + headerBytes.length);
  const out = Buffer.alloc(data + end + bodiesLength);
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
