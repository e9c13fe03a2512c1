/**
 * A Node built-in loaded when first asked for rather than at start-up: `node:os`
 * costs 0.25 ms to load and `node:tty` (with node:net and the streams) 2 to 3 ms,
 * of a `show` that has 5 to spend, and most runs need neither. Node before 20.16
 * has no process.getBuiltinModule; the bundle is CommonJS and has `require` then.
 */
export function builtin<T>(id: string): T {
  return (process.getBuiltinModule?.(id) ?? require(id)) as T;
}
