import { statSync } from "node:fs";
import { join } from "node:path";
import { DataError, SysdiagError } from "../core/errors.js";
import { errnoWords, readFileBytes, writeFileAtomic } from "../core/io.js";
import { SOURCE_LIMIT } from "../core/limits.js";
import type { Catalog } from "../core/types.js";
import { buildIndex, type SearchIndex } from "../search/inverted-index.js";
import { cacheProblem, clearNonFile, evictStores } from "./cache-dir.js";
import { checksum } from "./checksum.js";
import { readSources, type SourcedCatalog } from "./read-sources.js";
import { type Scan, scanPlace, stampOf } from "./source-scan.js";
import type { Place, SourceReport } from "./sources.js";
import { StaleStore } from "./store-file.js";
import type { StoreKey } from "./store-format.js";
import { type OpenStore, openStore } from "./store-reader.js";
import { encodeStore, restamped } from "./store-writer.js";

/** A source changed this close to a store's build may have changed unseen by its time: hashed. */
const CLOCK_SLACK_MS = 2000;

export interface OpenOptions {
  /** Where compiled stores are kept (`$XDG_CACHE_HOME/sysdiag`). */
  cacheDir: string;
  /** The code reading the sources (its version and build): another's store is rebuilt. */
  codeId: string;
  /**
   * The built-in catalog compiled at build time, when the built-in catalog is the
   * shipped one (not SYSDIAG_CATALOG's); undefined when there is none (running from source).
   */
  builtInStore?: string;
  /** Said once: the cache cannot be written. */
  note(text: string): void;
  /** A long rebuild's progress, for a terminal; undefined when it is done. */
  progress?(text: string | undefined): void;
}

const statKey = (path: string) => {
  const { size, mtimeMs, ino } = stampOf(path);
  return [path, size, mtimeMs, ino];
};

/**
 * The catalog from every place, read from a compiled store when one is up to date
 * and rebuilt (then written atomically) when a source changed. With no source but
 * the shipped catalog, that catalog's build-time store is read and nothing written.
 * A cache that cannot be written costs speed, never a result: one note says so.
 */
export function openCatalog(places: readonly Place[], options: OpenOptions): SourcedCatalog {
  const builtIn = places.find((p) => p.origin === "built-in");
  if (!builtIn) throw new DataError("no built-in catalog");
  const scans = places.filter((p) => p.origin !== "built-in").map(scanPlace);
  if (!scans.some((s) => s.present) && options.builtInStore) {
    return openShipped(places, scans, builtIn, options.builtInStore);
  }
  // Everything the store depends on; its format's version is checked apart, in its magic line.
  const key = JSON.stringify({
    code: options.codeId,
    builtIn: statKey(builtIn.path),
    places: scans.map((s) => [
      s.place.origin,
      s.place.path,
      s.present,
      s.problems,
      s.files.map((f) => [f.path, f.size, f.mtimeMs, f.ctimeMs, f.ino]),
    ]),
  });
  const where = checksum(Buffer.from(JSON.stringify([builtIn.path, scans.map((s) => s.place)])));
  const path = join(options.cacheDir, `catalog-${where.slice(0, 16)}.store`);
  const rebuild = () => rebuildStore(places, scans, key, path, options);
  try {
    const stored = openStore(path, key, () => withIndex(rebuild()));
    checkRacySources(stored, scans, path);
    return stored;
  } catch (error) {
    if (!(error instanceof StaleStore)) throw error;
    return rebuild();
  }
}

/** The shipped catalog's build-time store, or (not built, or built from another JSON) the JSON. */
function openShipped(
  places: readonly Place[],
  scans: readonly Scan[],
  builtIn: Place,
  storePath: string,
): SourcedCatalog {
  const absent = (scan: Scan): SourceReport => ({
    path: scan.place.path,
    origin: scan.place.origin,
    present: false,
    diagrams: 0,
    problems: scan.problems,
  });
  try {
    // Built with the bundle and shipped beside it: trusted as the code is, so its
    // checksums are not taken (lint, which reads every drawing, saves 1 to 2 ms).
    const shipped = openStore(
      storePath,
      `built-in ${statSync(builtIn.path).size}`,
      () => withIndex(readSources(places, scans)),
      { trusted: true },
    );
    // Not spread: its catalog is read on first access.
    shipped.reports = [...scans.map(absent), ...shipped.reports];
    return shipped;
  } catch {
    // Not built, or built from another data/diagrams.json: read the JSON.
    return readSources(places, scans);
  }
}

/**
 * A source written within a clock tick of the store's build may have changed with its
 * time unchanged: such sources are compared by content (StaleStore if one changed).
 * Found unchanged, and now past the tick, they are said so in the store, so that no
 * later read hashes them.
 */
function checkRacySources(stored: OpenStore, scans: readonly Scan[], path: string): void {
  let checked = false;
  let latest = 0;
  for (const file of scans.flatMap((s) => s.files)) {
    if (Math.max(file.mtimeMs, file.ctimeMs) < stored.stamp.builtAt - CLOCK_SLACK_MS) continue;
    let now: string | undefined;
    try {
      now = checksum(readFileBytes(file.path, SOURCE_LIMIT));
    } catch {
      now = undefined;
    }
    if (now !== stored.stamp.hashes[file.path]) throw new StaleStore("a source changed");
    checked = true;
    latest = Math.max(latest, file.mtimeMs, file.ctimeMs);
  }
  if (checked && Date.now() - latest > CLOCK_SLACK_MS) {
    try {
      const bytes = readFileBytes(
        path,
        { limit: stored.stamp.size, purpose: "it changed since it was read" },
        { own: true, follow: false },
      );
      const again = restamped(bytes, Date.now());
      if (again) writeFileAtomic(path, again, true);
    } catch {
      // Kept as it is: the next read checks them again.
    }
  }
}

/** A catalog with its index, made now if it has none. */
function withIndex(loaded: SourcedCatalog): { catalog: Catalog; index: () => SearchIndex } {
  let index: SearchIndex | undefined;
  return {
    catalog: loaded.catalog,
    index: loaded.index ?? (() => (index ??= buildIndex(loaded.catalog))),
  };
}

/** Notes said this process: the cache's trouble is said once however often it is met. */
const said = new Set<string>();

/** Reads the sources and writes their store (with the index) to `path`, when it can. */
function rebuildStore(
  places: readonly Place[],
  scans: readonly Scan[],
  key: string,
  path: string,
  options: OpenOptions,
): SourcedCatalog {
  const builtAt = Date.now();
  const hashes: Record<string, string> = {};
  const total = scans.reduce((n, s) => n + s.files.length, 0);
  let done = 0;
  const slow = () => Date.now() - builtAt > 1000;
  const tick = () => {
    done++;
    if (slow()) options.progress?.(`reading diagram sources: ${done}/${total} files`);
  };
  const loaded = readSources(places, scans, hashes, tick);
  const cannot = (error: unknown) => {
    // writeFileAtomic's message names the temporary file; the reason is its last part.
    const message = error instanceof SysdiagError ? error.message : "";
    const why = message ? message.slice(message.lastIndexOf(": ") + 2) : errnoWords(error);
    const text = `cannot write the cache ${options.cacheDir}: ${why}; working without it`;
    if (!said.has(text)) options.note(text);
    said.add(text);
  };
  let skipped: string | undefined;
  try {
    skipped = cacheProblem(options.cacheDir);
  } catch (error) {
    cannot(error);
    skipped = "";
  }
  if (skipped !== undefined) {
    // Uncached: the index is made only if this command searches.
    options.progress?.(undefined);
    if (skipped && !said.has(skipped)) options.note(`${skipped}; working without it`);
    said.add(skipped);
    return loaded;
  }
  // Indexing takes about as long again as reading: said now if the whole may pass a second.
  if (Date.now() - builtAt > 400 || loaded.catalog.diagrams.length > 2000) {
    options.progress?.(`indexing ${loaded.catalog.diagrams.length} diagrams`);
  }
  const built = buildIndex(loaded.catalog);
  const index = () => built;
  const stamp: StoreKey = { key, builtAt, hashes };
  try {
    clearNonFile(path);
    // Private: the catalogs it holds may be.
    writeFileAtomic(path, encodeStore({ ...loaded, index }, stamp), true, 0o600);
    evictStores(options.cacheDir, path);
  } catch (error) {
    cannot(error);
  }
  options.progress?.(undefined);
  return { ...loaded, index };
}

/**
 * Compiles the shipped catalog at build time (scripts/code-cache.cjs), with the
 * index shipped beside it, checked then as every source is at run time.
 */
export function writeBuiltInStore(jsonPath: string, storePath: string, index: SearchIndex): void {
  const loaded = readSources([{ path: jsonPath, origin: "built-in" }], []);
  const stamp: StoreKey = { key: `built-in ${statSync(jsonPath).size}`, builtAt: 0, hashes: {} };
  writeFileAtomic(storePath, encodeStore({ ...loaded, index: () => index }, stamp), true);
}
