import { UsageError } from "../core/errors.js";
import type { Entry } from "../core/types.js";
import type { Direction } from "../diagram/graph.js";
import { DIRECTIONS, FORMAT_HELP, FORMATS, type Format } from "../render/formats.js";
import type { Context } from "./context.js";
import type { Result } from "./spec.js";
import { flag, oneOf } from "./spec.js";

/** How a diagram is printed: `show` and `random` take the same options, from here. */
export const outputOptions = {
  raw: flag("--raw", "only the diagram text: no frame, no title, no colour (= --format txt)"),
  json: flag("--json", "the whole entry as JSON, an array for several names (= --format json)"),
  format: oneOf("-f, --format <format>", FORMAT_HELP, FORMATS),
  transparent: flag(
    "--transparent",
    "with --format svg: no background, for a page of either theme",
  ),
  direction: oneOf(
    "--direction <way>",
    "with --format mermaid, dot or d2: the way the graph flows (default: as the drawing's arrows point)",
    DIRECTIONS,
  ),
  original: flag("--original", "the diagram as the source document drew it, before any repair"),
};

/** --raw and --json are the txt and json formats by their old names; only one may be asked for. */
export function chosenFormat(options: { raw?: boolean; json?: boolean; format?: Format }): Format {
  const asked = [
    options.raw ? "--raw" : undefined,
    options.json ? "--json" : undefined,
    options.format !== undefined ? "--format" : undefined,
  ].filter(Boolean);
  if (asked.length > 1) throw new UsageError(`${asked.join(" and ")} cannot be used together`);
  if (options.raw) return "txt";
  if (options.json) return "json";
  return options.format ?? "text";
}

/** What the output options ask of the entries a command picked (`show`, `random`). */
export interface OutputChoice {
  original?: boolean;
  transparent?: boolean;
  direction?: Direction;
}

/**
 * The entries printed in a format: --original swaps in the drawing as the source drew
 * it, and a format that reads a drawing as a graph says when the drawing has defects
 * (with --strict, exit 1).
 */
export async function printEntries(
  ctx: Context,
  found: readonly Entry[],
  format: Format,
  options: OutputChoice,
): Promise<Result> {
  const entries = found.map((entry) =>
    options.original ? { ...entry, diagram: entry.original ?? entry.diagram } : entry,
  );
  const { renderAs, ONE_AT_A_TIME } = await import("../render/formats.js");
  const stdout = await renderAs(
    format,
    entries,
    // Named one by one: spreading the context would ask its every getter, and
    // `terminal` loads node:tty when standard input is a character device.
    {
      style: ctx.style,
      columns: ctx.columns,
      ascii: ctx.ascii,
      ...(options.direction ? { direction: options.direction } : {}),
    },
    options.transparent === true,
  );
  // Only the formats that read the drawing as a graph (svg's <desc> does) load the check.
  const { graphWarning } = ONE_AT_A_TIME.has(format)
    ? await import("../render/graph-warning.js")
    : { graphWarning: undefined };
  const warning = await graphWarning?.(format, (entries[0] as Entry).diagram, "sysdiag lint");
  return {
    stdout,
    subject: entries.map((e) => e.id).join(", "),
    ...(warning ? { notes: [warning], strictExitCode: 1 } : {}),
  };
}
