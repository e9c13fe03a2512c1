import { escapeUnsafe } from "../core/sanitize.js";
import { type Box, closes, type Outline, perimeterCounter } from "../diagram/boxes.js";
import {
  analyse,
  type Cells,
  cellIndex,
  columnsOf,
  kindAt,
  LABEL,
  reachesAt,
  STROKE,
} from "../diagram/cells.js";
import { DCOL, type Dir, DROW, E, N, OPPOSITE, ROUNDED, S, W } from "../diagram/charset.js";
import type { Grid } from "../diagram/grid.js";

/** One grid cell in SVG units: a monospace character is about 0.6 em wide. */
const CW = 9;
const CH = 18;
const PAD = CW;
const FONT = 15;
/** Radius of a rounded corner: half a cell's width, so the arc stays inside its cell. */
const RADIUS = CW / 2;
/** An arrow head: length from base to tip, and half its base. */
const HEAD_LENGTH = 8;
const HEAD_HALF = 4;
/**
 * From a cell's centre down to the text baseline. Renderers that ignore
 * `dominant-baseline` (rsvg, PDF pipelines) set `y` as the baseline; for a monospace
 * face the x-height centre sits about 0.35 em above it.
 */
const BASELINE = Math.round(FONT * 0.35 * 100) / 100;
/** A broken outline is still drawn as a box when this much of its perimeter is there. */
const BROKEN_BOX_MIN = 0.8;

export interface SvgOptions {
  /** Read by screen readers and search engines: put in <desc>. */
  description?: string;
  /** "auto" (default) fills the canvas with the theme's background; "transparent" leaves it bare. */
  background?: "transparent" | "auto";
}

/** XML's escapes for the characters markup gives a meaning to. */
const ESCAPES: Record<number, string> = {
  38: "&amp;",
  60: "&lt;",
  62: "&gt;",
  34: "&quot;",
  39: "&apos;",
};

/**
 * Text with what XML 1.0 forbids in a document dropped (C0 controls but tab and newline,
 * U+FFFE/FFFF, lone surrogates) and, when `markup`, markup's characters escaped. One pass
 * by hand: six regular expressions cost more to compile than the labels of a drawing take
 * to escape.
 */
function xmlClean(text: string, markup: boolean): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let put: string | undefined;
    if (code < 0x20) {
      if (code !== 0x09 && code !== 0x0a) put = "";
    } else if (code < 0x7f) {
      if (markup) put = ESCAPES[code];
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const paired =
        code <= 0xdbff
          ? (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
          : (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
      if (!paired) put = "";
    } else if (code === 0xfffe || code === 0xffff) put = "";
    if (put !== undefined) {
      out += text.slice(from, i) + put;
      from = i + 1;
    }
  }
  return out + text.slice(from);
}

/**
 * Text fit for XML content and attribute values: forbidden characters dropped, the rest
 * escaped, and what the terminal guard escapes (C1, DEL, bidi, invisible characters)
 * written as character references: the same text to a reader, inert on a terminal.
 */
export function xmlText(text: string): string {
  return escapeUnsafe(xmlClean(text, true), (code) => `&#x${code.toString(16)};`);
}

const cx = (col: number) => PAD + col * CW + CW / 2;
const cy = (row: number) => PAD + row * CH + CH / 2;
const num = (n: number) => String(Math.round(n * 100) / 100);

/** Display columns of a label: a wide (CJK) character takes two. */

const CORNER_ARMS: Record<"tl" | "tr" | "bl" | "br", number> = {
  tl: E | S,
  tr: S | W,
  bl: N | E,
  br: N | W,
};

interface Shape extends Box {
  /** All four edges meet: drawn as one closed outline. */
  sound: boolean;
  /** Which corners the drawing rounds: top-left, top-right, bottom-right, bottom-left. */
  rounded: [boolean, boolean, boolean, boolean];
}

/**
 * The box each arm of each cell is part of the outline of (index + 1; 0: none), an arm
 * being cell * 4 + the direction's bit number. Where outlines share an edge, the later box has it.
 * And every box whose outline holds an arrow head, by the head's cell: a head set in an
 * edge is asked about its boxes, and asking every box made a row of them quadratic.
 */
function perimeterOwners(
  cells: Cells,
  boxes: Box[],
): { owners: Int32Array; headsOn: Map<number, Box[]> } {
  const owners = new Int32Array((cells.start[cells.h] as number) * 4);
  const headsOn = new Map<number, Box[]>();
  const own = (row: number, col: number, dir: Dir, box: number) => {
    const cell = cellIndex(cells, row, col);
    if (cell < 0) return;
    owners[armIndex(cell, dir)] = box;
    if (cells.head[cell] === 0) return;
    const on = headsOn.get(cell);
    const mine = boxes[box - 1] as Box;
    if (!on) headsOn.set(cell, [mine]);
    else if (on[on.length - 1] !== mine) on.push(mine);
  };
  // Loops by index, not for-of over [top, bottom]: the first run of a process interprets
  // this code, where every for-of and array destructuring allocates (garbage is collected
  // sooner, and a young-generation collection here costs a millisecond).
  for (let i = 0; i < boxes.length; i++) {
    const box = boxes[i] as Box;
    for (let c = box.left; c <= box.right; c++) {
      if (c < box.right) own(box.top, c, E, i + 1);
      if (c > box.left) own(box.top, c, W, i + 1);
      if (c < box.right) own(box.bottom, c, E, i + 1);
      if (c > box.left) own(box.bottom, c, W, i + 1);
    }
    for (let r = box.top; r <= box.bottom; r++) {
      if (r < box.bottom) own(r, box.left, S, i + 1);
      if (r > box.top) own(r, box.left, N, i + 1);
      if (r < box.bottom) own(r, box.right, S, i + 1);
      if (r > box.top) own(r, box.right, N, i + 1);
    }
  }
  return { owners, headsOn };
}

/** The slot of one arm of a cell: N, E, S, W are bits 0 to 3. */
const armIndex = (cell: number, dir: Dir) => cell * 4 + 31 - Math.clz32(dir);

/**
 * Boxes from the tracer's outlines: the sound ones, and the broken ones that still
 * read as boxes (three corners or more, most of the perimeter drawn) rather than a
 * line fanning out (`┌──┴──┐` over two arrows), which has an outline's top only.
 */
function shapes(grid: Grid, traced: Outline[]): Shape[] {
  const found: Shape[] = [];
  const perimeter = perimeterCounter(grid);
  for (const o of traced) {
    const sound = closes(o);
    const box = {
      top: o.top,
      left: o.left,
      right: o.right,
      bottom: Math.max(o.bottom, o.rightBottom),
    };
    if (!sound && !readsAsBox(grid, box, perimeter)) continue;
    const rounded: Shape["rounded"] = [
      ROUNDED.has(grid.at(box.top, box.left)),
      ROUNDED.has(grid.at(box.top, box.right)),
      ROUNDED.has(grid.at(box.bottom, box.right)),
      ROUNDED.has(grid.at(box.bottom, box.left)),
    ];
    found.push({ ...box, sound, rounded });
  }
  return found;
}

/** Whether a broken outline still reads as a box: three corners or more, most of its edges drawn. */
function readsAsBox(
  grid: Grid,
  box: Box,
  perimeter: (box: Box) => { drawn: number; cells: number },
): boolean {
  const corners = {
    tl: [box.top, box.left],
    tr: [box.top, box.right],
    br: [box.bottom, box.right],
    bl: [box.bottom, box.left],
  } as const;
  const cornersThere = (["tl", "tr", "br", "bl"] as const).filter(
    (k) => (grid.arms(...corners[k]) & CORNER_ARMS[k]) === CORNER_ARMS[k],
  ).length;
  const { drawn, cells } = perimeter(box);
  return cornersThere >= 3 && drawn >= cells * BROKEN_BOX_MIN;
}

/** A closed box outline with each corner rounded only where the drawing rounds it. */
function outlinePath(box: Box, rounded: Shape["rounded"]): string {
  const [x0, y0, x1, y1] = [cx(box.left), cy(box.top), cx(box.right), cy(box.bottom)];
  const [tl, tr, br, bl] = rounded.map((r) => (r ? RADIUS : 0)) as [number, number, number, number];
  const arc = (r: number, x: number, y: number) =>
    r ? `A${r},${r} 0 0 1 ${num(x)},${num(y)}` : "";
  return [
    `M${num(x0 + tl)},${num(y0)}`,
    `H${num(x1 - tr)}`,
    arc(tr, x1, y0 + tr),
    `V${num(y1 - br)}`,
    arc(br, x1 - br, y1),
    `H${num(x0 + bl)}`,
    arc(bl, x0, y1 - bl),
    `V${num(y0 + tl)}`,
    arc(tl, x0 + tl, y0),
    "Z",
  ].join("");
}

/**
 * Where an arrow head's tip goes: the line or box edge it points at, else its own cell's
 * edge. `on`: the boxes whose outline the head is set in.
 */
function tipOf(
  cells: Cells,
  row: number,
  col: number,
  head: Dir,
  on: Box[] | undefined,
): [number, number] {
  const dr = DROW[head];
  const dc = DCOL[head];
  const nr = row + dr;
  const nc = col + dc;
  // A head set in a box's edge, pointing inside: the edge runs through its own centre.
  const inside = (b: Box) => nr > b.top && nr < b.bottom && nc > b.left && nc < b.right;
  if (on?.some(inside)) return [cx(col), cy(row)];
  if (kindAt(cells, nr, nc) === STROKE) return [cx(nc), cy(nr)];
  return [cx(col) + (dc * CW) / 2, cy(row) + (dr * CH) / 2];
}

/** The strokes and heads of a drawing, drawn cell by cell (its boxes' outlines apart). */
interface Strokes {
  /** Line strokes, as path data. */
  lines: string[];
  /** The strokes of broken boxes' edges, as path data. */
  brokenEdges: string[];
  /** One <polygon> an arrow head. */
  arrows: string[];
}

// The loops over every cell are functions of their own: V8 compiles a function that runs
// hot to baseline code, and a small one costs less to compile than all of renderSvg().

function strokes(cells: Cells, boxes: Shape[]): Strokes {
  const { grid } = cells;
  // Perimeter arms: those of sound boxes are drawn by their outline, those of broken
  // ones go with the box strokes rather than the lines.
  const { owners, headsOn } = perimeterOwners(cells, boxes);
  const owner = (row: number, col: number, dir: Dir): Shape | undefined => {
    const cell = cellIndex(cells, row, col);
    const box = cell < 0 ? 0 : (owners[armIndex(cell, dir)] as number);
    return box ? boxes[box - 1] : undefined;
  };

  const lines: string[] = [];
  const brokenEdges: string[] = [];
  /**
   * How far a stroke leaving a cell towards `dir` runs: to the cell's edge, or on to the
   * centre of a line it butts against (`│───` beside a box), so the two meet.
   */
  const reach = (row: number, col: number, dir: Dir) => {
    const nr = row + DROW[dir];
    const nc = col + DCOL[dir];
    const meets = kindAt(cells, nr, nc) === STROKE && !reachesAt(cells, nr, nc, OPPOSITE[dir]);
    return meets ? 1 : 0.5;
  };
  const stroke = (row: number, col: number, dir: Dir) => {
    const box = owner(row, col, dir);
    if (box?.sound) return;
    const dr = DROW[dir];
    const dc = DCOL[dir];
    const x = cx(col);
    const y = cy(row);
    const to = reach(row, col, dir);
    (box ? brokenEdges : lines).push(
      `M${num(x)},${num(y)}L${num(x + dc * CW * to)},${num(y + dr * CH * to)}`,
    );
  };

  const arrows: string[] = [];
  for (let row = 0; row < grid.height; row++) {
    // Past a row's own cells it is blank: nothing to draw.
    const columns = columnsOf(cells, row);
    for (let col = 0; col < columns; col++) {
      const cell = (cells.start[row] as number) + col;
      // The grid's arms and heads, so that an ASCII drawing (`+--+`, `-->`) draws too.
      const arms = cells.arms[cell] as number;
      if (arms !== 0) {
        // A rounded corner's box is the one its side arm is an edge of: null for a
        // corner that is not rounded, undefined for a rounded one no box owns (a bend).
        const side = ROUNDED.has(grid.at(row, col))
          ? owner(row, col, (arms & (E | W)) as Dir)
          : null;
        if (side !== null && !side?.sound) {
          // A rounded bend: an arc from one arm's cell edge to the other's.
          const h = (arms & E) !== 0 ? 1 : -1;
          const v = (arms & S) !== 0 ? 1 : -1;
          const x = cx(col);
          const y = cy(row);
          const sweep = h * v > 0 ? 0 : 1;
          const d = `M${num(x + (h * CW) / 2)},${num(y)}H${num(x + h * RADIUS)}A${RADIUS},${RADIUS} 0 0 ${sweep} ${num(x)},${num(y + v * RADIUS)}V${num(y + (v * CH) / 2)}`;
          (side ? brokenEdges : lines).push(d);
          continue;
        }
        for (let dir = N; dir <= W; dir <<= 1) if (arms & dir) stroke(row, col, dir as Dir);
        continue;
      }
      const head = cells.head[cell] as Dir | 0;
      if (head === 0) continue;
      const dr = DROW[head];
      const dc = DCOL[head];
      const tip = tipOf(cells, row, col, head, headsOn.get(cell));
      const tipX = tip[0];
      const tipY = tip[1];
      const bx = tipX - dc * HEAD_LENGTH;
      const by = tipY - dr * HEAD_LENGTH;
      // The shaft runs from the cell's back edge up to the head's base, if the base is in front of it.
      const behind = reach(row, col, OPPOSITE[head]);
      const back = dc !== 0 ? cx(col) - dc * CW * behind : cy(row) - dr * CH * behind;
      const base = dc !== 0 ? bx : by;
      if ((base - back) * (dc + dr) > 0) {
        const shaft =
          dc !== 0
            ? `M${num(back)},${num(cy(row))}L${num(base)},${num(cy(row))}`
            : `M${num(cx(col))},${num(back)}L${num(cx(col))},${num(base)}`;
        (owner(row, col, OPPOSITE[head]) ? brokenEdges : lines).push(shaft);
      }
      const px = dc !== 0 ? 0 : HEAD_HALF;
      const py = dc !== 0 ? HEAD_HALF : 0;
      arrows.push(
        `<polygon class="arrow" points="${num(tipX)},${num(tipY)} ${num(bx + px)},${num(by + py)} ${num(bx - px)},${num(by - py)}"/>`,
      );
    }
  }
  return { lines, brokenEdges, arrows };
}

/** Each run of label words a <text> at its own column. */
function labelTexts(cells: Cells): string[] {
  const { grid } = cells;
  const texts: string[] = [];
  for (let row = 0; row < grid.height; row++) {
    let col = 0;
    const columns = columnsOf(cells, row);
    while (col < columns) {
      if (kindAt(cells, row, col) !== LABEL) {
        col++;
        continue;
      }
      // Words one blank apart are one label ("Load Balancer").
      const start = col;
      let end = col;
      while (
        kindAt(cells, row, end + 1) === LABEL ||
        (grid.at(row, end + 1) === " " && kindAt(cells, row, end + 2) === LABEL)
      ) {
        end++;
      }
      const text = xmlClean(grid.rows[row]?.slice(start, end + 1).join("") ?? "", false);
      if (text.trim() !== "") {
        texts.push(
          `<text x="${num(PAD + start * CW)}" y="${num(cy(row) + BASELINE)}" textLength="${(end - start + 1) * CW}">${xmlText(text)}</text>`,
        );
      }
      col = end + 1;
    }
  }
  return texts;
}

/**
 * A vector drawing of a diagram from its grid: each closed box a <rect> (or a path
 * when only some corners are rounded), each broken box filled and stroked the same
 * way, every other stroke a line <path>, each arrow head a filled triangle whose tip
 * touches what it points at, each run of label words a <text> at its own column.
 * Drawn from the grid model rather than by aasvg, which draws a box as four
 * unrelated strokes and needs ASCII first.
 */
export function renderSvg(diagram: string, title: string, options: SvgOptions = {}): string {
  const { cells, outlines } = analyse(diagram);
  const { grid } = cells;
  const boxes = shapes(grid, outlines);
  const { lines, brokenEdges, arrows } = strokes(cells, boxes);
  const texts = labelTexts(cells);

  const outlined = boxes.map((b) => {
    if (!b.sound) {
      // The fill of a broken box, corners as drawn; its strokes are in the box-edge path.
      return `<path class="box fill" d="${outlinePath(b, b.rounded)}"/>`;
    }
    if (b.rounded.every((r) => r === b.rounded[0])) {
      const rx = b.rounded[0] ? ` rx="${RADIUS}"` : "";
      return `<rect class="box" x="${num(cx(b.left))}" y="${num(cy(b.top))}" width="${(b.right - b.left) * CW}" height="${(b.bottom - b.top) * CH}"${rx}/>`;
    }
    return `<path class="box" d="${outlinePath(b, b.rounded)}"/>`;
  });

  const width = grid.width * CW + 2 * PAD;
  const height = grid.height * CH + 2 * PAD;
  const description = options.description !== undefined ? xmlText(options.description) : undefined;
  // Ids unique to the drawing, so two diagrams inlined in one page do not share them.
  const id = `sysdiag-${hash(`${title}\n${diagram}`)}`;
  const labelledBy = description !== undefined ? `${id}-title ${id}-desc` : `${id}-title`;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${labelledBy}" class="${id}">`,
    `<title id="${id}-title">${xmlText(title)}</title>`,
    description !== undefined ? `<desc id="${id}-desc">${description}</desc>` : "",
    "<style>",
    // A plain colour before each var(): a renderer without custom properties keeps the first.
    `.${id} { --bg: #ffffff; --box: #f6f8fa; --ink: #57606a; --text: #1f2328; }`,
    `@media (prefers-color-scheme: dark) { .${id} { --bg: #0d1117; --box: #161b22; --ink: #8d96a0; --text: #e6edf3; } }`,
    ".bg { fill: #ffffff; fill: var(--bg); }",
    ".box, .line, .edge { stroke: #57606a; stroke: var(--ink); stroke-width: 1.5; stroke-linecap: square; stroke-linejoin: miter; }",
    ".box { fill: #f6f8fa; fill: var(--box); }",
    ".box.fill { stroke: none; }",
    ".line, .edge { fill: none; }",
    ".arrow { fill: #57606a; fill: var(--ink); }",
    `text { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: ${FONT}px; fill: #1f2328; fill: var(--text); white-space: pre; }`,
    "</style>",
    options.background === "transparent"
      ? ""
      : `<rect class="bg" width="${width}" height="${height}"/>`,
    ...outlined,
    lines.length > 0 ? `<path class="line" d="${lines.join("")}"/>` : "",
    brokenEdges.length > 0 ? `<path class="box edge" d="${brokenEdges.join("")}"/>` : "",
    ...arrows,
    ...texts,
    "</svg>",
    // A file ends in a newline, and a prompt after `show -f svg` starts on its own line.
    "\n",
  ]
    .filter((line) => line !== "")
    .join("\n");
  return svg.endsWith("\n\n") ? svg.slice(0, -1) : svg;
}

/** FNV-1a, base 36: a short stable name for a drawing. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
