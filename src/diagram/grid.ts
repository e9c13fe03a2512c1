/**
 * A diagram as a grid of cells. Each box-drawing character is a set of arms
 * (the directions its strokes leave the cell in); arrow heads point one way and
 * take their shaft from the other; everything else but a blank is label text.
 */

export const N = 1;
export const E = 2;
export const S = 4;
export const W = 8;
export type Dir = typeof N | typeof E | typeof S | typeof W;
export const DIRS: Dir[] = [N, E, S, W];

export const OPPOSITE: Record<Dir, Dir> = { [N]: S, [E]: W, [S]: N, [W]: E } as Record<Dir, Dir>;
export const STEP: Record<Dir, [number, number]> = {
  [N]: [-1, 0],
  [E]: [0, 1],
  [S]: [1, 0],
  [W]: [0, -1],
} as Record<Dir, [number, number]>;
export const DIR_NAME: Record<Dir, string> = {
  [N]: "up",
  [E]: "right",
  [S]: "down",
  [W]: "left",
} as Record<Dir, string>;

/** Arms of the light (and rounded) box-drawing characters. */
export const ARMS: ReadonlyMap<string, number> = new Map([
  ["─", E | W],
  ["│", N | S],
  ["┌", E | S],
  ["╭", E | S],
  ["┐", S | W],
  ["╮", S | W],
  ["└", N | E],
  ["╰", N | E],
  ["┘", N | W],
  ["╯", N | W],
  ["├", N | E | S],
  ["┤", N | S | W],
  ["┬", E | S | W],
  ["┴", N | E | W],
  ["┼", N | E | S | W],
]);

/** The character with exactly these arms (corners drawn square). */
export const BY_ARMS: ReadonlyMap<number, string> = new Map(
  [...ARMS].filter(([char]) => !"╭╮╰╯".includes(char)).map(([char, arms]) => [arms, char]),
);

/** Arrow heads and the way each points. */
export const HEADS: ReadonlyMap<string, Dir> = new Map<string, Dir>([
  ["▼", S],
  ["▲", N],
  ["►", E],
  ["▶", E],
  ["◄", W],
  ["◀", W],
]);

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

  toString(): string {
    return this.rows.map((r) => r.join("")).join("\n");
  }
}

export function step(row: number, col: number, dir: Dir): [number, number] {
  const [dr, dc] = STEP[dir];
  return [row + dr, col + dc];
}
