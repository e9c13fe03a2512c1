import { DataError } from "../core/errors.js";
import { readText } from "../core/io.js";
import { SOURCE_LIMIT } from "../core/limits.js";
import type { Catalog } from "../core/types.js";
import { checkCatalog } from "./validate.js";

/**
 * Reads the built-in catalog's JSON (or the file SYSDIAG_CATALOG names in its place),
 * within the limits of every source and checked field by field: what the commands
 * read is what they assume. Unlike a source's problems, any problem here stops the
 * tool (exit 3).
 */
export function readBuiltInJson(path: string): Catalog {
  const text = readText(path, SOURCE_LIMIT, { name: `the catalog ${path}` });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DataError(`the catalog ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const { catalog, problems } = checkCatalog(data);
  if (problems.length > 0) {
    throw new DataError(
      `the catalog ${path} is broken: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}`,
    );
  }
  return catalog;
}
