import type { Catalog } from "../core/types.js";
import type { SearchIndex } from "../search/inverted-index.js";
import { sum32 } from "./checksum.js";
import type { SourceReport } from "./sources.js";

/**
 * A compiled catalog (a store): what a command reads of it, in parts, each only when
 * it is needed. One file holds a magic line naming the format's version, the length
 * of the header, the header (what it was built from, where each part is, a checksum
 * of each), then:
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
 * whole catalog. store-writer.ts lays each part out (its layout is described there),
 * store-reader.ts and stored-index.ts read them back.
 *
 * Nothing in it is trusted blindly: a wrong magic, key or checksum of the header or
 * metadata makes the store unusable (and the caller rebuilds it); any other part,
 * row, posting list or drawing whose checksum fails when it is read is asked of
 * `recover`, which reads the sources.
 */

/**
 * The magic line that opens every store. Its number is the store format's one version:
 * a store of another version is stale (rebuilt). Bumped when what a store holds, or how
 * sources are read into it, changes.
 */
export const MAGIC = "SYSDIAG STORE 5\n";
/** The magic line, then the header's length (32 bits); the header follows. */
export const HEAD = MAGIC.length + 4;

/** Parts start at a multiple of 8, so that typed arrays can be laid over them. */
export const pad8 = (n: number) => (n + 7) & ~7;

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
export type Section = [number, number, string];

export interface Header extends StoreKey {
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

/** The meta part: the catalog without its entries, and the tables rows and the listing point into. */
export type Meta = {
  catalog: Omit<Catalog, "diagrams">;
  /** How many entries there are. */
  size: number;
  reports: SourceReport[];
  categories: Array<[string, string]>;
  sources: string[];
};

/** A drawing's place among the bodies: offset, length in bytes, 32-bit checksum. */
export type Span = [number, number, number];

/**
 * An entry's metadata, whole (a search reads the rows of its results, not the
 * listing); its category and source are positions in meta's tables.
 */
export type Row = [
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
];

/** No overriding source, in the listing's table of them. */
export const NONE = 0xffffffff;

/** Words a block of the lexicon holds: a search reads the few blocks its words are in. */
export const BLOCK = 128;

/** The check of one row's offset record: its three numbers and its position. */
export const recordCheck = (record: Uint32Array, row: number) =>
  sum32(new Uint8Array(Uint32Array.of(record[0] ?? 0, record[1] ?? 0, record[2] ?? 0, row).buffer));
