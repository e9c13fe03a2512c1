import { mkdtempSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readText, writeFileAtomic } from "../../core/io.js";
import { inputLimit } from "../../core/limits.js";
import type { Style } from "../../render/style.js";
import type { PutCard } from "../../study/session.js";
import { frameBytes, openScreen, readUntilEnded, takeOver } from "../browse/driver.js";
import { KeyReader } from "../browse/keys.js";
import { openEditor } from "../editor.js";
import { type QuizState, quizKey, quizLines } from "./screen.js";

/**
 * The study session on the full screen, in the feel of the picker (and with its
 * terminal handling: the alternate screen, raw mode, drawn on standard error or
 * /dev/tty). Each answer is saved as it is given, so Esc or Ctrl-C ends the session
 * with everything answered kept.
 */

export interface QuizEnd {
  /** How it ended: every card asked, Esc, or Ctrl-C. */
  ended: "done" | "escape" | "interrupt";
}

/** A drawing made in the user's editor, from a template: the file's text once it quits. */
function drawInEditor(template: string): string {
  const dir = mkdtempSync(join(tmpdir(), "sysdiag-redraw-"));
  try {
    const file = join(dir, "drawing.txt");
    writeFileAtomic(file, template, false);
    openEditor(process.env, file, template.split("\n").length);
    return readText(file, inputLimit("a drawing"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function quiz(cards: readonly PutCard[], style: Style): Promise<QuizEnd> {
  let screen = openScreen();
  let state: QuizState = { card: 0, typed: "" };
  const draw = () => {
    const card = cards[state.card] as PutCard;
    const size = screen.size();
    const { lines, row, column } = quizLines(
      card,
      state,
      size,
      style,
      state.card === cards.length - 1,
    );
    writeSync(screen.fd, frameBytes(lines, column - 1, size.columns, row));
  };
  const keys = new KeyReader();
  const handle = async (chunk: string): Promise<QuizEnd | undefined> => {
    for (const key of keys.read(chunk)) {
      const next = quizKey(state, key);
      state = next.state;
      if (next.outcome === "escape" || next.outcome === "interrupt") return { ended: next.outcome };
      if (next.outcome === "submit") {
        const card = cards[state.card] as PutCard;
        let answer = state.typed;
        if (card.template !== undefined) {
          // The editor gets the terminal as it was, and gives it back.
          restore();
          try {
            answer = drawInEditor(card.template);
          } finally {
            screen = openScreen();
            restore = takeOver(screen);
            process.stdin.resume();
          }
        }
        state = { ...state, shown: await card.answer(answer) };
      } else if (next.outcome === "next") {
        if (state.card + 1 >= cards.length) return { ended: "done" };
        state = { card: state.card + 1, typed: "" };
      }
    }
    draw();
    return undefined;
  };
  let restore = takeOver(screen);
  try {
    draw();
    return await readUntilEnded(handle, draw);
  } finally {
    restore();
  }
}
