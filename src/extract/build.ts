import { validateCatalog } from "../catalog/validate.js";
import { DataError } from "../core/errors.js";
import type { Annotations, Catalog, Category, Entry } from "../core/types.js";
import { labelDifference } from "../diagram/labels.js";
import { repairMojibake } from "../document/encoding.js";
import { parseDocument } from "../document/markdown.js";
import { addWritten, type WrittenFile } from "./written.js";

/**
 * Source document (as it arrived, garbled) + annotations + the diagrams written in
 * the repository -> catalog. Pure, so the test that guards data/diagrams.json can
 * run it in memory.
 */
export function buildCatalog(
  garbled: string,
  annotations: Annotations,
  source: string,
  repairs: Record<string, string> = {},
  written: readonly WrittenFile[] = [],
): Catalog {
  const sections = parseDocument(repairMojibake(garbled));
  const problems: string[] = [];
  const categories: Category[] = [];
  const diagrams: Entry[] = [];
  let tips: Catalog["tips"] | undefined;
  const usedCategories = new Set<string>();
  const usedDiagrams = new Set<string>();
  const usedRepairs = new Set<string>();

  for (const section of sections) {
    if (section.name === annotations.tips) {
      if (section.diagrams.length > 0) problems.push(`tips section '${section.name}' has diagrams`);
      tips = { title: section.name, markdown: section.prose };
      continue;
    }
    if (annotations.skip.includes(section.name)) continue;
    if (section.diagrams.length === 0) {
      problems.push(`section '${section.name}' (line ${section.line}) has no diagram`);
      continue;
    }
    const category = annotations.categories[section.name];
    usedCategories.add(section.name);
    if (!category) {
      problems.push(`section '${section.name}' has no category id in the annotations`);
      continue;
    }
    categories.push({ id: category.id, name: section.name });
    for (const raw of section.diagrams) {
      const note = annotations.diagrams[raw.title];
      usedDiagrams.add(raw.title);
      if (!note) {
        problems.push(`diagram '${raw.title}' (line ${raw.line}) has no id in the annotations`);
        continue;
      }
      const repair = repairs[note.id];
      usedRepairs.add(note.id);
      if (repair !== undefined) {
        const line = labelDifference(raw.diagram, repair);
        if (line !== undefined) {
          problems.push(`the repair of '${note.id}' changes the labels of its line ${line}`);
        }
        if (repair === raw.diagram) problems.push(`the repair of '${note.id}' changes nothing`);
      }
      diagrams.push({
        id: note.id,
        title: raw.title,
        category: section.name,
        categoryId: category.id,
        aliases: note.aliases ?? [],
        tags: note.tags ?? [],
        summary: note.summary ?? "",
        related: note.related ?? [],
        notes: note.notes ?? [],
        references: note.references ?? [],
        diagram: repair ?? raw.diagram,
        ...(repair !== undefined ? { original: raw.diagram } : {}),
        line: raw.line,
      });
    }
  }

  // Stale annotations would silently stop applying: a renamed title must be renamed here too.
  for (const name of Object.keys(annotations.categories)) {
    if (!usedCategories.has(name))
      problems.push(`annotated section '${name}' is not in the document`);
  }
  for (const title of Object.keys(annotations.diagrams)) {
    if (!usedDiagrams.has(title))
      problems.push(`annotated diagram '${title}' is not in the document`);
  }
  for (const id of Object.keys(repairs)) {
    if (!usedRepairs.has(id)) problems.push(`repair '${id}' names no diagram`);
  }
  if (!tips) problems.push(`tips section '${annotations.tips}' is not in the document`);
  if (problems.length > 0 || !tips) throw new DataError(problems.join("; "));

  // Checked whole: the document's diagrams and the written ones relate to each other.
  return validateCatalog(addWritten({ version: 1, source, categories, diagrams, tips }, written));
}

/** The committed form: stable key order, two-space indent, final newline. */
export function serializeCatalog(catalog: Catalog): string {
  return `${JSON.stringify(catalog, null, 2)}\n`;
}
