/**
 * mulberry32: a tiny 32-bit generator, good enough to pick a diagram, and the
 * same on every machine and Node version (Math.random cannot be seeded).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `items`: repeatable with a seed, else at random; undefined when there are none. */
export function pick<T>(items: readonly T[], seed?: number): T | undefined {
  if (items.length === 0) return undefined;
  // Seeds past 32 bits still differ: the high part is folded into the low.
  const next =
    seed === undefined ? Math.random : mulberry32((seed % 2 ** 32) ^ Math.floor(seed / 2 ** 32));
  return items[Math.floor(next() * items.length)];
}
