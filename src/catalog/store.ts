import { readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { DataError, SysdiagError } from "../errors.js";
import { type DocumentEntry, readDocument } from "../extract/document.js";
import { decodeText, errnoWords, readFileBytes } from "../io.js";
import { LIMITS } from "../limits.js";
import type { Catalog, Category, Entry } from "../types.js";
import { loadCatalog } from "./load.js";
import { normalizeName } from "./names.js";
import type { Origin, Place } from "./sources.js";
import { checkCatalog } from "./validate.js";

/** The largest source file read; a larger one is reported and skipped. */
export const SOURCE_LIMIT = { limit: LIMITS.sourceBytes, purpose: "sources are read up to 5 MB" };
const MAX_FILES = LIMITS.filesPerDirectory;

export interface SourceReport {
  path: string;
  origin: Origin;
  /** Whether the place exists (the user's and the project's may well not). */
  present: boolean;
  /** Diagrams it gave, before any was hidden by a higher source. */
  diagrams: number;
  /** `file:line: what is wrong`, each once. */
  problems: string[];
}

export interface Loaded {
  catalog: Catalog;
  reports: SourceReport[];
}

const MARKDOWN = new Set([".md", ".markdown", ".txt"]);

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

/** One file's diagrams; anything wrong with it is a problem, never an exception. */
export function readSourceFile(path: string): FileEntries {
  let text: string;
  try {
    text = decodeText(readFileBytes(path, SOURCE_LIMIT), path);
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

/** The files of a directory source, in name order: Markdown and JSON, no hidden files. */
function filesOf(dir: string, problems: string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    problems.push(`${dir}: cannot read the directory: ${errnoWords(error)}`);
    return [];
  }
  const files = names.filter(
    (name) =>
      !name.startsWith(".") &&
      (MARKDOWN.has(extname(name).toLowerCase()) || name.endsWith(".json")),
  );
  if (files.length > MAX_FILES) {
    problems.push(`${dir}: holds ${files.length} files; only the first ${MAX_FILES} are read`);
  }
  return files.slice(0, MAX_FILES).map((name) => join(dir, name));
}

function readPlace(place: Place): { present: boolean; found: FileEntries } {
  let isDir: boolean;
  try {
    isDir = statSync(place.path).isDirectory();
  } catch (error) {
    const quiet = place.origin === "user" || place.origin === "project";
    const problems = quiet ? [] : [`${place.path}: ${errnoWords(error)}`];
    return { present: false, found: { entries: [], problems } };
  }
  if (!isDir) return { present: true, found: readSourceFile(place.path) };
  const found: FileEntries = { entries: [], problems: [] };
  for (const file of filesOf(place.path, found.problems)) {
    const one = readSourceFile(file);
    found.entries.push(...one.entries);
    found.problems.push(...one.problems);
  }
  return { present: true, found };
}

/**
 * Reads every place and merges them: the built-in catalog first, then each place
 * from the lowest to the highest, a diagram hiding any earlier one with its id. A
 * place that cannot be read, or a part of one that is wrong, is reported and
 * skipped; only an unreadable built-in catalog stops the tool.
 */
export function loadPlaces(places: readonly Place[]): Loaded {
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

  const userPlaces = places.filter((p) => p.origin !== "built-in");
  const found = userPlaces.map((place) => ({ place, ...readPlace(place) }));
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
