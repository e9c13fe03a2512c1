import { validateCatalog } from "../catalog/validate.js";
import { DataError } from "../errors.js";
import type { Annotations, Catalog, Category, Entry } from "../types.js";
import { parseDocument } from "./markdown.js";
import { repairMojibake } from "./repair.js";

/**
 * Source document (as it arrived, garbled) + annotations -> catalog. Pure, so the
 * test that guards data/diagrams.json can run it in memory.
 */
export function buildCatalog(garbled: string, annotations: Annotations, source: string): Catalog {
  const sections = parseDocument(repairMojibake(garbled));
  const problems: string[] = [];
  const categories: Category[] = [];
  const diagrams: Entry[] = [];
  let tips: Catalog["tips"] | undefined;
  const usedCategories = new Set<string>();
  const usedDiagrams = new Set<string>();

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
      diagrams.push({
        id: note.id,
        title: raw.title,
        category: section.name,
        categoryId: category.id,
        aliases: note.aliases ?? [],
        tags: note.tags ?? [],
        summary: note.summary ?? "",
        related: note.related ?? [],
        diagram: raw.diagram,
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
  if (!tips) problems.push(`tips section '${annotations.tips}' is not in the document`);
  if (problems.length > 0 || !tips) throw new DataError(problems.join("; "));

  return validateCatalog({ version: 1, source, categories, diagrams, tips });
}

/** The committed form: stable key order, two-space indent, final newline. */
export function serializeCatalog(catalog: Catalog): string {
  return `${JSON.stringify(catalog, null, 2)}\n`;
}
