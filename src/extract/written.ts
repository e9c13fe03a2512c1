import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DataError } from "../core/errors.js";
import { normalizeName } from "../core/names.js";
import type { Catalog, Category, Entry } from "../core/types.js";
import { readDocument } from "../document/document.js";

/** A diagram written for the catalog in the repository, as Markdown a user would write. */
export interface WrittenFile {
  /** Relative to the project root: data/catalog/<category id>/<id>.md. */
  path: string;
  text: string;
}

/**
 * The Markdown files under `dir` (one folder a category), in path order, each with
 * its path as `base/<folder>/<file>`.
 */
export function readWritten(root: string, base: string): WrittenFile[] {
  const files: WrittenFile[] = [];
  let folders: string[];
  try {
    folders = readdirSync(join(root, base)).sort();
  } catch {
    return files;
  }
  for (const folder of folders) {
    const names = readdirSync(join(root, base, folder))
      .filter((name) => name.endsWith(".md"))
      .sort();
    for (const name of names) {
      const path = `${base}/${folder}/${name}`;
      files.push({ path, text: readFileSync(join(root, path), "utf8") });
    }
  }
  return files;
}

/**
 * The source document's catalog with the diagrams written in the repository after
 * it: each file read as a user's document is, with no problem allowed, one diagram
 * a file named by its id, in the folder named by its category's id. A category
 * named as one of the document's joins it; a new one comes after them. Not yet
 * checked as a whole (buildCatalog does that).
 */
export function addWritten(catalog: Catalog, files: readonly WrittenFile[]): Catalog {
  const problems: string[] = [];
  const categories: Category[] = [...catalog.categories];
  const diagrams: Entry[] = [...catalog.diagrams];
  for (const { path, text } of files) {
    const read = readDocument(text);
    for (const p of read.problems) problems.push(`${path}:${p.line}: ${p.message}`);
    if (read.diagrams.length !== 1) {
      problems.push(`${path}: holds ${read.diagrams.length} diagrams, not one`);
      continue;
    }
    const d = read.diagrams[0] as (typeof read.diagrams)[number];
    const [, folder, name] = path.split("/").slice(-3);
    let category = categories.find((c) => c.name === d.category);
    if (!category) {
      category = { id: normalizeName(d.category), name: d.category };
      categories.push(category);
    }
    if (folder !== category.id) {
      problems.push(`${path}: '${d.category}' diagrams go in the folder '${category.id}'`);
    }
    if (name !== `${d.id}.md`) problems.push(`${path}: the file of '${d.id}' is '${d.id}.md'`);
    diagrams.push({
      id: d.id,
      title: d.title,
      category: category.name,
      categoryId: category.id,
      aliases: d.aliases,
      tags: d.tags,
      summary: d.summary,
      related: d.related,
      notes: d.notes,
      references: d.references,
      diagram: d.diagram,
      line: d.line,
      file: path,
    });
  }
  if (problems.length > 0) throw new DataError(problems.join("; "));
  return { ...catalog, categories, diagrams };
}
