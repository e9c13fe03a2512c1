import type { Style } from "./style.js";
import { widestLine } from "./width.js";

const BORDER = 2;
const PADDING = 1;

/**
 * Draws the rounded boxen frame around a diagram, titled. Returns undefined when
 * the frame would not fit in `columns`: a wrapped diagram line is a broken diagram,
 * so the caller prints it unframed instead.
 */
export async function frame(
  body: string,
  title: string,
  style: Style,
  columns: number | undefined,
): Promise<string | undefined> {
  // The width is always given: left to itself, boxen wraps at the terminal's
  // width, or at 80 columns when output is piped.
  const inner = Math.max(widestLine(body) + 2 * PADDING, widestLine(title) + 3);
  const width = inner + BORDER;
  if (columns !== undefined && width > columns) return undefined;
  const { default: boxen } = await import("boxen");
  const plain = boxen(body, {
    borderStyle: "round",
    padding: { top: 0, bottom: 0, left: PADDING, right: PADDING },
    title,
    width,
  });
  return style.color ? colorFrame(plain, title, style) : plain;
}

/** Colours the border after boxen drew it, so boxen's own colour detection never runs. */
function colorFrame(framed: string, title: string, style: Style): string {
  const lines = framed.split("\n");
  const last = lines.length - 1;
  return lines
    .map((line, i) => {
      if (i === 0) {
        const at = line.indexOf(title);
        return (
          style.dim(line.slice(0, at)) +
          style.title(title) +
          style.dim(line.slice(at + title.length))
        );
      }
      if (i === last) return style.dim(line);
      return style.dim(line.slice(0, 1)) + line.slice(1, -1) + style.dim(line.slice(-1));
    })
    .join("\n");
}
