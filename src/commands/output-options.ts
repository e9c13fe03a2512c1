import { UsageError } from "../core/errors.js";
import { FORMAT_HELP, FORMATS, type Format } from "../render/formats.js";
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
