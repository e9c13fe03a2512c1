import { openSync, writeSync } from "node:fs";
import { isatty, WriteStream } from "node:tty";
import type { Catalog, Entry } from "../../core/types.js";
import { displayWidth, largest } from "../../core/width.js";
import { decodeKeys } from "./keys.js";
import { drawScreen, type Look, panes, type Size } from "./layout.js";
import { applyKey, keepVisible, type PickerState } from "./state.js";

/**
 * The picker's terminal side, kept thin: raw mode, the alternate screen, keys in
 * and frames out. What a frame shows is layout.ts's; what a key does is state.ts's.
 * It draws on standard error when that is the terminal, else on /dev/tty, so that
 * standard output is left for the chosen diagram.
 */

export interface PickOptions {
  catalog: Catalog;
  /** The ranked entries for a query (the same ranking as `search`). */
  rank(query: string): Promise<readonly Entry[]>;
  look: Look;
  start: PickerState;
  /** Called once the first frame is on screen (for timing). */
  onFirstFrame?: () => void;
}

const ENTER_SCREEN = "\u001b[?1049h\u001b[H\u001b[2J";
const LEAVE_SCREEN = "\u001b[?25h\u001b[?1049l";

interface Screen {
  fd: number;
  size(): Size;
  close(): void;
}

function openScreen(): Screen {
  if (isatty(2)) return { fd: 2, size: () => sizeOf(process.stderr), close() {} };
  const fd = openSync("/dev/tty", "w");
  const stream = new WriteStream(fd);
  return { fd, size: () => sizeOf(stream), close: () => stream.destroy() };
}

function sizeOf(stream: WriteStream): Size {
  const [columns, rows] = stream.getWindowSize();
  return { columns: Math.max(1, columns || 80), rows: Math.max(1, rows || 24) };
}

/** Runs the picker; the chosen entry, or undefined when it was left with Esc or Ctrl-C. */
export async function pick(options: PickOptions): Promise<Entry | undefined> {
  const { catalog, look } = options;
  const stdin = process.stdin;
  const screen = openScreen();
  const widest = largest(
    catalog.diagrams.map((d) => largest(d.diagram.split("\n").map((l) => l.length))),
  );
  let state = options.start;
  let results: readonly Entry[] = [];
  let restored = false;
  const write = (text: string) => writeSync(screen.fd, text);

  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      write(LEAVE_SCREEN);
    } catch {
      // The terminal is gone: nothing is left to restore.
    }
    if (stdin.isTTY) stdin.setRawMode(false);
    stdin.pause();
    screen.close();
  };
  // Every way out restores the terminal: a signal, an exception, process.exit.
  const onExit = () => restore();
  const onTerm = () => {
    restore();
    process.exit(143);
  };
  const onInt = () => {
    restore();
    process.exit(130);
  };
  process.on("exit", onExit);
  process.on("SIGTERM", onTerm);
  process.on("SIGINT", onInt);
  process.on("SIGHUP", onTerm);

  const layout = () => panes(screen.size(), widest);
  const recompute = async () => {
    const { query, category } = state;
    const ranked = query.trim() === "" ? catalog.diagrams : await options.rank(query);
    const id = catalog.categories[category]?.id;
    results = id === undefined ? ranked : ranked.filter((e) => e.categoryId === id);
  };
  const inScope = () => {
    const id = catalog.categories[state.category]?.id;
    return id === undefined
      ? catalog.diagrams.length
      : catalog.diagrams.filter((e) => e.categoryId === id).length;
  };
  const draw = () => {
    const size = screen.size();
    state = keepVisible(state, layout().listRows);
    const { lines, cursor } = drawScreen(
      {
        state,
        results,
        total: inScope(),
        category: catalog.categories[state.category]?.name,
        widest,
      },
      size,
      look,
    );
    // Erase to the end of each line, except a full one: there the cursor waits on
    // the last column, and erasing would take that column's character.
    const body = lines
      .map((line) => (displayWidth(line) < size.columns ? `${line}\u001b[K` : line))
      .join("\r\n");
    write(`\u001b[?25l\u001b[H${body}\u001b[J\u001b[1;${cursor + 1}H\u001b[?25h`);
  };

  try {
    write(ENTER_SCREEN);
    stdin.setRawMode(true);
    stdin.setEncoding("utf8");
    await recompute();
    draw();
    options.onFirstFrame?.();
    return await new Promise<Entry | undefined>((resolve, reject) => {
      let queue = Promise.resolve();
      const onResize = () => {
        queue = queue.then(draw).catch(reject);
      };
      const finish = (entry: Entry | undefined) => {
        stdin.off("data", onData);
        process.off("SIGWINCH", onResize);
        resolve(entry);
      };
      const handle = async (chunk: string) => {
        for (const key of decodeKeys(chunk)) {
          const before = state;
          const next = applyKey(
            state,
            key,
            results.length,
            layout().listRows,
            catalog.categories.length,
          );
          state = next.state;
          if (next.outcome === "cancel") return finish(undefined);
          if (next.outcome === "choose") return finish(results[state.selected]);
          if (state.query !== before.query || state.category !== before.category) {
            await recompute();
          }
        }
        draw();
      };
      const onData = (chunk: string) => {
        queue = queue.then(() => handle(chunk)).catch(reject);
      };
      stdin.on("data", onData);
      process.on("SIGWINCH", onResize);
      stdin.resume();
    });
  } finally {
    restore();
    process.off("exit", onExit);
    process.off("SIGTERM", onTerm);
    process.off("SIGINT", onInt);
    process.off("SIGHUP", onTerm);
  }
}
