import { sanitizeLine } from "../../core/sanitize.js";
import type { Entry } from "../../core/types.js";
import { CONTINUATION, cutToWidth, displayWidth, layOut, padEnd } from "../../core/width.js";
import { BY_ARMS, E, N, S, W } from "../../diagram/charset.js";
import { toAscii } from "../../render/ascii.js";
import { displayDiagram, entryHeading } from "../../render/entry.js";
import { highlightDiagram } from "../../render/highlight.js";
import type { Style } from "../../render/style.js";
import type { PickerState } from "./state.js";

/**
 * The picker's screen as lines of text, one a terminal row, each at most as wide
 * as the terminal: the query line, the results, the preview of the highlighted
 * diagram beside the list or under it, and a line of keys. Pure: the driver only
 * writes what this returns.
 */

export interface Size {
  columns: number;
  rows: number;
}

export interface Look {
  style: Style;
  ascii: boolean;
}

export interface View {
  state: PickerState;
  results: readonly Entry[];
  /** Diagrams in the chosen category (all of them for every category). */
  total: number;
  /** The chosen category's name; undefined for every category. */
  category: string | undefined;
  /** The widest diagram in the catalog, in columns: whether a preview fits beside the list. */
  widest: number;
}

export interface Panes {
  beside: boolean;
  listWidth: number;
  listRows: number;
  previewWidth: number;
  previewRows: number;
}

const LIST_WIDTH = 30;
/** A preview this wide shows most diagrams whole; a narrower one goes under the list. */
const PREVIEW_MIN = 60;
const MARK = { unicode: "›", ascii: ">" };
const CLIPPED = { unicode: "›", ascii: "$" };
const MORE = { unicode: "…", ascii: "..." };

/** Where the list and the preview go at this size: beside when the preview fits, else under. */
export function panes(size: Size, widest: number): Panes {
  const body = Math.max(1, size.rows - 2);
  // The preview keeps a blank column on its left, away from the list.
  const wanted = Math.min(widest + 1, PREVIEW_MIN);
  if (size.columns >= LIST_WIDTH + 1 + wanted) {
    return {
      beside: true,
      listWidth: LIST_WIDTH,
      listRows: body,
      previewWidth: size.columns - LIST_WIDTH - 1,
      previewRows: body,
    };
  }
  // Under: a quarter of the rows for the list (3 at least), a rule, the rest for the preview.
  const listRows = Math.max(1, Math.min(body - 2, Math.max(3, Math.floor(body / 4))));
  return {
    beside: false,
    listWidth: size.columns,
    listRows,
    previewWidth: size.columns,
    previewRows: Math.max(0, body - listRows - 1),
  };
}

export function drawScreen(
  view: View,
  size: Size,
  look: Look,
): { lines: string[]; cursor: number } {
  const { style, ascii } = look;
  const layout = panes(size, view.widest);
  const head = queryLine(view, size.columns, style);
  const body = view.state.help
    ? helpLines(size.columns, size.rows - 2, look)
    : bodyLines(view, layout, look);
  const keys = ascii
    ? "up/down move  Tab category  Enter print  Esc quit  ? keys"
    : "↑↓ move  Tab category  Enter print  Esc quit  ? keys";
  const footer = style.dim(cutToWidth(keys, size.columns).text);
  const lines = [head.line, ...body, footer].slice(0, Math.max(1, size.rows));
  return { lines, cursor: head.cursor };
}

/** Columns of the query that the count and category at its right may leave it. */
const QUERY_MIN = 10;

/** `> query` and, at the right, how many match and in which category. */
function queryLine(view: View, columns: number, style: Style): { line: string; cursor: number } {
  const prompt = "> ";
  const category = view.category === undefined ? "all categories" : sanitizeLine(view.category);
  const status = `${view.results.length}/${view.total}  ${category}`;
  // The count keeps its place beside a long query (a paste), when that leaves the
  // query room to be read; the cursor's column stays free at the end.
  const besideStatus = columns - prompt.length - 2 - displayWidth(status);
  const room = besideStatus >= QUERY_MIN ? besideStatus : columns - prompt.length - 1;
  // A query longer than its room shows its end, where the typing is: cut once.
  const query = tailToWidth(sanitizeLine(view.state.query), Math.max(0, room));
  const used = prompt.length + displayWidth(query);
  const cursor = Math.min(columns - 1, used);
  const gap = columns - used - displayWidth(status);
  const right = gap >= 2 ? `${" ".repeat(gap)}${style.dim(status)}` : "";
  return { line: `${style.title(prompt)}${query}${right}`, cursor };
}

/** The end of `text` that fits in `columns`; a wide character cut in half is left out. */
function tailToWidth(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  const cells = layOut(text);
  let from = cells.length - columns;
  while (cells[from] === CONTINUATION) from++;
  return cells.slice(from).join("");
}

function bodyLines(view: View, layout: Panes, look: Look): string[] {
  const { style, ascii } = look;
  const list = listLines(view, layout.listWidth, layout.listRows, look);
  const entry = view.results[view.state.selected];
  const preview = entry
    ? previewLines(entry, layout.previewWidth, layout.previewRows, look)
    : Array.from({ length: layout.previewRows }, () => "");
  if (layout.beside) {
    const bar = style.dim(ascii ? "|" : (BY_ARMS.get(N | S) as string));
    return list.map((row, i) => `${row}${bar}${preview[i] ?? ""}`);
  }
  const rule = style.dim((ascii ? "-" : (BY_ARMS.get(E | W) as string)).repeat(layout.listWidth));
  return [...list, rule, ...preview].slice(0, layout.listRows + 1 + layout.previewRows);
}

/** The visible rows of the results, each exactly `width` columns, the highlighted one marked. */
function listLines(view: View, width: number, rows: number, look: Look): string[] {
  const { style, ascii } = look;
  const lines: string[] = [];
  if (view.results.length === 0) {
    // On two rows when one is too narrow for it (the list beside the preview is 30 columns).
    const hint = "  no match: fewer words, or Tab";
    const rowsOfHint =
      displayWidth(hint) <= width ? [hint] : ["  no match:", "  fewer words, or Tab"];
    for (const row of rowsOfHint.slice(0, rows))
      lines.push(padEnd(cutToWidth(row, width).text, width));
  }
  for (let i = view.state.top; i < view.results.length && lines.length < rows; i++) {
    const entry = view.results[i] as Entry;
    const chosen = i === view.state.selected;
    const text = cutToWidth(
      `${chosen ? MARK[ascii ? "ascii" : "unicode"] : " "} ${sanitizeLine(entry.id)}`,
      width,
    ).text;
    const padded = padEnd(text, width);
    lines.push(chosen ? style.title(padded) : padded);
  }
  while (lines.length < rows) lines.push(" ".repeat(width));
  return lines;
}

/**
 * The highlighted diagram in `width` x `rows`: its heading, then its lines, each
 * cut at the pane's edge and marked (never wrapped: a wrapped line draws strokes
 * the diagram does not have), and a note when lines are left out at the bottom.
 */
export function previewLines(entry: Entry, width: number, rows: number, look: Look): string[] {
  const { style, ascii } = look;
  if (rows <= 0 || width <= 0) return [];
  const convert = ascii ? toAscii : (text: string) => text;
  const marker = style.dim(CLIPPED[ascii ? "ascii" : "unicode"]);
  const heading = cutToWidth(` ${entryHeading(entry, ascii)}`, width).text;
  const diagram = displayDiagram(entry.diagram).split("\n");
  const room = rows - 1;
  const shown = diagram.length > room ? Math.max(0, room - 1) : diagram.length;
  const lines = [style.title(heading)];
  for (const line of diagram.slice(0, shown)) {
    const text = ` ${line}`;
    if (displayWidth(text) <= width) {
      lines.push(convert(highlightDiagram(text, style)));
      continue;
    }
    const cut = cutToWidth(text, width - 1);
    // A wide character left out at the edge leaves a blank, not half a glyph.
    lines.push(
      `${convert(highlightDiagram(cut.text, style))}${" ".repeat(width - 1 - cut.width)}${marker}`,
    );
  }
  if (shown < diagram.length && room > 0) {
    const more = diagram.length - shown;
    const note = ` ${MORE[ascii ? "ascii" : "unicode"]} ${more} more ${more === 1 ? "line" : "lines"}: Enter prints it whole`;
    lines.push(style.dim(cutToWidth(note, width).text));
  }
  while (lines.length < rows) lines.push("");
  return lines;
}

const HELP: ReadonlyArray<readonly [string, string, string]> = [
  ["type", "type", "filter: the same ranking as 'sysdiag search'"],
  ["↑ ↓  Ctrl-P Ctrl-N", "up down  Ctrl-P Ctrl-N", "move"],
  ["PgUp PgDn", "PgUp PgDn", "move a page"],
  ["Home End", "Home End", "first, last"],
  ["Tab  Shift-Tab", "Tab  Shift-Tab", "next, previous category"],
  ["Backspace Ctrl-W Ctrl-U", "Backspace Ctrl-W Ctrl-U", "delete a letter, a word, the query"],
  ["Enter", "Enter", "print the diagram as 'sysdiag show' does, and leave"],
  ["Esc  Ctrl-C", "Esc  Ctrl-C", "leave without printing (exit 130)"],
  ["?", "?", "these keys (any key closes them)"],
];

function helpLines(columns: number, rows: number, look: Look): string[] {
  const lines = [
    "",
    ...HELP.map(([unicode, ascii, what]) => {
      const key = padEnd(look.ascii ? ascii : unicode, 26);
      return cutToWidth(`  ${key}${what}`, columns).text;
    }),
  ].map((line, i) => (i === 0 ? line : look.style.label(line)));
  while (lines.length < rows) lines.push("");
  return lines.slice(0, Math.max(0, rows));
}
