import { dirname, relative, resolve } from "node:path";
import { builtin } from "../core/builtin.js";
import { readText } from "../core/io.js";

/** The build's map is some 100 KB; one far past that is not the build's. */
const MAP_LIMIT = { limit: 16 * 1024 * 1024, purpose: "source maps are read up to 16 MB" };

/**
 * A bug report's stack with the bundle's places given as the source's:
 * `at Lu (/…/dist/cli.js:31:184)` becomes `at Lu (src/cli/main.ts:139)`, from the
 * source map the build puts beside the bundle (`dist/cli.js.map`, which maps lines,
 * not names or columns: scripts/code-cache.cjs). The map is read only here, when an
 * internal error is reported: a command that runs well never pays for it. Where the
 * map is missing or unreadable, the stack is given as it is.
 */
export function sourceStack(stack: string, bundle: string): string {
  try {
    const { SourceMap } = builtin<typeof import("node:module")>("node:module");
    // Through the one checked open: a FIFO or device there cannot hang a bug report.
    const map = new SourceMap(JSON.parse(readText(`${bundle}.map`, MAP_LIMIT, { own: true })));
    const root = resolve(dirname(bundle), "..");
    return stack
      .split("\n")
      .map((line) => {
        const frame = frameOf(line, bundle);
        if (!frame) return line;
        const entry = map.findEntry(frame.line - 1, frame.column - 1);
        if (!("originalSource" in entry)) return line;
        const file = relative(root, resolve(dirname(bundle), sourcePath(entry.originalSource)));
        const place = `${file}:${entry.originalLine + 1}`;
        return `${frame.head}${frame.name ? `${frame.name} (${place})` : place}`;
      })
      .join("\n");
  } catch {
    return stack;
  }
}

interface Frame {
  /** `    at `, with `async ` or `new ` when the frame has it. */
  head: string;
  name: string | undefined;
  line: number;
  column: number;
}

/** A line of a V8 stack that is a place in the bundle: `    at name (file:line:column)`. */
function frameOf(text: string, bundle: string): Frame | undefined {
  const match = /^(\s*at (?:async |new )?)(?:(.*) \()?(.*):(\d+):(\d+)\)?$/.exec(text);
  if (!match || match[3] !== bundle) return undefined;
  const [, head = "", name, , line, column] = match;
  return { head, name, line: Number(line), column: Number(column) };
}

/** A source as a path: the map names them relative to itself (a Node may give file URLs). */
function sourcePath(source: string): string {
  return source.startsWith("file://") ? decodeURIComponent(new URL(source).pathname) : source;
}
