import { cutToWidth, displayWidth } from "../../core/width.js";
import type { Style } from "../../render/style.js";
import type { PutCard } from "../../study/session.js";
import type { Key } from "../browse/keys.js";
import type { Size } from "../browse/layout.js";

/**
 * The study session's full screen as pure functions: what a key does to the state, and
 * the lines a state shows. The driver (driver.ts) only moves keys and frames.
 */

export interface QuizState {
  /** The card asked, 0-based. */
  card: number;
  /** The answer typed so far. */
  typed: string;
  /** After Enter: how the answer went. */
  shown?: { verdict: string; lines: string[] };
}

export type QuizOutcome = "submit" | "next" | "escape" | "interrupt";

/** The state after a key, and what the driver is to do. */
export function quizKey(state: QuizState, key: Key): { state: QuizState; outcome?: QuizOutcome } {
  switch (key.name) {
    case "escape":
      return { state, outcome: "escape" };
    case "interrupt":
      return { state, outcome: "interrupt" };
    case "enter":
      return { state, outcome: state.shown ? "next" : "submit" };
    case "text":
    case "paste":
      return state.shown ? { state } : { state: { ...state, typed: state.typed + key.text } };
    case "backspace":
      return state.shown
        ? { state }
        : { state: { ...state, typed: [...state.typed].slice(0, -1).join("") } };
    case "deleteWord":
      return { state: { ...state, typed: state.typed.replace(/\S*\s*$/, "") } };
    case "clearLine":
      return { state: { ...state, typed: "" } };
    default:
      return { state };
  }
}

const HINT = "Enter answers (blank: I don't know) · Esc ends, progress kept";

/** The lines of a frame and where the cursor waits (1-based row and column). */
export function quizLines(
  card: PutCard,
  state: QuizState,
  size: Size,
  style: Style,
  last: boolean,
): { lines: string[]; row: number; column: number } {
  const cut = (line: string) => cutToWidth(line, size.columns).text;
  const verdictStyle = (line: string) =>
    line === "result: right"
      ? style.title(line)
      : line === "result: wrong"
        ? style.heading(line)
        : line;
  const after = state.shown
    ? [
        "",
        ...state.shown.lines.map((line) => verdictStyle(cut(line))),
        "",
        style.dim(cut(last ? "Enter: end the session" : "Enter: next card")),
      ]
    : [];
  // What always shows: the header, the question's last lines, the answer, the verdict.
  const room = Math.max(1, size.rows - 6 - after.length);
  const body = card.body.map((line) => `  ${line}`);
  const shownBody = body.length > room ? [...body.slice(0, room - 1), "  …"] : body;
  const answer = `> ${state.typed}`;
  // A long answer shows its end, where it is typed.
  const width = displayWidth(answer);
  const answerLine =
    width < size.columns ? answer : `…${[...answer].slice(-(size.columns - 2)).join("")}`;
  const lines = [
    style.title(cut(card.header)),
    style.dim(cut(card.note ? `${card.note}. ${HINT}` : HINT)),
    ...shownBody.map(cut),
    "",
    cut(`? ${card.ask}`),
    answerLine,
    ...after,
  ];
  const row = 2 + shownBody.length + 3;
  return { lines, row, column: Math.min(size.columns, displayWidth(answerLine) + 1) };
}
