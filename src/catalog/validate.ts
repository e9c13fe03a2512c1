import { DataError } from "../errors.js";
import type { Catalog } from "../types.js";
import { KEBAB, normalizeName } from "./names.js";

/**
 * Checks what every command relies on: ids are kebab-case, every name a user can
 * type (id, alias, title) leads to exactly one diagram, and every diagram belongs
 * to a listed category. Returns the catalog so it can wrap a load.
 */
export function validateCatalog(catalog: Catalog): Catalog {
  const problems: string[] = [];
  const categoryIds = new Set<string>();
  for (const category of catalog.categories) {
    if (!KEBAB.test(category.id)) problems.push(`category id '${category.id}' is not kebab-case`);
    if (categoryIds.has(category.id)) problems.push(`category id '${category.id}' is used twice`);
    categoryIds.add(category.id);
  }

  const owner = new Map<string, string>();
  const claim = (name: string, id: string, what: string) => {
    const key = normalizeName(name);
    if (key === "") {
      problems.push(`${id}: ${what} '${name}' is empty once normalized`);
      return;
    }
    const previous = owner.get(key);
    if (previous !== undefined && previous !== id) {
      problems.push(`${what} '${name}' of '${id}' is already a name of '${previous}'`);
    }
    owner.set(key, id);
  };

  const ids = new Set<string>();
  for (const entry of catalog.diagrams) {
    if (!KEBAB.test(entry.id)) problems.push(`id '${entry.id}' is not kebab-case`);
    if (ids.has(entry.id)) problems.push(`id '${entry.id}' is used twice`);
    ids.add(entry.id);
    if (!categoryIds.has(entry.categoryId)) {
      problems.push(`${entry.id}: unknown category '${entry.categoryId}'`);
    }
    if (entry.diagram.trim() === "") problems.push(`${entry.id}: empty diagram`);
  }
  for (const entry of catalog.diagrams) {
    for (const id of entry.related) {
      if (id === entry.id) problems.push(`${entry.id}: related to itself`);
      else if (!ids.has(id)) problems.push(`${entry.id}: related id '${id}' does not exist`);
    }
  }
  // Ids, then titles, then aliases: a clash is blamed on the hand-kept alias.
  for (const entry of catalog.diagrams) claim(entry.id, entry.id, "id");
  for (const entry of catalog.diagrams) claim(entry.title, entry.id, "title");
  for (const entry of catalog.diagrams) {
    for (const alias of entry.aliases) claim(alias, entry.id, "alias");
  }

  if (problems.length > 0) {
    throw new DataError(`invalid catalog: ${problems.join("; ")}`);
  }
  return catalog;
}
