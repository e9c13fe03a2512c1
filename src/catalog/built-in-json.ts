import { readFileSync } from "node:fs";
import { DataError } from "../core/errors.js";
import { errnoWords } from "../core/io.js";
import type { Catalog } from "../core/types.js";
import { checkCatalog } from "./validate.js";

/**
 * Reads the built-in catalog's JSON (or the file SYSDIAG_CATALOG names in its place),
 * checked field by field: what the commands read is what they assume. Unlike a
 * source's problems, any problem here stops the tool.
 */
export function readBuiltInJson(path: string): Catalog {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new DataError(`cannot read the catalog ${path}: ${errnoWords(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
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
