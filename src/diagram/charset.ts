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
/**
 * The rows and columns one step in a direction takes, as two lookups rather than a
 * pair: walks take many steps, and a pair made per step (or taken apart through an
 * iterator, in the interpreter) costs more than the step.
 */
export const DROW: Record<Dir, number> = { [N]: -1, [E]: 0, [S]: 1, [W]: 0 } as Record<Dir, number>;
export const DCOL: Record<Dir, number> = { [N]: 0, [E]: 1, [S]: 0, [W]: -1 } as Record<Dir, number>;
export const DIR_NAME: Record<Dir, string> = {
  [N]: "up",
  [E]: "right",
  [S]: "down",
  [W]: "left",
} as Record<Dir, string>;

/**
 * Box-drawing characters by their arms, a row per set of arms: light first (the one
 * drawn when a set of arms is wanted), then rounded, heavy, double, dashed and the
 * light/heavy and single/double mixes. The diagonals (`╱╲╳`) have no arms.
 */
const BY_ARMS_ROWS: [number, string][] = [
  [E | W, "─━═┄┅┈┉╌╍╼╾"],
  [N | S, "│┃║┆┇┊┋╎╏╽╿"],
  [E | S, "┌╭┏╔┍┎╒╓"],
  [S | W, "┐╮┓╗┑┒╕╖"],
  [N | E, "└╰┗╚┕┖╘╙"],
  [N | W, "┘╯┛╝┙┚╛╜"],
  [N | E | S, "├┣╠┝┞┟┠┡┢╞╟"],
  [N | S | W, "┤┫╣┥┦┧┨┩┪╡╢"],
  [E | S | W, "┬┳╦┭┮┯┰┱┲╤╥"],
  [N | E | W, "┴┻╩┵┶┷┸┹┺╧╨"],
  [N | E | S | W, "┼╋╬┽┾┿╀╁╂╃╄╅╆╇╈╉╊╪╫"],
  [N, "╵╹"],
  [E, "╶╺"],
  [S, "╷╻"],
  [W, "╴╸"],
];

// Filled by loops, not spread and flatMap: their iterators cost every start-up about
// 0.05 ms in the interpreter. The characters are all in the BMP, one code unit each.
const armsOf = new Map<string, number>();
const lightOf = new Map<number, string>();
for (const [arms, chars] of BY_ARMS_ROWS) {
  lightOf.set(arms, chars[0] as string);
  for (let i = 0; i < chars.length; i++) armsOf.set(chars[i] as string, arms);
}
/** Arms of every box-drawing character that has them. */
export const ARMS: ReadonlyMap<string, number> = armsOf;
/** The light character with exactly these arms (corners drawn square). */
export const BY_ARMS: ReadonlyMap<number, string> = lightOf;

/** Corners drawn rounded. */
export const ROUNDED = new Set("╭╮╰╯");

/** The light and rounded strokes: what the catalog is drawn with. */
const LIGHT = "─│┌╭┐╮└╰┘╯├┤┬┴┼";

/**
 * ASCII drawings (`+--+`, `|`, `-->`): a `+` is a corner or junction whose arms come
 * from its neighbours, `-` and `|` are strokes only as part of a line (`=` only as the
 * shaft of an arrow, `==>`), and `v ^ < >`
 * are heads only with a shaft or an edge beside them. A text is drawn in ASCII when it
 * has no box-drawing character and a `+--` or `--+` (a box) or a `-->` or `<--` (an arrow).
 */
export const ASCII_CORNER = "+";
export const ASCII_HORIZONTAL = "-";
export const ASCII_VERTICAL = "|";
/** The shaft of a double arrow (`==>`, `<==>`): a stroke only there. */
export const ASCII_DOUBLE = "=";
export const ASCII_HEADS: ReadonlyMap<string, Dir> = new Map<string, Dir>([
  ["v", S],
  ["^", N],
  [">", E],
  ["<", W],
]);
const ASCII_DRAWING = /\+--|--\+|-->|<--/;

export function isAsciiDrawing(text: string): boolean {
  return ASCII_DRAWING.test(text) && !BOX_DRAWING.test(text);
}

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

/**
 * Text arrows that are heads where a line ends in them (`──→`, `│` over `↓`), as `▶`
 * is; elsewhere (`Client → Server`) they are text.
 */
export const TEXT_HEADS: ReadonlyMap<string, Dir> = new Map<string, Dir>([
  ["→", E],
  ["←", W],
  ["↑", N],
  ["↓", S],
  ["⇒", E],
  ["⇐", W],
  ["⇑", N],
  ["⇓", S],
]);
const TEXT_HEAD = /[\u2190-\u2193\u21D0-\u21D3]/;

export function hasTextHead(text: string): boolean {
  return TEXT_HEAD.test(text);
}

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
export const DIAGRAM_CHARACTERS = `${LIGHT}${[...HEADS.keys()].join("")}←→↑↓↔↕`;
