import type { Style } from "../render/style.js";
import type { Catalog } from "../types.js";

/** What cli.ts hands every command: the catalog (loaded on first use) and the terminal's looks. */
export interface Context {
  catalog(): Catalog;
  style: Style;
  columns: number | undefined;
}
