/**
 * The one place the drawing characters are spelled: box-drawing strokes as sets of
 * arms (the directions a stroke leaves its cell in), arrow heads and the way each
 * points, the text arrows written inside labels, and their ASCII stand-ins. The grid,
 * lint, the renderers and the encoding repair all read them from here.
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

/** Corners drawn rounded. */
export const ROUNDED = new Set("╭╮╰╯");

/** The character with exactly these arms (corners drawn square). */
export const BY_ARMS: ReadonlyMap<number, string> = new Map(
  [...ARMS].filter(([char]) => !ROUNDED.has(char)).map(([char, arms]) => [arms, char]),
);

/** Arrow heads drawn in the grid, and the way each points. */
export const HEADS: ReadonlyMap<string, Dir> = new Map<string, Dir>([
  ["▼", S],
  ["▲", N],
  ["►", E],
  ["▶", E],
  ["◄", W],
  ["◀", W],
]);

/** Arrows written inside label text ("Client → Server") and the dot of a dotted line. */
export const TEXT_ARROWS: ReadonlyMap<string, string> = new Map([
  ["→", ">"],
  ["←", "<"],
  ["↑", "^"],
  ["↓", "v"],
  ["↔", "-"],
  ["↕", "|"],
  ["⇐", "<"],
  ["⇒", ">"],
  ["⇑", "^"],
  ["⇓", "v"],
  ["⇔", "-"],
  ["·", "-"],
]);

/** ASCII for each head: `v > < ^`. */
export const HEAD_ASCII: Record<Dir, string> = { [N]: "^", [E]: ">", [S]: "v", [W]: "<" } as Record<
  Dir,
  string
>;

/** Anything in the Unicode box-drawing block, known arms or not. */
export const BOX_DRAWING = /[\u2500-\u257f]/;

export function isBoxDrawing(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x2500 && code <= 0x257f;
}

/** Every arrow a diagram may draw, in the grid or in its text. */
export const ARROWS: ReadonlySet<string> = new Set([
  ...HEADS.keys(),
  ..."△▽◁▷",
  ...[...TEXT_ARROWS.keys()].filter((c) => c !== "·"),
]);

/**
 * The repertoire of an ASCII-art diagram: the characters a byte lost in transit may
 * be restored to by the encoding repair.
 */
export const DIAGRAM_CHARACTERS = `${[...ARMS.keys()].join("")}${[...HEADS.keys()].join("")}←→↑↓↔↕`;
