import { lstatSync, renameSync } from "node:fs";
import { join } from "node:path";
import { holdingLock } from "../catalog/lock.js";
import { DataError, IoError } from "../core/errors.js";
import { errnoCode, errnoWords, makeDirectory, readText, writeFileAtomic } from "../core/io.js";
import type { Verdict } from "./grade.js";
import { DEFAULT_SETTINGS, RETENTION_RANGE, type Settings, type StoredCard } from "./schedule.js";

/**
 * What `study` remembers, in one JSON file of the state directory: the settings, every
 * card's FSRS memory and the answers given. Each answer is saved at once, under the
 * directory's lock, by reading the file afresh and writing it whole (a temporary file
 * renamed over it), so that a kill loses at most the answer being given and two
 * sessions at once both land. A damaged file is set aside, never overwritten.
 */

const PROGRESS_FILE = "progress.json";

/** The file is refused past this size: the answers kept are capped well below it. */
const PROGRESS_BYTES = 8 * 1024 * 1024;

/** Answers kept for the statistics; the oldest go first. */
const REVIEWS_KEPT = 20_000;

export interface ReviewRecord {
  /** The card: `ID:DRILL`. */
  card: string;
  at: string;
  result: Verdict;
}

export interface Progress {
  version: 1;
  settings: Settings;
  /** By card key, `ID:DRILL`. */
  cards: Record<string, StoredCard>;
  reviews: ReviewRecord[];
}

export const emptyProgress = (): Progress => ({
  version: 1,
  settings: { ...DEFAULT_SETTINGS },
  cards: {},
  reviews: [],
});

export const cardKey = (id: string, drill: string) => `${id}:${drill}`;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isDate = (value: unknown) => typeof value === "string" && !Number.isNaN(Date.parse(value));
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
const isNumber = (value: unknown) => typeof value === "number" && Number.isFinite(value);

function cardProblem(key: string, card: unknown): string | undefined {
  if (!isObject(card)) return `card ${key} is not an object`;
  const fine =
    typeof card.hash === "string" &&
    isDate(card.due) &&
    isNumber(card.stability) &&
    isNumber(card.difficulty) &&
    isCount(card.scheduled_days) &&
    isCount(card.learning_steps) &&
    isCount(card.reps) &&
    isCount(card.lapses) &&
    [0, 1, 2, 3].includes(card.state as number) &&
    (card.last_review === undefined || isDate(card.last_review));
  return fine ? undefined : `card ${key} has a missing or wrong field`;
}

/** What is wrong with a progress file's text, or its progress. */
export function parseProgress(text: string): Progress | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
  if (!isObject(data) || data.version !== 1) return "not a version 1 progress file";
  const { settings, cards, reviews } = data;
  if (
    !isObject(settings) ||
    !isNumber(settings.retention) ||
    (settings.retention as number) < RETENTION_RANGE[0] ||
    (settings.retention as number) > RETENTION_RANGE[1] ||
    !isCount(settings.newPerDay)
  ) {
    return "its settings are missing or out of range";
  }
  if (!isObject(cards)) return "its cards are missing";
  for (const [key, card] of Object.entries(cards)) {
    const problem = cardProblem(key, card);
    if (problem) return problem;
  }
  const results = ["right", "partial", "wrong"];
  const fine =
    Array.isArray(reviews) &&
    reviews.every(
      (r) =>
        isObject(r) &&
        typeof r.card === "string" &&
        isDate(r.at) &&
        results.includes(r.result as string),
    );
  if (!fine) return "its answers are missing or malformed";
  return data as unknown as Progress;
}

/** A name beside the file that nothing else has: `progress.json.damaged-20261207T170102Z`. */
function asideName(path: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]|\.\d+/g, "");
  for (let n = 1; ; n++) {
    const name = `${path}.damaged-${stamp}${n > 1 ? `-${n}` : ""}`;
    try {
      lstatSync(name);
    } catch {
      return name;
    }
  }
}

/**
 * The progress kept in `dir`, or an empty one when there is none yet. A file that cannot
 * be read is an IoError; one that is damaged is renamed aside and reported (exit 3), so
 * that the next session starts afresh with nothing lost.
 */
export function readProgress(dir: string, now: Date): Progress {
  const path = join(dir, PROGRESS_FILE);
  try {
    lstatSync(path);
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return emptyProgress();
    throw new IoError(`cannot read the study progress ${path}: ${errnoWords(error)}`);
  }
  const text = readText(path, {
    limit: PROGRESS_BYTES,
    purpose: "a study progress file is refused past 8 MB",
  });
  const progress = parseProgress(text);
  if (typeof progress !== "string") return progress;
  const aside = asideName(path, now);
  try {
    renameSync(path, aside);
  } catch (error) {
    throw new DataError(
      `the study progress ${path} is damaged (${progress}) and could not be set aside: ${errnoWords(error)}`,
    );
  }
  throw new DataError(
    `the study progress ${path} was damaged (${progress}); it is kept as ${aside} and the next session starts afresh`,
  );
}

/**
 * Changes the progress in `dir` under its lock: read afresh, changed by `change`, written
 * whole. Returns the progress as written.
 */
export async function changeProgress(
  dir: string,
  now: Date,
  change: (progress: Progress) => void,
): Promise<Progress> {
  try {
    makeDirectory(dir);
  } catch (error) {
    throw new IoError(`cannot create the state directory ${dir}: ${errnoWords(error)}`);
  }
  return holdingLock(
    dir,
    () => {
      const progress = readProgress(dir, now);
      change(progress);
      if (progress.reviews.length > REVIEWS_KEPT) {
        progress.reviews.splice(0, progress.reviews.length - REVIEWS_KEPT);
      }
      writeFileAtomic(join(dir, PROGRESS_FILE), `${JSON.stringify(progress, null, 1)}\n`, true);
      return progress;
    },
    "the state directory",
  );
}
