import { sanitizeLine } from "../core/sanitize.js";
import type { Entry } from "../core/types.js";
import { displayWidth, widestLine } from "../core/width.js";
import { wordsOf, wrapWords } from "../core/wrap.js";
import { toAscii } from "./ascii.js";
import { displayDiagram, entryHeading } from "./entry.js";
import type { Style } from "./style.js";

/**
 * Two diagrams to compare: side by side when both drawings, with a gap, fit in the
 * width (their notes, trade-offs first, in two columns under them), else one under
 * the other. A drawing's line is never wrapped; prose is.
 */

const GAP = 4;
/** Notes narrower than this read badly: a drawing that leaves less for its neighbour's goes below. */
const NOTE_COLUMNS = 28;

/** A trade-off or failure mode first: what a comparison is for. */
const TRADE_OFF = /trade-?off|versus|\bvs\.?\b|failure mode|instead of|cost/i;

function notesOf(entry: Entry): string[] {
  const notes = entry.notes ?? [];
  return [...notes.filter((n) => TRADE_OFF.test(n)), ...notes.filter((n) => !TRADE_OFF.test(n))];
}

/** A note as bullet lines of at most `columns` columns. */
function bullet(note: string, columns: number): string[] {
  return wrapWords(wordsOf(sanitizeLine(note)), Math.max(columns - 2, 10)).map(
    (line, i) => `${i === 0 ? "-" : " "} ${line}`,
  );
}

interface Line {
  /** As shown (perhaps coloured). */
  shown: string;
  /** Its plain text, for its width. */
  plain: string;
}

const plainLine = (text: string): Line => ({ shown: text, plain: text });

/** A diagram's heading and drawing, and its notes wrapped to `width`. */
function parts(entry: Entry, style: Style, ascii: boolean, width: number) {
  const drawing = displayDiagram(entry.diagram);
  const heading = entryHeading(entry, ascii);
  return {
    top: [
      { shown: style.title(heading), plain: heading },
      plainLine(""),
      ...(ascii ? toAscii(drawing) : drawing).split("\n").map(plainLine),
      plainLine(""),
    ],
    notes: notesOf(entry).flatMap((note) => bullet(note, width).map(plainLine)),
  };
}

/** Two columns of lines, row by row, the left padded to `left` columns. */
function besideEachOther(one: Line[], two: Line[], left: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(one.length, two.length); i++) {
    const l = one[i] ?? plainLine("");
    const r = two[i];
    out.push(
      r
        ? `${l.shown}${" ".repeat(left - displayWidth(l.plain) + GAP)}${r.shown}`.trimEnd()
        : l.shown,
    );
  }
  return out;
}

/** Notes wider than this read badly even on a wide terminal. */
const NOTE_MAX = 72;

/** Both entries laid out in `columns` columns (80 when unknown). */
export function renderCompare(
  a: Entry,
  b: Entry,
  style: Style,
  columns: number | undefined,
  ascii = false,
): string {
  const width = columns ?? 80;
  const draw = (entry: Entry) =>
    Math.max(widestLine(displayDiagram(entry.diagram)), displayWidth(entryHeading(entry, ascii)));
  const left = Math.max(draw(a), Math.min(Math.floor((width - GAP) / 2), NOTE_MAX), NOTE_COLUMNS);
  const right = Math.max(draw(b), Math.min(width - left - GAP, NOTE_MAX), NOTE_COLUMNS);
  if (left + GAP + right <= width) {
    const one = parts(a, style, ascii, left);
    const two = parts(b, style, ascii, right);
    // The notes start on one row, so that the trade-offs stand beside each other.
    const height = Math.max(one.top.length, two.top.length);
    const pad = (lines: Line[]) => [
      ...lines,
      ...Array.from({ length: height - lines.length }, () => plainLine("")),
    ];
    return `${besideEachOther([...pad(one.top), ...one.notes], [...pad(two.top), ...two.notes], left).join("\n")}\n`;
  }
  const stacked = (entry: Entry) => {
    const { top, notes } = parts(entry, style, ascii, width);
    return [...top, ...notes].map((line) => line.shown).join("\n");
  };
  return `${stacked(a)}\n\n${stacked(b)}\n`;
}
