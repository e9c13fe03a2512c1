import type { Entry } from "../core/types.js";
import { type DrillKind, drillsOf } from "./drills.js";
import { materialOf } from "./material.js";
import { dayOf, drawingHash, newToday } from "./plan.js";
import { cardKey, type Progress } from "./progress.js";
import { recallChance } from "./schedule.js";

/** What `study --stats` says; its JSON form is documented (docs/reference.md): add fields only. */
export interface StudyStats {
  /** Cards due now (started-again cards too). */
  due: number;
  /** New cards a session may bring in today: the unseen ones, within the day's allowance. */
  new: number;
  /** Cards never answered. */
  unseen: number;
  reviewed_today: number;
  /** The soonest time a card not due yet comes due (ISO 8601), or null. */
  next_due: string | null;
  /** The share of answers to cards seen before that were not wrong, in the last 30 days; null with none. */
  retention: number | null;
  desired_retention: number;
  new_per_day: number;
  /** Days in a row, up to today (or yesterday, if not yet today), with an answer given. */
  streak: number;
  /** The diagrams least likely remembered now, by FSRS, lowest first (at most 5). */
  weakest: Array<{ id: string; title: string; recall: number; lapses: number }>;
}

const DAY = 86_400_000;

function streakOf(progress: Progress, now: Date): number {
  const days = new Set(progress.reviews.map((r) => dayOf(new Date(r.at))));
  let day = dayOf(now);
  if (!days.has(day)) day = dayOf(new Date(day - DAY / 2));
  let streak = 0;
  // Local midnights are not always 24 hours apart (summer time): step back by noon.
  while (days.has(day)) {
    streak++;
    day = dayOf(new Date(day - DAY / 2));
  }
  return streak;
}

function retentionOf(progress: Progress, now: Date): number | null {
  const seen = new Set<string>();
  let asked = 0;
  let kept = 0;
  for (const review of progress.reviews) {
    const first = !seen.has(review.card);
    seen.add(review.card);
    if (first || now.getTime() - Date.parse(review.at) > 30 * DAY) continue;
    asked++;
    if (review.result !== "wrong") kept++;
  }
  return asked === 0 ? null : Math.round((kept / asked) * 1000) / 1000;
}

export function studyStats(
  entries: readonly Entry[],
  progress: Progress,
  now: Date,
  only: { drill?: DrillKind; drills?: readonly DrillKind[] } = {},
): StudyStats {
  let due = 0;
  let unseen = 0;
  let next: number | undefined;
  const byDiagram = new Map<string, { recall: number[]; lapses: number; title: string }>();
  for (const entry of entries) {
    const hash = drawingHash(entry.diagram);
    for (const drill of drillsOf(materialOf(entry))) {
      if (only.drill !== undefined && drill !== only.drill) continue;
      if (only.drills !== undefined && !only.drills.includes(drill)) continue;
      const stored = progress.cards[cardKey(entry.id, drill)];
      if (!stored) {
        unseen++;
        continue;
      }
      const at = Date.parse(stored.due);
      if (stored.hash !== hash || at <= now.getTime()) due++;
      else next = Math.min(next ?? at, at);
      if (stored.hash !== hash) continue;
      const mine = byDiagram.get(entry.id) ?? { recall: [], lapses: 0, title: entry.title };
      mine.recall.push(recallChance(stored, now, progress.settings));
      mine.lapses += stored.lapses;
      byDiagram.set(entry.id, mine);
    }
  }
  const weakest = [...byDiagram.entries()]
    .map(([id, d]) => ({
      id,
      title: d.title,
      recall: Math.round((d.recall.reduce((a, b) => a + b, 0) / d.recall.length) * 1000) / 1000,
      lapses: d.lapses,
    }))
    .sort((a, b) => a.recall - b.recall || b.lapses - a.lapses || (a.id < b.id ? -1 : 1))
    .slice(0, 5);
  const today = dayOf(now);
  return {
    due,
    new: Math.min(unseen, Math.max(0, progress.settings.newPerDay - newToday(progress, now))),
    unseen,
    reviewed_today: progress.reviews.filter((r) => dayOf(new Date(r.at)) === today).length,
    next_due: next === undefined ? null : new Date(next).toISOString(),
    retention: retentionOf(progress, now),
    desired_retention: progress.settings.retention,
    new_per_day: progress.settings.newPerDay,
    streak: streakOf(progress, now),
    weakest,
  };
}
