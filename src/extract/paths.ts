/** Where the extractor reads and writes, relative to the project root. */
export const SOURCE_PATH = "data/source/system-design-diagrams.md";
export const ANNOTATIONS_PATH = "data/annotations.json";
export const CATALOG_PATH = "data/diagrams.json";
export const REPAIRS_DIR = "data/repairs";
export const INDEX_PATH = "data/diagrams.index.json";
/** Diagrams written for the catalog as Markdown, a folder a category. */
export const WRITTEN_DIR = "data/catalog";
