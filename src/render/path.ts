import { sep } from "node:path";

/** A path as people write it: under the home directory, `~/…`. */
export function displayPath(path: string, home: string | undefined): string {
  if (!home || home === sep) return path;
  const base = home.endsWith(sep) ? home.slice(0, -1) : home;
  if (path === base) return "~";
  return path.startsWith(base + sep) ? `~${path.slice(base.length)}` : path;
}
