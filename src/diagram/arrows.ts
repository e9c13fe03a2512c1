import { ASCII_DOUBLE, DCOL, type Dir, DROW, N, OPPOSITE, S, TEXT_HEADS } from "./charset.js";

/**
 * The text arrows (`→ ← ↑ ↓ ⇒ ⇐ ⇑ ⇓`) of a drawing that are heads, as [row, col, dir, ...]:
 * one at a line's end (`──→`, `│` over `↓`), its shaft a stroke reaching it; and a `↓` or
 * `↑` alone between two rows of text (`Parse` over `↓` over `Plan`), the whole of a line
 * from one to the other. Elsewhere (`App → Cache`, `← note`) an arrow is text.
 * `reaches(row, col, dir)`: whether the cell holds a stroke with an arm towards `dir`;
 * `isText`: whether it is classed text (a blank or a label).
 */
export function textHeads(
  rows: string[][],
  reaches: (row: number, col: number, dir: Dir) => boolean,
  isText: (row: number, col: number) => boolean,
): number[] {
  const found: number[] = [];
  const at = (row: number, col: number) => rows[row]?.[col] ?? " ";
  const label = (row: number, col: number) => at(row, col) !== " " && isText(row, col);
  for (let row = 0; row < rows.length; row++) {
    const cells = rows[row] as string[];
    for (let col = 0; col < cells.length; col++) {
      const dir = TEXT_HEADS.get(cells[col] as string);
      if (dir === undefined) continue;
      const back = OPPOSITE[dir];
      const shaft = reaches(row + DROW[back], col + DCOL[back], dir);
      const lone =
        (dir === N || dir === S) &&
        at(row, col - 1) === " " &&
        at(row, col + 1) === " " &&
        label(row - 1, col) &&
        label(row + 1, col);
      if (shaft || lone) found.push(row, col, dir);
    }
  }
  return found;
}

/**
 * Whether the `=` at `col` of a row (`at(col)` its text) is in the shaft of a double
 * arrow (`==>`, `<==`, `<=>`); elsewhere (`a == b`, `=====` under a title) it is text.
 */
export function inDoubleShaft(at: (col: number) => string, col: number): boolean {
  let from = col;
  let to = col;
  while (at(from - 1) === ASCII_DOUBLE) from--;
  while (at(to + 1) === ASCII_DOUBLE) to++;
  return at(from - 1) === "<" || at(to + 1) === ">";
}
