import { GraphTooLargeError } from "../core/errors.js";
import type { Entry } from "../core/types.js";
import type { Direction } from "../diagram/graph.js";
import type { Style } from "./style.js";

/**
 * Every way a diagram can be printed: the framed view for people, the plain
 * drawing, Markdown, SVG, the whole entry as JSON, and its graph as JSON, Mermaid,
 * Graphviz DOT or D2. `show`, `random` and `render` all print through here.
 */
export const FORMATS = [
  "text",
  "txt",
  "md",
  "svg",
  "json",
  "graph",
  "mermaid",
  "dot",
  "d2",
] as const;
export type Format = (typeof FORMATS)[number];

/** The ways `--direction` may name (Mermaid's); a drawing's own is inferred from its arrows. */
export const DIRECTIONS = ["TD", "LR", "BT", "RL"] as const;

/** Formats that draw one diagram a file. */
export const ONE_AT_A_TIME: ReadonlySet<Format> = new Set(["svg", "graph", "mermaid", "dot", "d2"]);

export const FORMAT_HELP =
  "text (framed), txt, md, svg, json (the entry), graph (nodes and edges as JSON), mermaid, dot or d2";

/** How the terminal looks: a command's context is one (and is passed as it is). */
export interface FormatOptions {
  style: Style;
  columns: number | undefined;
  ascii: boolean;
  /** The command that prints an entry whole (a diagram cut at the terminal's edge says it). */
  whole?: (entry: Entry) => string;
  /** Mermaid, DOT, D2: the way the graph flows, over the one its arrows show. */
  direction?: Direction;
}

export async function renderAs(
  format: Format,
  entries: Entry[],
  options: FormatOptions,
  /** SVG: no background, for a page of either theme. */
  transparent = false,
): Promise<string> {
  const [first] = entries as [Entry];
  switch (format) {
    case "json": {
      const { toJson } = await import("./json.js");
      return toJson(entries.length === 1 ? first : entries);
    }
    case "txt": {
      const { renderRaw } = await import("./entry.js");
      return entries.map((e) => renderRaw(e, options.ascii)).join("\n");
    }
    case "md": {
      const { renderMarkdown } = await import("./entry.js");
      return entries.map((e) => renderMarkdown(e, options.ascii)).join("\n");
    }
    case "text": {
      const { renderEntry } = await import("./entry.js");
      return entries
        .map((e) =>
          renderEntry(e, options.style, options.columns, options.ascii, options.whole?.(e)),
        )
        .join("\n");
    }
    case "svg": {
      const [{ renderSvg }, { extractGraph }, { describeGraph }] = await Promise.all([
        import("./svg.js"),
        import("../diagram/graph.js"),
        import("./graph-formats.js"),
      ]);
      let description: string | undefined;
      try {
        description = describeGraph(extractGraph(first.diagram));
      } catch (error) {
        // The drawing is drawn all the same, without a description of a graph past the limit.
        if (!(error instanceof GraphTooLargeError)) throw error;
      }
      return renderSvg(first.diagram, first.title, {
        description,
        background: transparent ? "transparent" : "auto",
      });
    }
    case "graph":
    case "mermaid":
    case "dot":
    case "d2": {
      const [{ extractGraph }, writers] = await Promise.all([
        import("../diagram/graph.js"),
        import("./graph-formats.js"),
      ]);
      // Labels go into other tools' syntax and onto terminals: controls escaped first.
      const { sanitize, sanitizeLine } = await import("../core/sanitize.js");
      const graph = extractGraph(sanitize(first.diagram));
      if (options.direction) graph.direction = options.direction;
      const title = sanitizeLine(first.title);
      if (format === "graph") return writers.toGraphJson(graph);
      if (format === "mermaid") return writers.toMermaid(graph, title);
      if (format === "dot") return writers.toDot(graph, title);
      return writers.toD2(graph, title);
    }
  }
}
