import { checksum, sum32 } from "../../src/catalog/checksum.js";
import { HEAD, MAGIC, pad8, recordCheck } from "../../src/catalog/store-format.js";

/**
 * A store rewritten as a forger would: parts replaced and every checksum made to
 * match, so that only the reader's checks of shape stand between it and a crash.
 */

const ORDER = [
  "meta",
  "listing",
  "rows",
  "offsets",
  "names",
  "words",
  "lexicon",
  "postings",
] as const;
const HASHED = new Set(["meta", "listing", "rows", "names", "words"]);

export type PartName = (typeof ORDER)[number];

export interface Forged {
  header: Record<string, unknown>;
  parts: Record<PartName, Uint8Array>;
  /** The rows, parsed; given back changed, they are written with offsets to match. */
  rows: unknown[];
  /** Parsed meta; given back changed, it is written. */
  meta: Record<string, unknown>;
  bodies: Uint8Array;
}

/** The store `bytes` with `edit` applied to its parts, header, rows or metadata. */
export function forge(bytes: Uint8Array, edit: (store: Forged) => void): Buffer {
  const buffer = Buffer.from(bytes);
  const length = buffer.readUInt32LE(MAGIC.length);
  const header = JSON.parse(buffer.subarray(HEAD, HEAD + length).toString());
  const data = pad8(HEAD + length);
  const parts = {} as Record<PartName, Uint8Array>;
  for (const name of ORDER) {
    const [at, size] = header[name];
    parts[name] = buffer.subarray(data + at, data + at + size);
  }
  const [bodiesAt, bodiesLength] = header.bodies;
  const store: Forged = {
    header,
    parts,
    rows: JSON.parse(parts.rows.toString()),
    meta: JSON.parse(parts.meta.toString()),
    bodies: buffer.subarray(data + bodiesAt, data + bodiesAt + bodiesLength),
  };
  const sectionsBefore = JSON.stringify([...ORDER.map((name) => header[name]), header.bodies]);
  const rowsBefore = JSON.stringify(store.rows);
  const metaBefore = JSON.stringify(store.meta);
  edit(store);
  if (JSON.stringify(store.meta) !== metaBefore) {
    store.parts.meta = Buffer.from(JSON.stringify(store.meta));
  }
  if (JSON.stringify(store.rows) !== rowsBefore) {
    const rowBytes = store.rows.map((row) => Buffer.from(JSON.stringify(row)));
    store.parts.rows = Buffer.from(`[${rowBytes.map((b) => b.toString()).join(",")}]`);
    const offsets = new Uint32Array(4 * rowBytes.length);
    let start = 1;
    rowBytes.forEach((row, i) => {
      offsets.set([start, row.length, sum32(row)], 4 * i);
      offsets[4 * i + 3] = recordCheck(offsets.subarray(4 * i, 4 * i + 3), i);
      start += row.length + 1;
    });
    store.parts.offsets = new Uint8Array(offsets.buffer);
  }
  // Laid out again, each part at a multiple of 8, each checksum made to match (unless
  // the edit made the header lie about where the parts are: it keeps its lie).
  const honest =
    JSON.stringify([...ORDER.map((name) => store.header[name]), store.header.bodies]) ===
    sectionsBefore;
  let end = 0;
  for (const name of ORDER) {
    const part = store.parts[name];
    if (honest) {
      store.header[name] = HASHED.has(name)
        ? [end, part.length, checksum(part)]
        : [end, part.length];
    }
    end = pad8(end + part.length);
  }
  if (honest) store.header.bodies = [end, store.bodies.length];
  const headerBytes = Buffer.from(JSON.stringify(store.header));
  const start = pad8(HEAD + headerBytes.length);
  const out = Buffer.alloc(start + end + store.bodies.length);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(out, HEAD);
  let at = 0;
  for (const name of ORDER) {
    out.set(store.parts[name], start + at);
    at = pad8(at + store.parts[name].length);
  }
  out.set(store.bodies, start + end);
  return out;
}
