import { writeSync } from "node:fs";
import type { Style } from "../../render/style.js";
import type { PutCard } from "../../study/session.js";
import { frameBytes, openScreen, readUntilEnded, takeOver } from "../browse/driver.js";
import { KeyReader } from "../browse/keys.js";
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

export async function quiz(cards: readonly PutCard[], style: Style): Promise<QuizEnd> {
  const screen = openScreen();
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
        state = { ...state, shown: await (cards[state.card] as PutCard).answer(state.typed) };
      } else if (next.outcome === "next") {
        if (state.card + 1 >= cards.length) return { ended: "done" };
        state = { card: state.card + 1, typed: "" };
      }
    }
    draw();
    return undefined;
  };
  const restore = takeOver(screen);
  try {
    draw();
    return await readUntilEnded(handle, draw);
  } finally {
    restore();
  }
}
