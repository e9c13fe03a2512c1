import type { Box } from "../boxes.js";
import { columnsOf, LABEL } from "../cells.js";
import { MOST_SLIP } from "./drift.js";
import { cellText, type Extraction, idx, type TextRun } from "./extraction.js";
import type { GraphNode } from "./model.js";
import { slug, squeeze } from "./text.js";

/** The text inside a box and outside the boxes in it, its lines joined (joinLines). */
function boxLabel(x: Extraction, i: number): string {
  const box = x.boxes[i] as Box;
  const lines: string[] = [];
  for (let r = box.top + 1; r < box.bottom; r++) {
    let line = "";
    // From side to side: a side that slipped outwards leaves its column to the box (drift.ts).
    const last = Math.min(box.right + MOST_SLIP, columnsOf(x.cells, r) - 1);
    for (let c = box.left; c <= last; c++) {
      const cell = idx(x, r, c);
      const mine = x.inner[cell] === i && !x.claimed[cell];
      line += mine && x.cells.kind[cell] === LABEL ? cellText(x, r, c) : " ";
    }
    const text = squeeze(line);
    if (text) lines.push(text);
  }
  return joinLines(lines);
}

/**
 * A box's lines joined by a space, but a word broken over two lines at a hyphen
 * (`Inter-` / `connect` in a narrow box) joined back into one.
 */
function joinLines(lines: string[]): string {
  let out = lines[0] ?? "";
  for (let k = 1; k < lines.length; k++) {
    const next = lines[k] as string;
    const broken = /[a-z]-$/i.test(out) && /^[a-z]/.test(next);
    out = broken ? out.slice(0, -1) + next : `${out} ${next}`;
  }
  return out;
}

/**
 * `base`, or `base-2`, `base-3`… the first not used. `tried` keeps where each base's
 * count stopped: ids are never given back, so the ones below it are still used, and
 * a thousand boxes of one label no longer try a million ids.
 */
function uniqueId(base: string, used: Set<string>, tried: Map<string, number>): string {
  let n = tried.get(base) ?? 1;
  let id = n === 1 ? base : `${base}-${n}`;
  while (used.has(id)) id = `${base}-${++n}`;
  tried.set(base, n);
  used.add(id);
  return id;
}

/**
 * The nodes in reading order, with readable ids: the boxes, then the text nodes; `ids`
 * maps each node's key to its id, `order` each id to its place.
 */
export function placeNodes(
  x: Extraction,
  textNodes: Set<string>,
  runs: Map<string, TextRun>,
): { nodes: GraphNode[]; ids: Map<string, string>; order: Map<string, number> } {
  // Nodes in reading order, with readable ids.
  interface Placed {
    key: string;
    row: number;
    col: number;
    label: string;
    kind: "box" | "text";
    parentKey?: string;
  }
  const placed: Placed[] = x.boxes.map((box, i) => {
    const parent = x.parent[i] as number;
    return {
      key: `b${i}`,
      row: box.top,
      col: box.left,
      label: boxLabel(x, i),
      kind: "box" as const,
      ...(parent >= 0 ? { parentKey: `b${parent}` } : {}),
    };
  });
  for (const key of textNodes) {
    const run = runs.get(key.slice(1)) as TextRun;
    const parent = x.inner[idx(x, run.row, run.start)] as number;
    placed.push({
      key,
      row: run.row,
      col: run.start,
      label: [run.text, ...run.more].join(" "),
      kind: "text",
      ...(parent >= 0 ? { parentKey: `b${parent}` } : {}),
    });
  }
  placed.sort((a, b) => a.row - b.row || a.col - b.col);
  const ids = new Map<string, string>();
  const order = new Map<string, number>();
  const used = new Set<string>();
  const tried = new Map<string, number>();
  placed.forEach((p, i) => {
    const id = uniqueId(slug(p.label) || `${p.kind}-${i + 1}`, used, tried);
    ids.set(p.key, id);
    order.set(id, i);
  });
  const nodes: GraphNode[] = placed.map((p) => ({
    id: ids.get(p.key) as string,
    label: p.label,
    kind: p.kind,
    ...(p.parentKey ? { parent: ids.get(p.parentKey) as string } : {}),
  }));

  return { nodes, ids, order };
}
