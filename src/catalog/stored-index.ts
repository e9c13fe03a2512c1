import { lowerBound, type SearchIndex, type Words } from "../search/inverted-index.js";
import { Damaged } from "./store-file.js";
import { BLOCK, type Header } from "./store-format.js";

/** What reading the index asks of an open store (store-reader.ts's Reader). */
export interface IndexStore {
  readonly header: Header;
  /** How many entries the store holds (its metadata says). */
  readonly meta: { size: number };
  /** How many entries there are now. */
  readonly length: number;
  /** Bytes at `offset` past the header. */
  readData(offset: number, length: number): Uint8Array;
  /** Whether a small part read alone is as it was written. */
  sound(bytes: Uint8Array, hash: number | undefined): boolean;
  /** The index made from the sources, for what is damaged. */
  sourcesIndex(): SearchIndex;
  idAt(doc: number): string;
}

/** A block of the lexicon, read: its numbers and its words as one text. */
interface Block {
  view: Uint32Array;
  text: string;
}

/**
 * The search index of a store, from its `words` part (the table of blocks): each block
 * of the lexicon is read and checked when a word in it is first asked for, and each
 * word's postings likewise. Once a block is damaged, its words and postings come from
 * the sources. The layout is encodeIndex's (store-writer.ts).
 */
export function readStoredIndex(bytes: Uint8Array, store: IndexStore): SearchIndex {
  const [W = 0, T = 0, B = 0] = new Uint32Array(bytes.buffer, 0, 3);
  if (
    bytes.length !== 4 * (3 + 3 * B) ||
    B !== Math.ceil(W / BLOCK) ||
    T * 8 !== store.header.postings[1]
  ) {
    throw new Damaged("index of the wrong size");
  }
  const table = new Uint32Array(bytes.buffer, 0, 3 + 3 * B);
  const blockOf = blockReader(store, table, W);
  // Once a block is damaged, the words and postings all come from the sources.
  const fresh = () => store.sourcesIndex();
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
  const postingsAt = postingsReader(store, blockOf, words, W, T, fresh);
  let fuzzy: number[] | undefined;
  let ids: string[] | undefined;
  return {
    version: 1,
    // Asked of an index only to tell whether it is a catalog's: the listing's ids, made once.
    get ids() {
      ids ??= Array.from({ length: store.length }, (_, doc) => store.idAt(doc));
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

/** Block `b` of the lexicon, read and checked once, or undefined when it is damaged. */
function blockReader(
  store: IndexStore,
  table: Uint32Array,
  W: number,
): (b: number) => Block | undefined {
  const blocks = new Map<number, Block>();
  return (b) => {
    let block = blocks.get(b);
    if (block) return block;
    const [at = 0, size = 0, hash] = table.subarray(3 + 3 * b, 6 + 3 * b);
    const c = Math.min(BLOCK, W - b * BLOCK);
    try {
      if (at + size > store.header.lexicon[1] || size < 4 * (2 + 4 * c)) {
        throw new Damaged("a block out of place");
      }
      const bytes = store.readData(store.header.lexicon[0] + at, size);
      if (!store.sound(bytes, hash)) throw new Damaged("block checksum mismatch");
      const view = new Uint32Array(bytes.buffer, 0, 2 + 4 * c);
      // Words are ASCII: a byte a character, each word a slice of one string.
      const text = Buffer.from(bytes.buffer, 4 * (2 + 4 * c)).toString("latin1");
      if (view[0] !== c || text.length !== view[c]) throw new Damaged("a block of the wrong size");
      block = { view, text };
    } catch {
      return undefined;
    }
    blocks.set(b, block);
    return block;
  };
}

/** The postings of word `at`, read and checked once, as (entry, field, weight) triples. */
function postingsReader(
  store: IndexStore,
  blockOf: (b: number) => Block | undefined,
  words: Words,
  W: number,
  T: number,
  fresh: () => SearchIndex,
): (at: number) => number[] | undefined {
  const lists = new Map<number, number[]>();
  return (at) => {
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
      const bytes = store.readData(store.header.postings[0] + from * 8, (to - from) * 8);
      if (!store.sound(bytes, block.view[2 + 2 * c + i])) {
        throw new Damaged("postings checksum mismatch");
      }
      const pairs = new Uint32Array(bytes.buffer);
      list = new Array<number>((to - from) * 3);
      for (let t = 0, p = 0; t < to - from; t++, p += 3) {
        const packed = pairs[2 * t + 1] as number;
        const doc = pairs[2 * t] as number;
        // Entries in order, each once, each in the catalog (postingOf searches them).
        if (!(doc < store.meta.size && (p === 0 || doc > (list[p - 3] as number)))) {
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
}
