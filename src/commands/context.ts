import type { Style } from "../render/style.js";
import type { SearchIndex } from "../search/inverted-index.js";
import type { Catalog } from "../types.js";

/**
 * What cli.ts hands every command: the catalog and its search index (each read
 * on first use) and the terminal's looks.
 */
export interface Context {
  catalog(): Catalog;
  index(): SearchIndex;
  style: Style;
  /** Draw with `+ - | v > < ^` instead of box-drawing characters. */
  ascii: boolean;
  columns: number | undefined;
}
