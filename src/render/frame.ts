import { displayWidth, largest } from "../core/width.js";
import type { Style } from "./style.js";

/** The lines of a diagram as measured (plain) and as printed (maybe coloured). */
export interface Body {
  plain: string;
  styled: string;
}

const PAD = " ";
/** Cells a frame may hold whatever it frames (every shipped diagram is far below it). */
const FRAMED_MAX = 1_000_000;
const ROUND = { topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", h: "─", v: "│" };
const ASCII = { topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", h: "-", v: "|" };

/**
 * Draws a rounded frame titled at its top-left, exactly as boxen draws
 * `{borderStyle: "round", padding: {left: 1, right: 1}, title, width}` (a test
 * holds the two side by side). It is drawn here because loading boxen costs
 * more than the rest of `show` together. Returns undefined when the frame would
 * not fit in `columns`: a wrapped diagram line is a broken diagram, so the caller
 * prints it unframed instead. So too when framing would make a large drawing much
 * larger: every line is padded to the widest, and one long line over many short ones
 * (a 224 KB drawing) made gigabytes.
 */
export function frame(
  body: Body,
  title: string,
  style: Style,
  columns: number | undefined,
  ascii = false,
): string | undefined {
  const BORDER = ascii ? ASCII : ROUND;
  const plainLines = body.plain.split("\n");
  const styledLines = body.styled.split("\n");
  const titleWidth = displayWidth(title);
  const widths = plainLines.map(displayWidth);
  const inner = Math.max(largest(widths) + 2, titleWidth + 3);
  if (columns !== undefined && inner + 2 > columns) return undefined;
  if ((inner + 2) * plainLines.length > Math.max(FRAMED_MAX, 4 * body.plain.length)) {
    return undefined;
  }

  const top =
    style.dim(`${BORDER.topLeft}${PAD}`) +
    style.title(title) +
    style.dim(`${PAD}${BORDER.h.repeat(inner - titleWidth - 2)}${BORDER.topRight}`);
  const side = style.dim(BORDER.v);
  const rows = styledLines.map(
    (line, i) => `${side}${PAD}${line}${PAD.repeat(inner - 1 - (widths[i] ?? 0))}${side}`,
  );
  const bottom = style.dim(`${BORDER.bottomLeft}${BORDER.h.repeat(inner)}${BORDER.bottomRight}`);
  return [top, ...rows, bottom].join("\n");
}
