import { accessSync, constants, readdirSync, readFileSync, type Stats, statSync } from "node:fs";
import { extname, join } from "node:path";
import { DataError, SysdiagError } from "../core/errors.js";
import {
  decodeText,
  errnoWords,
  makeDirectory,
  readFileBytes,
  writeFileAtomic,
} from "../core/io.js";
import { LIMITS, SOURCE_LIMIT } from "../core/limits.js";
import { normalizeName } from "../core/names.js";
import type { Catalog, Category, Entries, Entry, Listing } from "../core/types.js";
import { type DocumentEntry, readDocument } from "../document/document.js";
import { buildIndex, type SearchIndex } from "../search/inverted-index.js";
import { checksum, encodeStore, openStore, restamped, StaleStore, type StoreKey } from "./cache.js";
import { loadCatalog } from "./load.js";
import { isSourceName, type Origin, type Place, type SourceReport } from "./sources.js";
import { checkCatalog } from "./validate.js";

/** Files read from one directory source; the rest are reported and skipped. */
const MAX_FILES = LIMITS.filesPerDirectory;

export interface Loaded {
  catalog: Catalog;
  reports: SourceReport[];
  /** The catalog's search index, when the load has one (made, or read on first call). */
  index?: () => SearchIndex;
  /** The entry an exact name picks (as resolveName's exact match would), without reading them all. */
  named?: (name: string) => Entry | undefined;
  /** What `list` shows of every entry, without reading the rest of them. */
  listing?: () => Listing;
  /** The entries by position, each read when asked for (a search's results). */
  entries?: () => Entries;
}

/**
 * `path:line: not valid JSON: …`. V8 names the position (`at position 42`) or quotes
 * the text around the fault (`..."agrams": [}" is not valid JSON`), which is found again.
 */
function jsonProblem(path: string, text: string, error: Error): string {
  const message = error.message;
  let offset: number | undefined;
  const at = /position (\d+)/.exec(message);
  if (at) offset = Number(at[1]);
  else {
    const quoted = /"(?:\.\.\.)?(.*?)(?:\.\.\.)?" is not valid JSON/s.exec(message);
    const found = quoted?.[1] ? text.indexOf(quoted[1]) : -1;
    if (found >= 0) offset = found + Math.min((quoted?.[1] ?? "").length - 1, 10);
  }
  const line = offset === undefined ? "" : `:${text.slice(0, offset).split("\n").length}`;
  const what = message.replace(/,? (?:in JSON at position \d+|".*" is not valid JSON).*$/s, "");
  return `${path}${line}: not valid JSON: ${what}`;
}

interface FileEntries {
  entries: Array<Entry | (DocumentEntry & { categoryId?: string })>;
  problems: string[];
}

/**
 * One file's diagrams; anything wrong with it is a problem, never an exception.
 * `hashes` collects the content hash of each file read (for a compiled store's key).
 */
export function readSourceFile(path: string, hashes?: Record<string, string>): FileEntries {
  let text: string;
  try {
    const bytes = readFileBytes(path, SOURCE_LIMIT);
    if (hashes) hashes[path] = checksum(bytes);
    text = decodeText(bytes, path);
  } catch (error) {
    if (error instanceof SysdiagError) return { entries: [], problems: [error.message] };
    return { entries: [], problems: [`${path}: ${errnoWords(error)}`] };
  }
  if (extname(path).toLowerCase() === ".json") {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { entries: [], problems: [jsonProblem(path, text, error as Error)] };
    }
    const { catalog, problems } = checkCatalog(data);
    return {
      entries: catalog.diagrams.map((d) => ({ ...d, source: path })),
      problems: problems.map((p) => `${path}: ${p}`),
    };
  }
  const { diagrams, problems } = readDocument(text);
  return {
    entries: diagrams.map(({ bodyLine: _, ...d }) => ({ ...d, source: path })),
    problems: problems.map((p) => `${path}:${p.line}: ${p.message}`),
  };
}

/** The files of a directory source, in name order. */
function filesOf(dir: string, problems: string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    problems.push(`${dir}: cannot read the directory: ${errnoWords(error)}`);
    return [];
  }
  const files = names.filter(isSourceName);
  if (files.length > MAX_FILES) {
    problems.push(`${dir}: holds ${files.length} files; only the first ${MAX_FILES} are read`);
  }
  return files.slice(0, MAX_FILES).map((name) => join(dir, name));
}

/** A source file as `stat` saw it before it was read: what a compiled store is keyed by. */
interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
  /** Changed by any write and by setting the times back, which mtime alone would miss. */
  ctimeMs: number;
  ino: number;
}

/** A place looked at, not yet read: whether it is there, and its files. */
interface Scan {
  place: Place;
  present: boolean;
  files: FileStamp[];
  problems: string[];
}

const stampOf = (path: string, stat?: Stats): FileStamp => {
  try {
    const { size, mtimeMs, ctimeMs, ino } = stat ?? statSync(path);
    return { path, size, mtimeMs, ctimeMs, ino };
  } catch {
    // Gone, or a dangling link: reading it reports why.
    return { path, size: -1, mtimeMs: -1, ctimeMs: -1, ino: -1 };
  }
};

function scanPlace(place: Place): Scan {
  if (place.skipped) return { place, present: false, files: [], problems: [place.skipped] };
  let stat: Stats;
  try {
    stat = statSync(place.path);
  } catch (error) {
    const quiet = place.origin === "user" || place.origin === "project";
    const problems = quiet ? [] : [`${place.path}: ${errnoWords(error)}`];
    return { place, present: false, files: [], problems };
  }
  if (!stat.isDirectory()) {
    return { place, present: true, files: [stampOf(place.path, stat)], problems: [] };
  }
  const problems: string[] = [];
  const files = filesOf(place.path, problems).map((path) => stampOf(path));
  return { place, present: true, files, problems };
}

function readPlace(
  scan: Scan,
  hashes?: Record<string, string>,
  tick?: () => void,
): { present: boolean; found: FileEntries } {
  const found: FileEntries = { entries: [], problems: [...scan.problems] };
  for (const file of scan.files) {
    const one = readSourceFile(file.path, hashes);
    // One by one: a spread passes each as an argument, and 140,000 overflow the stack.
    for (const entry of one.entries) found.entries.push(entry);
    for (const problem of one.problems) found.problems.push(problem);
    tick?.();
  }
  return { present: scan.present, found };
}

/**
 * Reads every place and merges them: the built-in catalog first, then each place
 * from the lowest to the highest, a diagram hiding any earlier one with its id. A
 * place that cannot be read, or a part of one that is wrong, is reported and
 * skipped; only an unreadable built-in catalog stops the tool.
 */
export function loadPlaces(
  places: readonly Place[],
  scans: readonly Scan[] = places.filter((p) => p.origin !== "built-in").map(scanPlace),
  hashes?: Record<string, string>,
  tick?: () => void,
): Loaded {
  const reports: SourceReport[] = [];
  const builtInPlace = places.find((p) => p.origin === "built-in");
  if (!builtInPlace) throw new DataError("no built-in catalog");
  const builtIn = loadCatalog(builtInPlace.path);
  const categories: Category[] = [...builtIn.categories];
  const categoryOf = new Map<string, Category>();
  for (const c of categories) {
    categoryOf.set(c.id, c);
    categoryOf.set(normalizeName(c.name), c);
  }
  const byId = new Map<string, Entry>();
  const reportFor = new Map<Entry, SourceReport>();
  for (const entry of builtIn.diagrams) byId.set(entry.id, { ...entry, source: "built-in" });

  const found = scans.map((scan) => ({ place: scan.place, ...readPlace(scan, hashes, tick) }));
  const reportOf = new Map<Place, SourceReport>();
  for (const { place, present, found: files } of found) {
    const report: SourceReport = {
      path: place.path,
      origin: place.origin,
      present,
      diagrams: files.entries.length,
      problems: [...files.problems],
    };
    reportOf.set(place, report);
    reports.push(report);
  }
  // Lowest first, so that each higher place's diagrams land on top.
  for (const { place, found: files } of [...found].reverse()) {
    const report = reportOf.get(place) as SourceReport;
    for (const raw of files.entries) {
      const entry = withCategory(raw, categories, categoryOf);
      const previous = byId.get(entry.id);
      if (previous?.source === "built-in") entry.overrides = "built-in";
      else if (previous) {
        report.problems.push(
          `${entry.source}:${entry.line}: id '${entry.id}' is also in ${previous.source}:${previous.line}; this one wins`,
        );
        if (previous.overrides) entry.overrides = previous.overrides;
      }
      byId.set(entry.id, entry);
      reportFor.set(entry, report);
    }
  }
  // Related ids name diagrams that may live in other sources: checked once all are in.
  for (const entry of byId.values()) {
    if (entry.source === "built-in") continue;
    const known = entry.related.filter((id) => id !== entry.id && byId.has(id));
    if (known.length !== entry.related.length) {
      const report = reportFor.get(entry);
      const unknown = entry.related.filter((id) => !known.includes(id));
      report?.problems.push(
        `${entry.source}:${entry.line}: related ${unknown.map((id) => `'${id}'`).join(", ")} names no diagram`,
      );
      entry.related = known;
    }
  }
  reports.push({
    path: builtInPlace.path,
    origin: "built-in",
    present: true,
    diagrams: builtIn.diagrams.length,
    problems: [],
  });
  return {
    catalog: { ...builtIn, categories, diagrams: [...byId.values()] },
    reports,
  };
}

/** A user entry placed in a category: a built-in one when the name matches, else its own. */
function withCategory(
  raw: Entry | (DocumentEntry & { categoryId?: string }),
  categories: Category[],
  categoryOf: Map<string, Category>,
): Entry {
  const key = raw.categoryId ?? normalizeName(raw.category);
  let category = categoryOf.get(key) ?? categoryOf.get(normalizeName(raw.category));
  if (!category) {
    category = { id: key || "my-diagrams", name: raw.category };
    categories.push(category);
    categoryOf.set(category.id, category);
    categoryOf.set(normalizeName(category.name), category);
  }
  // Keys in the order of the built-in catalog's, for stable JSON output.
  const entry = raw as Entry;
  return {
    id: entry.id,
    title: entry.title,
    category: category.name,
    categoryId: category.id,
    aliases: entry.aliases,
    tags: entry.tags,
    summary: entry.summary,
    related: entry.related,
    diagram: entry.diagram,
    ...(entry.original !== undefined ? { original: entry.original } : {}),
    line: entry.line,
    ...(entry.source !== undefined ? { source: entry.source } : {}),
  };
}

/** Bumped when what a store holds, or how sources are read into it, changes. */
const STORE_FORMAT = 4;
/** A source changed this close to a store's build may have changed unseen by its time: hashed. */
const CLOCK_SLACK_MS = 2000;

export interface LoadOptions {
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
export function loadSources(places: readonly Place[], options: LoadOptions): Loaded {
  const builtIn = places.find((p) => p.origin === "built-in");
  if (!builtIn) throw new DataError("no built-in catalog");
  const scans = places.filter((p) => p.origin !== "built-in").map(scanPlace);
  const absent = (scan: Scan): SourceReport => ({
    path: scan.place.path,
    origin: scan.place.origin,
    present: false,
    diagrams: 0,
    problems: scan.problems,
  });
  if (!scans.some((s) => s.present) && options.builtInStore) {
    try {
      // Built with the bundle and shipped beside it: trusted as the code is, so its
      // checksums are not taken (lint, which reads every drawing, saves 1 to 2 ms).
      const shipped = openStore(
        options.builtInStore,
        `built-in ${statSync(builtIn.path).size}`,
        () => withIndex(loadPlaces(places, scans)),
        { trusted: true },
      );
      // Not spread: its catalog is read on first access.
      shipped.reports = [...scans.map(absent), ...shipped.reports];
      return shipped;
    } catch {
      // Not built, or built from another data/diagrams.json: read the JSON.
      return loadPlaces(places, scans);
    }
  }
  const key = JSON.stringify({
    format: STORE_FORMAT,
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
    // A source written within a clock tick of the build may have changed with its time unchanged.
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
    // Unchanged, and now past the tick: said so in the store, so that no later read hashes them.
    if (checked && Date.now() - latest > CLOCK_SLACK_MS) {
      try {
        const again = restamped(readFileSync(path), Date.now());
        if (again) writeFileAtomic(path, again, true);
      } catch {
        // Kept as it is: the next read checks them again.
      }
    }
    return stored;
  } catch (error) {
    if (!(error instanceof StaleStore)) throw error;
    return rebuild();
  }
}

/** A load with its index, made now if the load has none. */
function withIndex(loaded: Loaded): { catalog: Catalog; index: () => SearchIndex } {
  let index: SearchIndex | undefined;
  return {
    catalog: loaded.catalog,
    index: loaded.index ?? (() => (index ??= buildIndex(loaded.catalog))),
  };
}

/** Notes said this process: the cache's trouble is said once however often it is met. */
const said = new Set<string>();

function rebuildStore(
  places: readonly Place[],
  scans: readonly Scan[],
  key: string,
  path: string,
  options: LoadOptions,
): Loaded {
  const builtAt = Date.now();
  const hashes: Record<string, string> = {};
  const total = scans.reduce((n, s) => n + s.files.length, 0);
  let done = 0;
  const slow = () => Date.now() - builtAt > 1000;
  const tick = () => {
    done++;
    if (slow()) options.progress?.(`reading diagram sources: ${done}/${total} files`);
  };
  const loaded = loadPlaces(places, scans, hashes, tick);
  const cannot = (error: unknown) => {
    // writeFileAtomic's message names the temporary file; the reason is its last part.
    const message = error instanceof SysdiagError ? error.message : "";
    const why = message ? message.slice(message.lastIndexOf(": ") + 2) : errnoWords(error);
    const text = `cannot write the cache ${options.cacheDir}: ${why}; working without it`;
    if (!said.has(text)) options.note(text);
    said.add(text);
  };
  try {
    makeDirectory(options.cacheDir);
    accessSync(options.cacheDir, constants.W_OK);
  } catch (error) {
    // Uncached: the index is made only if this command searches.
    options.progress?.(undefined);
    cannot(error);
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
    writeFileAtomic(path, encodeStore({ ...loaded, index }, stamp), true);
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
  const loaded = loadPlaces([{ path: jsonPath, origin: "built-in" }], []);
  const stamp: StoreKey = { key: `built-in ${statSync(jsonPath).size}`, builtAt: 0, hashes: {} };
  writeFileAtomic(storePath, encodeStore({ ...loaded, index: () => index }, stamp), true);
}
