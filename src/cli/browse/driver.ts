import { closeSync, constants, openSync, readSync, writeSync } from "node:fs";
import { isatty, WriteStream } from "node:tty";
import type { Catalog, Entry } from "../../core/types.js";
import { displayWidth, largest } from "../../core/width.js";
import {
  type Control,
  cursorTo,
  ENTER_SCREEN,
  ERASE_BELOW,
  ERASE_LINE,
  forTerminal,
  HIDE_CURSOR,
  HOME,
  LEAVE_SCREEN,
  NEXT_LINE,
  PASTE_OFF,
  PASTE_ON,
  SHOW_CURSOR,
} from "../terminal.js";
import { KeyReader } from "./keys.js";
import { drawScreen, type Look, panes, type Size } from "./layout.js";
import { applyKey, keepVisible, type PickerState } from "./state.js";

/**
 * The picker's terminal side, kept thin: raw mode, the alternate screen, keys in
 * and frames out. What a frame shows is layout.ts's; what a key does is state.ts's.
 * It draws on standard error when that is the terminal, else on /dev/tty, so that
 * standard output is left for the chosen diagram. Every frame passes the terminal
 * guard (../terminal.ts): a catalog's text is never sent as a sequence.
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

export interface Screen {
  fd: number;
  size(): Size;
  close(): void;
}

/** The terminal to draw on: standard error when it is one, else /dev/tty (standard output stays free). */
export function openScreen(): Screen {
  if (isatty(2)) return { fd: 2, size: () => sizeOf(process.stderr), close() {} };
  const fd = openSync("/dev/tty", "w");
  const stream = new WriteStream(fd);
  return { fd, size: () => sizeOf(stream), close: () => stream.destroy() };
}

function sizeOf(stream: WriteStream): Size {
  const [columns, rows] = stream.getWindowSize();
  return { columns: Math.max(1, columns || 80), rows: Math.max(1, rows || 24) };
}

/**
 * The bytes of one frame: the lines from layout.ts, guarded, each erased to its end
 * but a full one (there the cursor waits on the last column, and erasing would take
 * that column's character), and the cursor left at `cursor` on `row` (the query line).
 */
export function frameBytes(
  lines: readonly string[],
  cursor: number,
  columns: number,
  row = 1,
): string {
  const parts: Array<string | Control> = [HIDE_CURSOR, HOME];
  lines.forEach((line, i) => {
    if (i > 0) parts.push(NEXT_LINE);
    parts.push(line);
    if (displayWidth(line) < columns) parts.push(ERASE_LINE);
  });
  return forTerminal(...parts, ERASE_BELOW, cursorTo(row, cursor + 1), SHOW_CURSOR);
}

/**
 * Input the picker did not read: the rest of a paste a terminal sent unbracketed after
 * its first newline (which chose a diagram). Read and dropped before the terminal goes
 * back to the shell, which would run it. Read through a non-blocking descriptor of its
 * own, so that it stops at the first read that finds nothing and can never wait.
 */
function discardUnread(): void {
  let fd: number;
  try {
    fd = openSync("/dev/tty", constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch {
    return;
  }
  const buffer = Buffer.alloc(4096);
  try {
    for (let reads = 0; reads < 1024; reads++) {
      if (readSync(fd, buffer, 0, buffer.length, null) <= 0) break;
    }
  } catch {
    // EAGAIN: nothing more to read.
  } finally {
    closeSync(fd);
  }
}

/**
 * Takes the terminal over: the alternate screen, raw mode, bracketed paste. Returns
 * the way back, which every way out takes (a signal, an exception, process.exit), once.
 */
export function takeOver(screen: Screen): () => void {
  const stdin = process.stdin;
  const write = (...parts: Array<string | Control>) => writeSync(screen.fd, forTerminal(...parts));
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    process.off("exit", restore);
    process.off("SIGTERM", onTerm);
    process.off("SIGINT", onInt);
    process.off("SIGHUP", onTerm);
    stdin.pause();
    if (stdin.isTTY) discardUnread();
    try {
      write(PASTE_OFF, LEAVE_SCREEN);
    } catch {
      // The terminal is gone: nothing is left to restore.
    }
    if (stdin.isTTY) stdin.setRawMode(false);
    screen.close();
  };
  const onTerm = () => {
    restore();
    process.exit(143);
  };
  const onInt = () => {
    restore();
    process.exit(130);
  };
  process.on("exit", restore);
  process.on("SIGTERM", onTerm);
  process.on("SIGINT", onInt);
  process.on("SIGHUP", onTerm);
  write(ENTER_SCREEN, PASTE_ON);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  return restore;
}

/** What the picker shows for a state: the results of its query in its category. */
class Results {
  entries: readonly Entry[] = [];

  constructor(private readonly options: PickOptions) {}

  async update(state: PickerState): Promise<void> {
    const { catalog, rank } = this.options;
    const ranked = state.query.trim() === "" ? catalog.diagrams : await rank(state.query);
    const id = catalog.categories[state.category]?.id;
    this.entries = id === undefined ? ranked : ranked.filter((e) => e.categoryId === id);
  }

  /** How many diagrams the category has (all of them for every category). */
  inScope(state: PickerState): number {
    const { catalog } = this.options;
    const id = catalog.categories[state.category]?.id;
    return id === undefined
      ? catalog.diagrams.length
      : catalog.diagrams.filter((e) => e.categoryId === id).length;
  }
}

/** Runs the picker; the chosen entry, or undefined when it was left with Esc or Ctrl-C. */
export async function pick(options: PickOptions): Promise<Entry | undefined> {
  const { catalog, look } = options;
  const screen = openScreen();
  const widest = largest(
    catalog.diagrams.map((d) => largest(d.diagram.split("\n").map((l) => l.length))),
  );
  const results = new Results(options);
  let state = options.start;
  const listRows = () => panes(screen.size(), widest).listRows;
  const draw = () => {
    const size = screen.size();
    state = keepVisible(state, listRows());
    const view = {
      state,
      results: results.entries,
      total: results.inScope(state),
      category: catalog.categories[state.category]?.name,
      widest,
    };
    const { lines, cursor } = drawScreen(view, size, look);
    writeSync(screen.fd, frameBytes(lines, cursor, size.columns));
  };
  /** One chunk of input: the keys in it, in turn; the outcome of the first that ends the pick. */
  const keys = new KeyReader();
  const handle = async (chunk: string): Promise<{ entry: Entry | undefined } | undefined> => {
    for (const key of keys.read(chunk)) {
      const before = state;
      const next = applyKey(
        state,
        key,
        results.entries.length,
        listRows(),
        catalog.categories.length,
      );
      state = next.state;
      if (next.outcome === "cancel") return { entry: undefined };
      if (next.outcome === "choose") return { entry: results.entries[state.selected] };
      if (state.query !== before.query || state.category !== before.category) {
        await results.update(state);
      }
    }
    draw();
    return undefined;
  };

  const restore = takeOver(screen);
  try {
    await results.update(state);
    draw();
    options.onFirstFrame?.();
    return (await readUntilEnded(handle, draw)).entry;
  } finally {
    restore();
  }
}

/**
 * Feeds standard input to `handle`, one chunk after another (never two at once), and
 * redraws on a resize, until a chunk ends it (`handle` returns what it ended with).
 */
export function readUntilEnded<T extends object>(
  handle: (chunk: string) => Promise<T | undefined>,
  draw: () => void,
): Promise<T> {
  const stdin = process.stdin;
  return new Promise<T>((resolve, reject) => {
    let queue = Promise.resolve();
    let done = false;
    const onResize = () => {
      queue = queue.then(draw).catch(reject);
    };
    const onData = (chunk: string) => {
      queue = queue
        .then(async () => {
          if (done) return;
          const ended = await handle(chunk);
          if (!ended) return;
          done = true;
          stdin.off("data", onData);
          process.off("SIGWINCH", onResize);
          resolve(ended);
        })
        .catch(reject);
    };
    stdin.on("data", onData);
    process.on("SIGWINCH", onResize);
    stdin.resume();
  });
}
