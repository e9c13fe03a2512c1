import { findBoxes } from "../diagram/boxes.js";
import { ARMS, type Dir, E, HEADS, N, OPPOSITE, S, STEP, W } from "../diagram/charset.js";
import { Grid } from "../diagram/grid.js";

/** One grid cell in SVG units: a monospace character is about 0.6 em wide. */
const CW = 9;
const CH = 18;
const PAD = CW;
const FONT = 15;

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const cx = (col: number) => PAD + col * CW + CW / 2;
const cy = (row: number) => PAD + row * CH + CH / 2;

/**
 * A vector drawing of a diagram from its grid: each closed box a <rect>, every
 * other stroke a line <path>, each arrow head a filled triangle, each run of label
 * words a <text> at its own column. Drawn from the grid model rather than by
 * aasvg, which draws a box as four unrelated strokes and needs ASCII first.
 */
export function renderSvg(diagram: string, title: string): string {
  const grid = new Grid(diagram);
  const boxes = findBoxes(grid);
  const onPerimeter = new Set<string>();
  for (const b of boxes) {
    for (let c = b.left; c <= b.right; c++) {
      onPerimeter.add(`${b.top}:${c}:h`);
      onPerimeter.add(`${b.bottom}:${c}:h`);
    }
    for (let r = b.top; r <= b.bottom; r++) {
      onPerimeter.add(`${r}:${b.left}:v`);
      onPerimeter.add(`${r}:${b.right}:v`);
    }
  }

  // Half-segments from a cell's centre out to its edge, one per arm, except those
  // that run along a box's own outline (the <rect> draws those).
  const segments: string[] = [];
  const arrows: string[] = [];
  const half = (row: number, col: number, dir: Dir) => {
    const axis = dir === E || dir === W ? "h" : "v";
    if (onPerimeter.has(`${row}:${col}:${axis}`)) return;
    const [dr, dc] = STEP[dir];
    const x = cx(col);
    const y = cy(row);
    segments.push(`M${x},${y}L${x + (dc * CW) / 2},${y + (dr * CH) / 2}`);
  };
  for (let row = 0; row < grid.height; row++) {
    for (let col = 0; col < grid.width; col++) {
      const arms = ARMS.get(grid.at(row, col));
      if (arms !== undefined) {
        for (const dir of [N, E, S, W] as Dir[]) if (arms & dir) half(row, col, dir);
        continue;
      }
      const head = HEADS.get(grid.at(row, col));
      if (head === undefined) continue;
      half(row, col, OPPOSITE[head]);
      const [dr, dc] = STEP[head];
      const tipX = cx(col) + (dc * CW) / 2;
      const tipY = cy(row) + (dr * CH) / 2;
      // Base half a cell back from the tip, as wide as a cell.
      const bx = tipX - dc * CW * 0.9;
      const by = tipY - dr * CH * 0.5;
      const [px, py] = dc !== 0 ? [0, CH * 0.28] : [CW * 0.45, 0];
      arrows.push(
        `<polygon class="arrow" points="${tipX},${tipY} ${bx + px},${by + py} ${bx - px},${by - py}"/>`,
      );
    }
  }

  const texts: string[] = [];
  for (let row = 0; row < grid.height; row++) {
    let col = 0;
    while (col < grid.width) {
      if (grid.kind(row, col) !== "label") {
        col++;
        continue;
      }
      // Words one blank apart are one label ("Load Balancer").
      const start = col;
      let end = col;
      while (
        grid.kind(row, end + 1) === "label" ||
        (grid.at(row, end + 1) === " " && grid.kind(row, end + 2) === "label")
      ) {
        end++;
      }
      const text = grid.rows[row]?.slice(start, end + 1).join("") ?? "";
      texts.push(
        `<text x="${PAD + start * CW}" y="${cy(row)}" textLength="${(end - start + 1) * CW}">${escapeXml(text)}</text>`,
      );
      col = end + 1;
    }
  }

  const rects = boxes.map(
    (b) =>
      `<rect class="box" x="${cx(b.left)}" y="${cy(b.top)}" width="${(b.right - b.left) * CW}" height="${(b.bottom - b.top) * CH}" rx="3"/>`,
  );
  const width = grid.width * CW + 2 * PAD;
  const height = grid.height * CH + 2 * PAD;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    "<style>",
    "rect.box, path.line { fill: none; stroke: #334155; stroke-width: 1.5; stroke-linecap: square; }",
    "rect.box { fill: #f8fafc; }",
    "polygon.arrow { fill: #334155; }",
    `text { font: ${FONT}px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; fill: #0f172a; dominant-baseline: central; white-space: pre; }`,
    "</style>",
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...rects,
    segments.length > 0 ? `<path class="line" d="${segments.join("")}"/>` : "",
    ...arrows,
    ...texts,
    "</svg>",
    "",
  ]
    .filter((line) => line !== "")
    .join("\n");
}
