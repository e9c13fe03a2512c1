/**
 * Random small graphs drawn as box drawings, then read back: 2-6 boxes in the slots of
 * a 3 x 2 grid, edges as straight or L-shaped lines with or without an arrow head. An edge
 * that cannot be routed without touching another line or box is left out of the drawing
 * and so out of the graph the extractor must find.
 */

const SLOT_W = 26;
const SLOT_H = 10;
const BOX_H = 5;

interface Placed {
  label: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Wanted {
  from: number;
  to: number;
  directed: boolean;
  variant: number;
}

class Canvas {
  readonly cells: string[][];
  /** Which box's outline each cell is on, and which cells lines have taken. */
  private readonly owner = new Map<string, number>();
  private readonly taken = new Set<string>();

  constructor(width: number, height: number) {
    this.cells = Array.from({ length: height }, () => Array(width).fill(" "));
  }

  at(r: number, c: number): string {
    return this.cells[r]?.[c] ?? "#";
  }

  set(r: number, c: number, ch: string) {
    (this.cells[r] as string[])[c] = ch;
  }

  box(i: number, b: Placed) {
    for (let c = b.left; c <= b.right; c++) {
      this.set(b.top, c, "─");
      this.set(b.bottom, c, "─");
    }
    for (let r = b.top; r <= b.bottom; r++) {
      this.set(r, b.left, "│");
      this.set(r, b.right, "│");
    }
    this.set(b.top, b.left, "┌");
    this.set(b.top, b.right, "┐");
    this.set(b.bottom, b.left, "└");
    this.set(b.bottom, b.right, "┘");
    for (const [k, ch] of [...b.label].entries()) this.set(b.top + 2, b.left + 2 + k, ch);
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        if (r === b.top || r === b.bottom || c === b.left || c === b.right) {
          this.owner.set(`${r},${c}`, i);
        }
      }
    }
  }

  /**
   * Draws a line if its cells are blank and touch no other line, and no box but its own
   * two at its two ends; `junctions` are the outline cells it leaves from or enters by.
   */
  tryLine(
    cells: [number, number, string][],
    ends: [number, number],
    junctions: [number, number, string][],
  ): boolean {
    const mine = new Set(cells.map(([r, c]) => `${r},${c}`));
    for (const [k, [r, c]] of cells.entries()) {
      if (this.at(r, c) !== " ") return false;
      for (const [dr, dc] of [
        [1, 0],
        [-1, 0],
        [0, 1],
        [0, -1],
      ] as const) {
        const key = `${r + dr},${c + dc}`;
        if (this.taken.has(key) && !mine.has(key)) return false;
        const box = this.owner.get(key);
        if (box === undefined) continue;
        const allowed = (k === 0 && box === ends[0]) || (k === cells.length - 1 && box === ends[1]);
        if (!allowed) return false;
      }
    }
    for (const [r, c] of junctions) {
      if (this.at(r, c) !== "─" && this.at(r, c) !== "│") return false;
      for (const [dr, dc] of [
        [0, 1],
        [0, -1],
        [1, 0],
        [-1, 0],
      ] as const) {
        if (!"─│".includes(this.at(r + dr, c + dc)) && this.owner.has(`${r + dr},${c + dc}`)) {
          return false;
        }
      }
    }
    for (const [r, c, ch] of cells) {
      this.set(r, c, ch);
      this.taken.add(`${r},${c}`);
    }
    for (const [r, c, ch] of junctions) this.set(r, c, ch);
    return true;
  }

  text(): string {
    return this.cells.map((row) => row.join("").trimEnd()).join("\n");
  }
}

const range = (a: number, b: number) => {
  const out: number[] = [];
  for (let x = Math.min(a, b); x <= Math.max(a, b); x++) out.push(x);
  return out;
};

/** Candidate routes from box a to box b: cells (with their characters) and outline junctions. */
function routes(a: Placed, b: Placed, directed: boolean) {
  const out: { cells: [number, number, string][]; junctions: [number, number, string][] }[] = [];
  const rows = (p: Placed) => range(p.top + 1, p.bottom - 1);
  const cols = (p: Placed) => range(p.left + 2, p.right - 2);
  const sameRow = a.top === b.top;
  const sameCol = a.left === b.left;
  if (sameRow) {
    const east = b.left > a.right;
    for (const r of rows(a)) {
      const span = east ? range(a.right + 1, b.left - 1) : range(b.right + 1, a.left - 1);
      const cells = span.map((c) => [r, c, "─"] as [number, number, string]);
      if (!east) cells.reverse();
      const last = cells[cells.length - 1] as [number, number, string];
      if (directed) last[2] = east ? "►" : "◄";
      out.push({
        cells,
        junctions: [
          [r, east ? a.right : a.left, east ? "├" : "┤"],
          ...(directed
            ? []
            : [[r, east ? b.left : b.right, east ? "┤" : "├"] as [number, number, string]]),
        ],
      });
    }
  } else if (sameCol) {
    const south = b.top > a.bottom;
    for (const c of cols(a)) {
      if (c < b.left + 2 || c > b.right - 2) continue;
      const span = south ? range(a.bottom + 1, b.top - 1) : range(b.bottom + 1, a.top - 1);
      const cells = span.map((r) => [r, c, "│"] as [number, number, string]);
      if (!south) cells.reverse();
      const last = cells[cells.length - 1] as [number, number, string];
      if (directed) last[2] = south ? "▼" : "▲";
      out.push({
        cells,
        junctions: [
          [south ? a.bottom : a.top, c, south ? "┬" : "┴"],
          ...(directed
            ? []
            : [[south ? b.top : b.bottom, c, south ? "┴" : "┬"] as [number, number, string]]),
        ],
      });
    }
  } else {
    // Out of a's side towards b, then down or up into b.
    const east = b.left > a.right;
    const south = b.top > a.bottom;
    for (const r of rows(a)) {
      for (const c of cols(b)) {
        const cells: [number, number, string][] = [];
        const across = east ? range(a.right + 1, c - 1) : range(c + 1, a.left - 1).reverse();
        for (const x of across) cells.push([r, x, "─"]);
        const corner = east ? (south ? "┐" : "┘") : south ? "┌" : "└";
        cells.push([r, c, corner]);
        const down = south ? range(r + 1, b.top - 1) : range(b.bottom + 1, r - 1).reverse();
        for (const y of down) cells.push([y, c, "│"]);
        const last = cells[cells.length - 1] as [number, number, string];
        if (directed) last[2] = south ? "▼" : "▲";
        out.push({
          cells,
          junctions: [
            [r, east ? a.right : a.left, east ? "├" : "┤"],
            ...(directed
              ? []
              : [[south ? b.top : b.bottom, c, south ? "┴" : "┬"] as [number, number, string]]),
          ],
        });
      }
    }
    // Or out of a's top or bottom, then across into b's side.
    for (const c of cols(a)) {
      for (const r of rows(b)) {
        const cells: [number, number, string][] = [];
        const down = south ? range(a.bottom + 1, r - 1) : range(r + 1, a.top - 1).reverse();
        for (const y of down) cells.push([y, c, "│"]);
        const corner = south ? (east ? "└" : "┘") : east ? "┌" : "┐";
        cells.push([r, c, corner]);
        const across = east ? range(c + 1, b.left - 1) : range(b.right + 1, c - 1).reverse();
        for (const x of across) cells.push([r, x, "─"]);
        const last = cells[cells.length - 1] as [number, number, string];
        if (directed) last[2] = east ? "►" : "◄";
        out.push({
          cells,
          junctions: [
            [south ? a.bottom : a.top, c, south ? "┬" : "┴"],
            ...(directed
              ? []
              : [[r, east ? b.left : b.right, east ? "┤" : "├"] as [number, number, string]]),
          ],
        });
      }
    }
  }
  return out;
}

export function drawGraph(labels: string[], slots: number[], wanted: Wanted[]) {
  const boxes: Placed[] = labels.map((label, i) => {
    const slot = slots[i] as number;
    const top = Math.floor(slot / 3) * SLOT_H + 1;
    const left = (slot % 3) * SLOT_W + 2;
    return { label, top, left, bottom: top + BOX_H - 1, right: left + label.length + 3 };
  });
  const canvas = new Canvas(SLOT_W * 3 + 4, SLOT_H * 2 + 2);
  for (const [i, b] of boxes.entries()) canvas.box(i, b);
  const drawn: string[] = [];
  const pairs = new Set<string>();
  for (const w of wanted) {
    const pair = [w.from, w.to].sort().join(",");
    if (w.from === w.to || pairs.has(pair)) continue;
    const options = routes(boxes[w.from] as Placed, boxes[w.to] as Placed, w.directed);
    for (let k = 0; k < options.length; k++) {
      const option = options[(k + w.variant) % options.length];
      if (!option) continue;
      if (canvas.tryLine(option.cells, [w.from, w.to], option.junctions)) {
        pairs.add(pair);
        const [a, b] = [labels[w.from] as string, labels[w.to] as string];
        drawn.push(w.directed ? `${a} -> ${b}` : [a, b].sort().join(" -- "));
        break;
      }
    }
  }
  return { text: canvas.text(), edges: drawn.sort() };
}
