import { mulberry32 } from "../search/random.js";
import { type Question, questionFor } from "./drills.js";
import type { Graded, Verdict } from "./grade.js";
import type { PlannedCard } from "./plan.js";
import type { StoredCard } from "./schedule.js";

/**
 * A study session as lines, the protocol of `study --plain`: a header, the question,
 * one line of answer read, the verdict, the right answer and when the card comes back.
 */

/** Where a line session reads and writes (standard input and output, given by the CLI). */
export interface Dialog {
  /** Writes to standard output as it goes. */
  write(text: string): void;
  /** A note on standard error, at once. */
  note(text: string): void;
  /** The next line of standard input, without its end; undefined at its end. */
  readLine(): Promise<string | undefined>;
}

export interface Tally {
  right: number;
  partial: number;
  wrong: number;
  /** Whether input ended before the last card was answered. */
  ended: boolean;
}

/** The question of a card, the same for the same seed and card whatever came before it. */
function questionOf(card: PlannedCard, seed: number): Question {
  let mix = seed >>> 0;
  for (const char of card.key) mix = (Math.imul(mix, 31) + char.charCodeAt(0)) >>> 0;
  return questionFor(card.material, card.drill, mulberry32(mix));
}

/** "in 10 minutes", "in 3 days": how far `due` is from `now`, roughly. */
export function fromNow(due: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((due.getTime() - now.getTime()) / 60_000));
  const say = (n: number, unit: string) => `in ${n} ${unit}${n === 1 ? "" : "s"}`;
  if (minutes < 1) return "now";
  if (minutes < 60) return say(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (hours < 36) return say(hours, "hour");
  const days = Math.round(hours / 24);
  return days < 60 ? say(days, "day") : say(Math.round(days / 30), "month");
}

/** The lines after an answer: verdict, the right answer, when the card is due again. */
function verdictLines(graded: Graded, due: Date, now: Date): string[] {
  const [first = "", ...rest] = graded.answer;
  return [
    `result: ${graded.verdict}`,
    `answer: ${first}`,
    ...rest.map((line) => `  ${line}`),
    `due: ${due.toISOString().replace(/\.\d+Z$/, "Z")} (${fromNow(due, now)})`,
  ];
}

export interface LineSession {
  cards: readonly PlannedCard[];
  seed: number;
  /** The time now: SYSDIAG_NOW's, when set, for every answer. */
  clock(): Date;
  /** How a drawing is shown (ASCII when asked). */
  look(text: string): string;
  /** Saves an answer; returns the card as now scheduled. */
  record(card: PlannedCard, verdict: Verdict): Promise<StoredCard>;
}

/** A card as it is put: to a line session or to the terminal's full screen. */
export interface PutCard {
  /** `card N/M: ID · DRILL`. */
  header: string;
  /** The question's lines, as shown (ASCII when asked), not indented. */
  body: string[];
  ask: string;
  /** For a drawing: what the editor opens with; the answer is then the file's text. */
  template?: string;
  /** A note to say before it is asked (its drawing changed). */
  note?: string;
  /** Grades and saves an answer; the lines that say how it went. */
  answer(text: string): Promise<{ verdict: Verdict; lines: string[] }>;
}

/** The session's cards as they are put, counting the verdicts in `tally`. */
export function putCards(session: LineSession, tally: Tally): PutCard[] {
  const { cards } = session;
  return cards.map((card, i) => {
    const question = questionOf(card, session.seed);
    return {
      header: `card ${i + 1}/${cards.length}: ${card.entry.id} · ${card.drill}`,
      body: question.body.map((line) => session.look(line).trimEnd()),
      ask: question.ask,
      ...(question.template !== undefined ? { template: question.template } : {}),
      ...(card.restarted
        ? {
            note: `the drawing of ${card.entry.id} changed since you studied it: its ${card.drill} card starts again`,
          }
        : {}),
      answer: async (text) => {
        const graded = question.grade(text);
        const now = session.clock();
        const stored = await session.record(card, graded.verdict);
        tally[graded.verdict]++;
        return { verdict: graded.verdict, lines: verdictLines(graded, new Date(stored.due), now) };
      },
    };
  });
}

export const emptyTally = (): Tally => ({ right: 0, partial: 0, wrong: 0, ended: false });

/** Runs the cards as lines; the end of input ends it, what was answered kept. */
export async function runLines(session: LineSession, dialog: Dialog): Promise<Tally> {
  const tally = emptyTally();
  for (const card of putCards(session, tally)) {
    if (card.note) dialog.note(card.note);
    const body = card.body.map((line) => `  ${line}`.trimEnd());
    dialog.write([card.header, ...body, `? ${card.ask}`, ""].join("\n"));
    const answer = await dialog.readLine();
    if (answer === undefined) {
      tally.ended = true;
      break;
    }
    const { lines } = await card.answer(answer);
    dialog.write(`${lines.join("\n")}\n\n`);
  }
  return tally;
}

/** The session's last line. */
export function tallyLine(tally: Tally): string {
  const answered = tally.right + tally.partial + tally.wrong;
  return `end: ${answered} answered, ${tally.right} right, ${tally.partial} partial, ${tally.wrong} wrong`;
}
