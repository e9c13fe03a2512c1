import { userStateDir } from "../catalog/sources.js";
import { NotFoundError } from "../core/errors.js";
import { sanitize } from "../core/sanitize.js";
import type { Entry } from "../core/types.js";
import { mulberry32 } from "../search/random.js";
import { clockOf } from "./clock.js";
import { DRILLS, type DrillKind } from "./drills.js";
import type { Verdict } from "./grade.js";
import { type PlannedCard, planSession } from "./plan.js";
import { changeProgress, readProgress } from "./progress.js";
import { review, type StoredCard } from "./schedule.js";
import {
  type Dialog,
  emptyTally,
  fromNow,
  type PutCard,
  putCards,
  runLines,
  tallyLine,
} from "./session.js";
import { type StudyStats, studyStats } from "./stats.js";

/** What `study` is given by its command: the diagrams, the environment, the dialog. */
export interface StudyHost {
  entries: readonly Entry[];
  env: Record<string, string | undefined>;
  dialog(): Dialog;
  /** How a drawing's line is shown (ASCII when asked). */
  look(line: string): string;
  /** The full-screen session, on a terminal; without it (or with --plain), lines. */
  quiz?(cards: readonly PutCard[]): Promise<{ ended: "done" | "escape" | "interrupt" }>;
}

export interface StudyOptions {
  plain?: boolean | undefined;
  drill?: DrillKind | undefined;
  categoryId?: string | undefined;
  limit: number;
  new?: number | undefined;
  seed?: number | undefined;
  retention?: number | undefined;
  dailyNew?: number | undefined;
  stats?: boolean | undefined;
  json?: boolean | undefined;
}

export interface StudyResult {
  stdout: string;
  exitCode?: number;
  notes?: string[];
}

const when = (iso: string, now: Date) =>
  `${iso.replace(/\.\d+Z$/, "Z")} (${fromNow(new Date(iso), now)})`;

/** The statistics as a person reads them. */
function statsText(stats: StudyStats, now: Date): string {
  const share = (n: number) => `${Math.round(n * 100)} %`;
  const rows: Array<[string, string]> = [
    ["due now", String(stats.due)],
    [
      "new today",
      `${stats.new} (${stats.unseen} not seen yet; at most ${stats.new_per_day} a day)`,
    ],
    ["reviewed today", String(stats.reviewed_today)],
    ["next due", stats.next_due === null ? "-" : when(stats.next_due, now)],
    [
      "retention",
      `${stats.retention === null ? "-" : `${share(stats.retention)} in the last 30 days`} (desired ${share(stats.desired_retention)})`,
    ],
    ["streak", `${stats.streak} ${stats.streak === 1 ? "day" : "days"}`],
  ];
  const lines = rows.map(([name, value]) => `${name.padEnd(15)}${value}`);
  if (stats.weakest.length > 0) {
    lines.push("weakest");
    for (const weak of stats.weakest) {
      lines.push(
        `  ${weak.id.padEnd(28)} ${share(weak.recall).padStart(5)} recall${weak.lapses > 0 ? `, ${weak.lapses} ${weak.lapses === 1 ? "lapse" : "lapses"}` : ""}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Settings given on the command line, kept in the progress file; a note for each. */
async function keepSettings(dir: string, now: Date, options: StudyOptions): Promise<string[]> {
  const { retention, dailyNew } = options;
  if (retention === undefined && dailyNew === undefined) return [];
  await changeProgress(dir, now, (progress) => {
    if (retention !== undefined) progress.settings.retention = retention;
    if (dailyNew !== undefined) progress.settings.newPerDay = dailyNew;
  });
  return [
    ...(retention !== undefined ? [`desired retention set to ${retention} (kept)`] : []),
    ...(dailyNew !== undefined ? [`new cards a day set to at most ${dailyNew} (kept)`] : []),
  ];
}

export async function runStudy(host: StudyHost, options: StudyOptions): Promise<StudyResult> {
  const clock = clockOf(host.env);
  const dir = userStateDir(host.env);
  const start = clock();
  const notes = await keepSettings(dir, start, options);
  // Redraw opens the editor on the terminal: only with one named, and never in lines.
  const lineDrills = DRILLS.filter((drill) => drill !== "redraw");
  const askable = host.env.VISUAL || host.env.EDITOR ? DRILLS : lineDrills;
  const progress = readProgress(dir, start);
  const entries = host.entries.filter(
    (entry) => options.categoryId === undefined || entry.categoryId === options.categoryId,
  );
  if (options.stats) {
    const stats = studyStats(entries, progress, start, {
      ...(options.drill ? { drill: options.drill } : {}),
      drills: askable,
    });
    const stdout = options.json
      ? `${sanitize(JSON.stringify(stats, null, 2))}\n`
      : statsText(stats, start);
    return { stdout, notes };
  }
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 32);
  const drills = options.plain ? lineDrills : askable;
  const cards = planSession(
    entries,
    progress,
    start,
    {
      limit: options.limit,
      ...(options.drill ? { drill: options.drill } : {}),
      ...(options.new !== undefined ? { newCards: options.new } : {}),
      drills,
    },
    mulberry32(seed),
  );
  const session = {
    cards,
    seed,
    clock,
    look: host.look,
    record: async (card: PlannedCard, verdict: Verdict) => {
      let stored: StoredCard | undefined;
      const now = clock();
      await changeProgress(dir, now, (fresh) => {
        // As the file has it now (another session may have answered it meanwhile).
        const before = fresh.cards[card.key];
        stored = review(
          before?.hash === card.hash ? before : undefined,
          card.hash,
          verdict,
          now,
          fresh.settings,
        );
        fresh.cards[card.key] = stored;
        fresh.reviews.push({ card: card.key, at: now.toISOString(), result: verdict });
      });
      return stored as StoredCard;
    },
  };
  if (cards.length === 0) {
    const next = studyStats(entries, progress, start, { drills }).next_due;
    throw new NotFoundError(
      `no card to study now${next ? `; the next is due ${when(next, start)}` : ""}`,
    );
  }
  if (!options.plain && host.quiz) {
    const tally = emptyTally();
    const put = putCards(session, tally);
    const { ended } = await host.quiz(put);
    return {
      stdout: `${tallyLine(tally)}\n`,
      notes: [...notes, ...put.flatMap((card) => (card.note ? [card.note] : []))],
      ...(ended === "interrupt" ? { exitCode: 130 } : {}),
    };
  }
  const dialog = host.dialog();
  for (const note of notes) dialog.note(note);
  const tally = await runLines(session, dialog);
  dialog.write(`${tallyLine(tally)}\n`);
  return { stdout: "" };
}
