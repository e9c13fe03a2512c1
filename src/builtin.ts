import { createRequire } from "node:module";

/**
 * A Node built-in loaded when first asked for rather than at start-up: `node:os`
 * costs 0.25 ms to load and `node:tty` (with node:net and the streams) 2 to 3 ms,
 * of a `show` that has 5 to spend, and most runs need neither. Required, not
 * imported: a bundled `import()` of a built-in stays an ES module import.
 */
export function builtin<T>(id: string): T {
  return (process.getBuiltinModule?.(id) ??
    createRequire(typeof __filename === "string" ? __filename : import.meta.url)(id)) as T;
}
