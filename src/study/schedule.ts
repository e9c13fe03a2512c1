import { createEmptyCard, fsrs, type Grade, Rating } from "ts-fsrs";
import type { Verdict } from "./grade.js";

/**
 * Scheduling by FSRS (ts-fsrs): a verdict becomes a rating, the rating the card's next
 * due time. The clock is always passed in, so a session can be replayed.
 */

export interface Settings {
  /** The share of cards one should still remember when they come due (FSRS's request_retention). */
  retention: number;
  /** New cards introduced a day, at most. */
  newPerDay: number;
}

export const DEFAULT_SETTINGS: Settings = { retention: 0.9, newPerDay: 10 };

/** The bounds `--retention` takes: below 0.7 FSRS schedules for forgetting, above 0.99 it reviews daily. */
export const RETENTION_RANGE = [0.7, 0.99] as const;

/** A card's FSRS memory as the progress file keeps it (dates as ISO 8601). */
export interface StoredCard {
  /** The hash of the drawing the card was learnt on; another drawing starts it again. */
  hash: string;
  due: string;
  stability: number;
  difficulty: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** FSRS's state: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  last_review?: string;
}

/** Right is Good, partial Hard, wrong (or "I don't know") Again: no answer earns Easy by itself. */
export function ratingOf(verdict: Verdict): Grade {
  return verdict === "right" ? Rating.Good : verdict === "partial" ? Rating.Hard : Rating.Again;
}

/** No fuzz: the same answers at the same clock give the same schedule. */
const scheduler = (settings: Settings) =>
  fsrs({ request_retention: settings.retention, enable_fuzz: false });

function cardOf(stored: StoredCard | undefined, now: Date) {
  const empty = createEmptyCard(now);
  if (!stored) return empty;
  return {
    ...empty,
    due: new Date(stored.due),
    stability: stored.stability,
    difficulty: stored.difficulty,
    scheduled_days: stored.scheduled_days,
    learning_steps: stored.learning_steps,
    reps: stored.reps,
    lapses: stored.lapses,
    state: stored.state,
    ...(stored.last_review ? { last_review: new Date(stored.last_review) } : {}),
  };
}

/** The card after an answer graded `verdict` at `now`; `stored` undefined for a new card. */
export function review(
  stored: StoredCard | undefined,
  hash: string,
  verdict: Verdict,
  now: Date,
  settings: Settings,
): StoredCard {
  const { card } = scheduler(settings).next(cardOf(stored, now), now, ratingOf(verdict));
  return {
    hash,
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { last_review: card.last_review.toISOString() } : {}),
  };
}

/** How likely the card is remembered at `now` (0 to 1), by FSRS's forgetting curve. */
export function recallChance(stored: StoredCard, now: Date, settings: Settings): number {
  return scheduler(settings).get_retrievability(cardOf(stored, now), now, false);
}
