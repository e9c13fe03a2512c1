import { readSync } from "node:fs";
import { checksum } from "./checksum.js";
import type { Section } from "./store-format.js";

/** A store that cannot be used as it is: the caller rebuilds it. Its message (why) is for tests. */
export class StaleStore extends Error {}

/** Thrown inside when a part fails its check after opening: the sources are asked instead. */
export class Damaged extends Error {}

/** An open store: its descriptor and its size when opened (fstat). */
export interface StoreFile {
  fd: number;
  size: number;
}

/**
 * `length` bytes of a store file from `position`; a file cut short is a stale store.
 * Refused before anything is allocated when they would lie past the file's end: no
 * read is sized by a number the file made up.
 */
export function readAt({ fd, size }: StoreFile, position: number, length: number): Uint8Array {
  if (!(Number.isSafeInteger(position) && Number.isSafeInteger(length) && position >= 0)) {
    throw new StaleStore("a part out of place");
  }
  if (length < 0 || position + length > size) throw new StaleStore("the store is cut short");
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

/** A part of the store, read and (unless the store is trusted) checked. */
export function readPart(
  file: StoreFile,
  data: number,
  [at, size, hash]: Section,
  trusted: boolean,
) {
  const bytes = readAt(file, data + at, size);
  if (!trusted && checksum(bytes) !== hash) throw new Damaged("checksum mismatch");
  return bytes;
}
