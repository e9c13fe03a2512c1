import { extname } from "node:path";
import { DataError, SysdiagError } from "../core/errors.js";
import { decodeText, errnoWords, readFileBytes } from "../core/io.js";
import { SOURCE_LIMIT } from "../core/limits.js";
import { normalizeName } from "../core/names.js";
import type { Catalog, Category, Entries, Entry, Listing } from "../core/types.js";
import { type DocumentEntry, readDocument } from "../document/document.js";
import type { SearchIndex } from "../search/inverted-index.js";
import { readBuiltInJson } from "./built-in-json.js";
import { checksum } from "./checksum.js";
import { type Scan, scanPlace } from "./source-scan.js";
import type { Place, SourceReport } from "./sources.js";
import { checkCatalog } from "./validate.js";

/**
 * The catalog from every place, with what each place gave. Read from a compiled
 * store (open-catalog.ts), it also has ways in that read only what they need.
 */
export interface SourcedCatalog {
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
function readSourceFile(path: string, hashes?: Record<string, string>): FileEntries {
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

/** The diagrams of every file of a scanned place, and its problems. */
function readPlaceFiles(
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
 * Reads every place from its files (no store) and merges them: the built-in catalog
 * first, then each place from the lowest to the highest, a diagram hiding any earlier
 * one with its id. A place that cannot be read, or a part of one that is wrong, is
 * reported and skipped; only an unreadable built-in catalog stops the tool.
 */
export function readSources(
  places: readonly Place[],
  scans: readonly Scan[] = places.filter((p) => p.origin !== "built-in").map(scanPlace),
  hashes?: Record<string, string>,
  tick?: () => void,
): SourcedCatalog {
  const reports: SourceReport[] = [];
  const builtInPlace = places.find((p) => p.origin === "built-in");
  if (!builtInPlace) throw new DataError("no built-in catalog");
  const builtIn = readBuiltInJson(builtInPlace.path);
  const categories: Category[] = [...builtIn.categories];
  const categoryOf = new Map<string, Category>();
  for (const c of categories) {
    categoryOf.set(c.id, c);
    categoryOf.set(normalizeName(c.name), c);
  }
  const byId = new Map<string, Entry>();
  const reportFor = new Map<Entry, SourceReport>();
  for (const entry of builtIn.diagrams) byId.set(entry.id, { ...entry, source: "built-in" });

  const found = scans.map((scan) => ({ place: scan.place, ...readPlaceFiles(scan, hashes, tick) }));
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
    notes: entry.notes ?? [],
    references: entry.references ?? [],
    diagram: entry.diagram,
    ...(entry.original !== undefined ? { original: entry.original } : {}),
    line: entry.line,
    ...(entry.file !== undefined ? { file: entry.file } : {}),
    ...(entry.source !== undefined ? { source: entry.source } : {}),
  };
}
