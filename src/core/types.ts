/** One diagram of the catalog, as stored in data/diagrams.json. */
export interface Entry {
  /** Short kebab-case name a person would type: `cache-aside`, `cqrs`. */
  id: string;
  title: string;
  /** The `##` section of the source document the diagram stands under. */
  category: string;
  categoryId: string;
  /** Other names people use: "2PC", "pub/sub", "primary-replica". */
  aliases: string[];
  /** Technologies and concepts in or behind the diagram, spelled out ("Cassandra" for `Cass`/`andra`). */
  tags: string[];
  /** One line on what it shows and when to use it. */
  summary: string;
  /** Ids of the diagrams worth looking at next. */
  related: string[];
  /**
   * What a person needs beside the drawing, a point a line: when to use it, the
   * trade-offs, the failure modes, the numbers that matter. Every loader sets it.
   */
  notes?: string[];
  /** Where its facts come from (paper, book chapter, official docs: title and where). */
  references?: string[];
  /** The fenced block's text, without the fences and without a final newline (repaired, if it was drawn wrong). */
  diagram: string;
  /** The block as the source document has it, present only when `diagram` is a repair of it. */
  original?: string;
  /** 1-based line of the `###` heading in the source document (or in `file`). */
  line: number;
  /**
   * The repository file a built-in diagram is written in, when it is not from the
   * source document (data/catalog/<category>/<id>.md).
   */
  file?: string;
  /** Where it comes from: "built-in", or the path of the user's file. */
  source?: string;
  /** The source of an entry with the same id that this one hides ("built-in" or a path). */
  overrides?: string;
}

export interface Category {
  id: string;
  name: string;
}

/** A prose section of the source document kept beside the diagrams. */
export interface Prose {
  title: string;
  markdown: string;
}

export interface Catalog {
  version: 1;
  /** The source document the catalog was extracted from, relative to the project root. */
  source: string;
  categories: Category[];
  diagrams: Entry[];
  tips: Prose;
}

/** Hand-kept facts the extractor merges into what it reads from the document. */
export interface Annotations {
  /** Name of the prose section shown by `sysdiag tips`. */
  tips: string;
  /** Sections that hold neither diagrams nor tips (the table of contents). */
  skip: string[];
  /** Keyed by section name as it appears in the document. */
  categories: Record<string, { id: string }>;
  /** Keyed by diagram title (without its number) as it appears in the document. */
  diagrams: Record<string, DiagramNote>;
}

export interface DiagramNote {
  id: string;
  aliases?: string[];
  tags?: string[];
  summary?: string;
  related?: string[];
  notes?: string[];
  references?: string[];
}

/** What `list` shows of an entry: read for every entry without the rest of it. */
export type Listed = Pick<
  Entry,
  "id" | "title" | "category" | "categoryId" | "source" | "overrides"
>;

/** The categories and every entry as `list` shows them, in the catalog's order. */
export interface Listing {
  categories: Category[];
  entries: Listed[];
}

/** Entries by their position in the catalog (an array is one), each read when first asked for. */
export interface Entries {
  readonly length: number;
  at(doc: number): Entry | undefined;
}
