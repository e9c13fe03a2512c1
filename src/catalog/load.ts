import { readFileSync } from "node:fs";
import { DataError } from "../errors.js";
import type { Catalog } from "../types.js";

/**
 * Reads a catalog file. Only its outline is checked here: a full validation runs
 * when the catalog is extracted, and every command pays for what runs at load.
 */
export function loadCatalog(path: string): Catalog {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new DataError(`cannot read the catalog ${path} (${code})`);
  }
  let catalog: Catalog;
  try {
    catalog = JSON.parse(text) as Catalog;
  } catch (error) {
    throw new DataError(`the catalog ${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (
    catalog?.version !== 1 ||
    !Array.isArray(catalog.diagrams) ||
    !Array.isArray(catalog.categories)
  ) {
    throw new DataError(`the catalog ${path} is not a version 1 sysdiag catalog`);
  }
  return catalog;
}
