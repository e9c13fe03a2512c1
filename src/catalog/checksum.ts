/**
 * The checksums of a compiled store and of the source files it is built from: they
 * tell a damaged or changed part, which is all they are for. Not node:crypto, whose
 * loading (streams and all) costs a `show` 4 ms more than its hashing saves.
 */

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

/** A 64-bit checksum (two lanes, in hex) of a whole part or a source file. */
export function checksum(bytes: Uint8Array): string {
  const hex = (n: number) => n.toString(16).padStart(8, "0");
  return (
    hex(lane(bytes, 0x811c9dc5, 0x9e3779b1, 13)) + hex(lane(bytes, 0x01000193, 0x85ebca77, 17))
  );
}

/** The 32-bit checksum of a small part read alone: a row, a drawing, a word's postings. */
export function sum32(bytes: Uint8Array): number {
  return lane(bytes, 0x811c9dc5, 0x9e3779b1, 13);
}
