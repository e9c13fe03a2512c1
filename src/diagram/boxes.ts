import { E, HEADS, N, S, W } from "./charset.js";
import type { Grid } from "./grid.js";

/**
 * The one box tracer: lint reports the boxes that do not close, and the renderers
 * and the graph use the ones that do.
 */

const HORIZONTAL = E | W;
const VERTICAL = N | S;

/** A cell that carries a horizontal edge: a stroke with both side arms, or a vertical arrow set in it. */
export function horizontalEdge(grid: Grid, row: number, col: number): boolean {
  if ((grid.arms(row, col) & HORIZONTAL) === HORIZONTAL) return true;
  const head = HEADS.get(grid.at(row, col));
  return head === N || head === S;
}

export function verticalEdge(grid: Grid, row: number, col: number): boolean {
  if ((grid.arms(row, col) & VERTICAL) === VERTICAL) return true;
  const head = HEADS.get(grid.at(row, col));
  return head === E || head === W;
}

/** How far the edges of the box whose top-left corner is at (top, left) run. */
export interface Outline {
  top: number;
  left: number;
  /** Column where the top edge stops: the top-right corner, if it has one. */
  right: number;
  /** Rows where the left and the right edges stop: their bottom corners, if they have them. */
  bottom: number;
  rightBottom: number;
  /** Column where the bottom edge, from the bottom-left corner, stops. */
  bottomEnd: number;
  topCloses: boolean;
  leftCloses: boolean;
  rightCloses: boolean;
}

/** Follows each edge from a top-left corner; undefined when the corner is only a line's bend. */
export function trace(grid: Grid, top: number, left: number): Outline | undefined {
  if (grid.arms(top, left) !== (E | S) || !horizontalEdge(grid, top, left + 1)) return undefined;
  let right = left + 1;
  while (horizontalEdge(grid, top, right)) right++;
  let bottom = top + 1;
  while (verticalEdge(grid, bottom, left)) bottom++;
  let rightBottom = top + 1;
  while (verticalEdge(grid, rightBottom, right)) rightBottom++;
  let bottomEnd = left + 1;
  while (bottomEnd < right && horizontalEdge(grid, bottom, bottomEnd)) bottomEnd++;
  return {
    top,
    left,
    right,
    bottom,
    rightBottom,
    bottomEnd,
    topCloses: (grid.arms(top, right) & (S | W)) === (S | W),
    leftCloses: (grid.arms(bottom, left) & (N | E)) === (N | E),
    rightCloses: (grid.arms(rightBottom, right) & (N | W)) === (N | W),
  };
}

export function outlines(grid: Grid): Outline[] {
  const found: Outline[] = [];
  for (let top = 0; top < grid.height; top++) {
    for (let left = 0; left < grid.width; left++) {
      const outline = trace(grid, top, left);
      if (outline) found.push(outline);
    }
  }
  return found;
}

/** A box whose four edges meet: 0-based rows and columns of its corners. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The closed boxes of a diagram (a broken one is lint's business, not a box). */
export function findBoxes(grid: Grid): Box[] {
  return outlines(grid)
    .filter(
      (o) =>
        o.topCloses &&
        o.leftCloses &&
        o.rightCloses &&
        o.rightBottom === o.bottom &&
        o.bottomEnd === o.right,
    )
    .map(({ top, left, bottom, right }) => ({ top, left, bottom, right }));
}
