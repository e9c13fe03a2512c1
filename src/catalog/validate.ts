import { DataError } from "../core/errors.js";
import { LIMITS, thousands } from "../core/limits.js";
import { KEBAB, normalizeName } from "../core/names.js";
import type { Catalog, Category, Entry } from "../core/types.js";

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

const isString = (value: unknown): value is string => typeof value === "string";

/**
 * A string as UTF-8 can hold it: JSON's `\ud800` escapes can make a lone surrogate,
 * which UTF-8 has no bytes for (the store would write U+FFFD in its place and print
 * something else than the catalog read without it), so it is U+FFFD from the start.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, "\ufffd");
const wellFormedAll = (texts: string[]): string[] => texts.map(wellFormed);
const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every(isString);

/** What each field of an entry must be, for data read from a file. */
const ENTRY_FIELDS: Array<[keyof Entry, (value: unknown) => boolean, string, boolean]> = [
  [
    "id",
    (v) => isString(v) && KEBAB.test(v) && v.length <= LIMITS.idChars,
    "a kebab-case id",
    true,
  ],
  ["title", (v) => isString(v) && v.trim() !== "", "a non-empty string", true],
  ["category", (v) => isString(v) && v.trim() !== "", "a non-empty string", true],
  ["categoryId", (v) => isString(v) && KEBAB.test(v), "a kebab-case id", true],
  [
    "diagram",
    (v) => isString(v) && v.trim() !== "" && v.length <= LIMITS.diagramChars,
    `a drawing of 1 to ${thousands(LIMITS.diagramChars)} characters`,
    true,
  ],
  ["aliases", isStrings, "an array of strings", false],
  ["tags", isStrings, "an array of strings", false],
  ["summary", isString, "a string", false],
  ["related", isStrings, "an array of strings", false],
  ["original", isString, "a string", false],
  ["line", (v) => Number.isInteger(v), "a whole number", false],
];

/**
 * What is wrong with the first field of an entry read from a file that is not what
 * every command assumes (`"title" is not a non-empty string`), or undefined. The
 * fields in `skip` are checked elsewhere (a store's drawings, when they are read).
 */
export function wrongField(
  fields: Record<string, unknown>,
  skip?: ReadonlySet<string>,
): string | undefined {
  const wrong = ENTRY_FIELDS.find(
    ([key, ok, , required]) =>
      !skip?.has(key) && (required || fields[key] !== undefined) && !ok(fields[key]),
  );
  if (!wrong) return undefined;
  const [key, , expected, required] = wrong;
  return fields[key] === undefined && required ? `missing "${key}"` : `"${key}" is not ${expected}`;
}

export interface Checked {
  catalog: Catalog;
  /** What was wrong, each naming where: `diagrams[3].title: expected a non-empty string`. */
  problems: string[];
}

/**
 * A catalog read from a file, checked field by field so that no shape of data
 * reaches code that assumes another. An entry that is wrong is left out and
 * named; a file that is not a catalog at all is one problem and no entries.
 */
export function checkCatalog(data: unknown): Checked {
  const problems: string[] = [];
  const empty: Catalog = {
    version: 1,
    source: "",
    categories: [],
    diagrams: [],
    tips: { title: "", markdown: "" },
  };
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { catalog: empty, problems: ["not a sysdiag catalog (expected a JSON object)"] };
  }
  const record = data as Record<string, unknown>;
  if (record.version !== 1) {
    return { catalog: empty, problems: ['not a version 1 sysdiag catalog ("version": 1)'] };
  }
  if (!Array.isArray(record.diagrams)) {
    return { catalog: empty, problems: ['"diagrams" is not an array'] };
  }
  const categories: Category[] = [];
  if (record.categories !== undefined && !Array.isArray(record.categories)) {
    problems.push('"categories" is not an array');
  }
  for (const [i, category] of (
    (Array.isArray(record.categories) ? record.categories : []) as unknown[]
  ).entries()) {
    const c = category as Record<string, unknown> | null;
    if (c && isString(c.id) && KEBAB.test(c.id) && isString(c.name) && c.name.trim() !== "") {
      categories.push({ id: c.id, name: wellFormed(c.name) });
    } else problems.push(`categories[${i}]: expected {id: a kebab-case id, name: a string}`);
  }
  const diagrams: Entry[] = [];
  for (const [i, item] of (record.diagrams as unknown[]).entries()) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      problems.push(
        `diagrams[${i}]: expected an object, found ${item === null ? "null" : typeof item}`,
      );
      continue;
    }
    const fields = item as Record<string, unknown>;
    const wrong = wrongField(fields);
    if (wrong) {
      problems.push(`diagrams[${i}]${isString(fields.id) ? ` (${fields.id})` : ""}: ${wrong}`);
      continue;
    }
    diagrams.push({
      id: fields.id as string,
      title: wellFormed(fields.title as string),
      category: wellFormed(fields.category as string),
      categoryId: fields.categoryId as string,
      aliases: wellFormedAll((fields.aliases as string[] | undefined) ?? []),
      tags: wellFormedAll((fields.tags as string[] | undefined) ?? []),
      summary: wellFormed((fields.summary as string | undefined) ?? ""),
      related: (fields.related as string[] | undefined) ?? [],
      diagram: wellFormed(fields.diagram as string),
      ...(isString(fields.original) ? { original: wellFormed(fields.original) } : {}),
      line: (fields.line as number | undefined) ?? 0,
    });
  }
  const tips = record.tips as Record<string, unknown> | undefined;
  return {
    catalog: {
      version: 1,
      source: isString(record.source) ? wellFormed(record.source) : "",
      categories,
      diagrams,
      tips:
        tips && isString(tips.title) && isString(tips.markdown)
          ? { title: wellFormed(tips.title), markdown: wellFormed(tips.markdown) }
          : { title: "", markdown: "" },
    },
    problems,
  };
}
