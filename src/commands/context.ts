import type { SourceReport } from "../catalog/sources.js";
import type { ReadLimit } from "../core/io.js";
import type { Catalog, Entries, Entry, Listing } from "../core/types.js";
import type { Style } from "../render/style.js";
import type { SearchIndex } from "../search/inverted-index.js";
import type { PutCard } from "../study/session.js";

/**
 * What the CLI hands every command: the catalog and its search index (each read
 * on first use), standard input, and the terminal's looks, decided once.
 */
export interface Context {
  catalog(): Catalog;
  /** The catalog read afresh from every source (under a lock, before a change). */
  reload(): Catalog;
  env: Record<string, string | undefined>;
  /** Opens a file at a line in the user's editor, on the terminal, and waits for it. */
  openEditor(file: string, line: number): Promise<void>;
  /** Every place diagrams were read from, highest first, with what each gave. */
  sources(): SourceReport[];
  index(): SearchIndex;
  /**
   * The entry an exact name (id, alias or title, normalized) picks, as the exact
   * match of resolveName would, read without the rest of the catalog; undefined
   * when no name matches or the catalog cannot tell this way.
   */
  named?(name: string): Entry | undefined;
  /**
   * What `list` shows of every entry (and the categories): from a compiled store,
   * read without the rest of the catalog.
   */
  listing(): Listing;
  /**
   * The entries by position (as the index counts them): from a compiled store, each
   * read when asked for.
   */
  entries(): Entries;
  /** Standard input's text, refused past the limit. */
  stdin(limit: ReadLimit): Promise<string>;
  /** Standard input a line at a time and standard output as it goes, for a dialog (`study --plain`). */
  dialog(): LineDialog;
  style: Style;
  /** Draw with `+ - | v > < ^` (and the tool's own symbols in ASCII) instead of Unicode. */
  ascii: boolean;
  /** The terminal's width, or undefined when output is not a terminal (no width limit). */
  columns: number | undefined;
  /**
   * The terminal on standard input, for a command that reads keys (browse);
   * undefined when standard input is not a terminal. `color`: whether to draw on
   * it in colour, decided as for standard output but for a terminal.
   */
  terminal: { color: boolean } | undefined;
  /**
   * What lives in the cli layer above the commands and is lent to them: the
   * full-screen picker, the help text and the completion scripts (each built from
   * the command registry, which sits above every command).
   */
  programs: Programs;
}

/** A conversation in lines: each write reaches standard output at once. */
export interface LineDialog {
  write(text: string): void;
  /** A note on standard error, said at once (`sysdiag: ...`). */
  note(text: string): void;
  /** The next line of standard input without its end; undefined at its end. */
  readLine(): Promise<string | undefined>;
}

/** What the picker starts from and how it ranks; it draws on the terminal itself. */
export interface PickRequest {
  catalog: Catalog;
  rank(query: string): Promise<readonly Entry[]>;
  style: Style;
  ascii: boolean;
  query: string;
  /** The category's position in the catalog, or -1 for every category. */
  category: number;
}

/** The shells `sysdiag completion` writes a script for. */
export type Shell = "bash" | "zsh" | "fish";

export interface Programs {
  /** The chosen entry, or undefined when the picker was left with Esc or Ctrl-C. */
  pick(request: PickRequest): Promise<Entry | undefined>;
  helpText(command: string | undefined, columns: number | undefined): Promise<string>;
  completionScript(shell: Shell): Promise<string>;
  /** The study session on the full screen, each answer saved as it is given; how it ended. */
  quiz(
    cards: readonly PutCard[],
    style: Style,
  ): Promise<{ ended: "done" | "escape" | "interrupt" }>;
}
