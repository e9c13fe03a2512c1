import { ARMS, type Dir, HEADS, OPPOSITE, STEP } from "./charset.js";

/**
 * A diagram as a grid of cells. Each box-drawing character is a set of arms
 * (the directions its strokes leave the cell in); arrow heads point one way and
 * take their shaft from the other; everything else but a blank is label text.
 */

export type Kind = "blank" | "stroke" | "head" | "label";

export class Grid {
  readonly rows: string[][];
  readonly width: number;

  constructor(text: string) {
    this.rows = text.split("\n").map((line) => [...line]);
    this.width = Math.max(0, ...this.rows.map((r) => r.length));
  }

  get height(): number {
    return this.rows.length;
  }

  at(row: number, col: number): string {
    return this.rows[row]?.[col] ?? " ";
  }

  kind(row: number, col: number): Kind {
    const char = this.at(row, col);
    if (char === " ") return "blank";
    if (ARMS.has(char)) return "stroke";
    if (HEADS.has(char)) return "head";
    return "label";
  }

  arms(row: number, col: number): number {
    return ARMS.get(this.at(row, col)) ?? 0;
  }

  /** Whether the cell reaches out towards `dir`: an arm, or an arrow's shaft side. */
  reaches(row: number, col: number, dir: Dir): boolean {
    if (this.arms(row, col) & dir) return true;
    const head = HEADS.get(this.at(row, col));
    return head !== undefined && OPPOSITE[head] === dir;
  }
}

export function step(row: number, col: number, dir: Dir): [number, number] {
  const [dr, dc] = STEP[dir];
  return [row + dr, col + dc];
}
