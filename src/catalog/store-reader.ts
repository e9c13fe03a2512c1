import { closeSync } from "node:fs";
import { type OpenedFile, openFile, strictUtf8, type Utf8Decoder } from "../core/io.js";
import { normalizeName } from "../core/names.js";
import type { Catalog, Entries, Entry, Listed, Listing } from "../core/types.js";
import type { SearchIndex } from "../search/inverted-index.js";
import { sum32 } from "./checksum.js";
import { Damaged, readAt, readPart, StaleStore, type StoreFile } from "./store-file.js";
import {
  HEAD,
  type Header,
  MAGIC,
  type Meta,
  NONE,
  pad8,
  type Row,
  recordCheck,
  type Section,
  type StoreContents,
  type StoreKey,
} from "./store-format.js";
import { checkHeader, checkMeta, checkRow } from "./store-shape.js";
import { entryOf, type ReadBody } from "./stored-entry.js";
import { type IndexStore, readStoredIndex } from "./stored-index.js";
import { whyNotTrusted } from "./trusted-place.js";

/** How much of the bodies part one read takes in: a drawing and those after it. */
const READ_AHEAD = 64 * 1024;

export interface OpenStore extends StoreContents {
  /** The entry an exact name (id, alias or title) picks, reading only its row; undefined if none. */
  named(name: string): Entry | undefined;
  /** What `list` shows, read without the rest of each entry. */
  listing(): Listing;
  /** The entries by position, each row read when first asked for (the results of a search). */
  entries(): Entries;
  /** Header fields, for the caller's own checks (the racy-source check), and the file's size. */
  stamp: StoreKey & { size: number };
}

/** What the sources give when a store turns out damaged after it was opened. */
export type Recover = () => { catalog: Catalog; index: () => SearchIndex };

/**
 * Opens a store and checks its header against `key` (exactly) and its metadata
 * against its checksum, and both for their shape; throws StaleStore for anything
 * wrong. The rest is read when first needed and checked then (see store-format.ts).
 * A part that fails then is asked of `recover` (the sources).
 *
 * A store in the cache is opened as sysdiag's own file (openFile: no link followed,
 * nothing but a regular file read, never blocking) and must be the user's (or root's)
 * and writable by no one else (whyNotTrusted), checked by the one fstat of the open
 * descriptor; a store shipped with the code is trusted as the code is.
 */
export function openStore(
  path: string,
  key: string,
  recover: Recover,
  { trusted = false }: { trusted?: boolean } = {},
): OpenStore {
  let opened: OpenedFile;
  try {
    opened = openFile(path, { own: true, follow: trusted });
  } catch (error) {
    throw new StaleStore(`no store: ${(error as Error).message}`);
  }
  const { fd, stat } = opened;
  const file: StoreFile = { fd, size: stat.size };
  let open = true;
  try {
    const distrust = trusted ? undefined : whyNotTrusted(stat);
    if (distrust !== undefined) throw new StaleStore(`not used, as ${distrust}`);
    const head = readAt(file, 0, HEAD);
    if (Buffer.from(head.subarray(0, MAGIC.length)).toString("latin1") !== MAGIC) {
      throw new StaleStore("not a store of this format");
    }
    const length = new DataView(head.buffer).getUint32(MAGIC.length, true);
    if (HEAD + length > stat.size) throw new StaleStore("header too long");
    let parsed: unknown;
    try {
      parsed = JSON.parse(strictUtf8().decode(readAt(file, HEAD, length)));
    } catch {
      throw new StaleStore("header is not JSON");
    }
    const data = pad8(HEAD + length);
    const header = checkHeader(parsed);
    if (header.key !== key) throw new StaleStore("built from other sources");
    const decoder = strictUtf8();
    let meta: Meta;
    try {
      meta = checkMeta(JSON.parse(decoder.decode(readPart(file, data, header.meta, trusted))));
    } catch (error) {
      throw new StaleStore(`damaged: ${(error as Error).message}`);
    }
    const reader = new Reader(file, data, header, meta, decoder, recover, trusted);
    const store: OpenStore = {
      reports: meta.reports,
      get catalog() {
        return reader.catalog();
      },
      index: () => reader.index(),
      named: (name) => reader.named(name),
      listing: () => reader.listing(),
      entries: () => reader,
      stamp: { key: header.key, builtAt: header.builtAt, hashes: header.hashes, size: stat.size },
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

/** The listing read back (as encodeListing lays it out): ids and titles are slices of one decoded text. */
interface ListingView {
  n: number;
  view: Uint32Array;
  text: string;
}

function decodeListing(bytes: Uint8Array, decoder: Utf8Decoder, size: number): ListingView {
  const [n = 0] = new Uint32Array(bytes.buffer, bytes.byteOffset, 1);
  if (n !== size || bytes.length < 4 * (1 + 5 * n)) {
    throw new Damaged("listing of the wrong size");
  }
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
 * The parts of an open store, each read and checked on first use; what fails its
 * check is taken from the sources (read once, whatever asks first). An entry is
 * one object however it is reached: by position, by name or in the whole catalog.
 */
class Reader implements Entries, IndexStore {
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
    private file: StoreFile,
    private data: number,
    readonly header: Header,
    readonly meta: Meta,
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
    return readPart(this.file, this.data, part, this.trusted);
  }

  readData(offset: number, length: number): Uint8Array {
    return readAt(this.file, this.data + offset, length);
  }

  /** Whether a small part read alone is as it was written (a trusted store's always is). */
  sound(bytes: Uint8Array, hash: number | undefined): boolean {
    return this.trusted || sum32(bytes) === hash;
  }

  private fromSources(): ReturnType<Recover> {
    this.fresh ??= this.recover();
    return this.fresh;
  }

  sourcesIndex(): SearchIndex {
    return this.fromSources().index();
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
        this.file,
        position,
        onward ? Math.max(size, Math.min(READ_AHEAD, length - at)) : size,
      );
    } catch (error) {
      // A store cut short inside the drawings after this one: this one may be whole.
      if (!onward) throw error;
      bytes = readAt(this.file, position, size);
    }
    this.ahead = { at, bytes };
    return bytes.subarray(0, size);
  }

  /** The listing, or undefined when it is damaged. */
  private listed(): ListingView | undefined {
    if (this.list) return this.list;
    try {
      this.list = decodeListing(this.section(this.header.listing), this.decoder, this.meta.size);
    } catch {
      return undefined;
    }
    return this.list;
  }

  catalog(): Catalog {
    if (this.whole) return this.whole;
    let rows: Row[];
    try {
      const parsed: unknown = JSON.parse(this.decoder.decode(this.section(this.header.rows)));
      if (!Array.isArray(parsed) || parsed.length !== this.meta.size) {
        throw new Damaged("rows of the wrong number");
      }
      rows = parsed.map((row, doc) => (this.made.has(doc) ? row : this.checked(row)));
    } catch {
      this.whole = this.fromSources().catalog;
      return this.whole;
    }
    const { version, source, categories, tips } = this.meta.catalog;
    const diagrams = rows.map(
      (row, doc) => this.made.get(doc) ?? entryOf(row, this.meta, this.body),
    );
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
      const category = categories[view[1 + 2 * n + doc] as number];
      const source = sources[view[1 + 3 * n + doc] as number];
      const over = view[1 + 4 * n + doc] as number;
      if (
        category === undefined ||
        source === undefined ||
        !(over === NONE || over < sources.length)
      ) {
        // Pointing past its tables: damaged, and the rows hold all it does.
        this.list = undefined;
        const { categories, diagrams } = this.catalog();
        return { categories, entries: diagrams };
      }
      const entry: Listed = {
        id: idOf(list, doc),
        title: titleOf(list, doc),
        category: category[0],
        categoryId: category[1],
        source,
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
      const entry = entryOf(this.row(doc), this.meta, this.body);
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
    const record = new Uint32Array(this.readData(at + 16 * doc, 16).buffer);
    if (!this.trusted && recordCheck(record, doc) !== record[3]) {
      throw new Damaged("row offsets damaged");
    }
    const [from = 0, length = 0, hash] = record;
    if (from + length > this.header.rows[1]) throw new Damaged("a row out of place");
    const bytes = this.readData(this.header.rows[0] + from, length);
    if (!this.sound(bytes, hash)) throw new Damaged("row checksum mismatch");
    return this.checked(JSON.parse(this.decoder.decode(bytes)));
  }

  /** A row read, if it has the shape of one (Damaged if not). */
  private checked(row: unknown): Row {
    return checkRow(row, this.meta, this.header.bodies[1]);
  }

  named(name: string): Entry | undefined {
    const key = normalizeName(name);
    if (key === "") return undefined;
    // Once the entries are read, they are the answer: one object for one diagram.
    if (this.whole) return this.whole.diagrams.find((d) => d.id === key) ?? this.byName(key);
    return this.byName(key);
  }

  /** The entry a normalized name picks, found in the names part (as encodeNames lays it out). */
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
      const entry = entryOf(this.row(doc), this.meta, this.body);
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
      this.searchIndex = readStoredIndex(this.section(this.header.words), this);
    } catch {
      this.searchIndex = this.fromSources().index();
    }
    return this.searchIndex;
  }

  idAt(doc: number): string {
    const list = this.listed();
    return list ? idOf(list, doc) : (this.at(doc)?.id ?? "");
  }
}
