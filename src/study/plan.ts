import { createHash } from "node:crypto";
import type { Entry } from "../core/types.js";
import { type DrillKind, drillsOf } from "./drills.js";
import { type Material, materialOf } from "./material.js";
import { cardKey, type Progress } from "./progress.js";
import type { StoredCard } from "./schedule.js";

/**
 * Which cards a session asks, in order: the cards due (oldest due first), then new ones
 * up to what is left of the day's allowance, one drill a diagram before a second.
 */

/** The drawing's hash, that keys what a card was learnt on (16 hex digits of SHA-256). */
export const drawingHash = (diagram: string) =>
  createHash("sha256").update(diagram).digest("hex").slice(0, 16);

export interface PlannedCard {
  entry: Entry;
  drill: DrillKind;
  key: string;
  hash: string;
  /** Its memory; undefined for a new card (or one started again). */
  stored: StoredCard | undefined;
  /** Started again: learnt on a drawing that has changed since. */
  restarted: boolean;
  material: Material;
}

export interface Filters {
  drill?: DrillKind;
  /** The drills that can be asked (redraw needs an editor); all by default. */
  drills?: readonly DrillKind[];
  categoryId?: string;
  /** Cards in the session, at most. */
  limit: number;
  /** New cards in the session, at most; by default what is left of the day's allowance. */
  newCards?: number;
}

/** Midnight of `now`'s local day (TZ). */
export function dayOf(now: Date): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
}

/** New cards first answered on `now`'s day. */
export function newToday(progress: Progress, now: Date): number {
  const today = dayOf(now);
  const seen = new Set<string>();
  let count = 0;
  // A card answered first today is new today: its first answer of all is today's.
  for (const review of progress.reviews) {
    if (seen.has(review.card)) continue;
    seen.add(review.card);
    if (dayOf(new Date(review.at)) === today) count++;
  }
  return count;
}

/** The first `n` of `items` in an order `random` decides (Fisher-Yates). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const allowed = (filters: Filters, drill: DrillKind) =>
  (filters.drill === undefined || drill === filters.drill) &&
  (filters.drills === undefined || filters.drills.includes(drill));

export function planSession(
  entries: readonly Entry[],
  progress: Progress,
  now: Date,
  filters: Filters,
  random: () => number,
): PlannedCard[] {
  const wanted = entries.filter(
    (entry) => filters.categoryId === undefined || entry.categoryId === filters.categoryId,
  );
  const materials = new Map<string, Material>();
  const materialFor = (entry: Entry) => {
    let material = materials.get(entry.id);
    if (!material) {
      material = materialOf(entry);
      materials.set(entry.id, material);
    }
    return material;
  };
  const byId = new Map(wanted.map((entry) => [entry.id, entry]));
  const due: PlannedCard[] = [];
  for (const [key, stored] of Object.entries(progress.cards)) {
    const at = key.lastIndexOf(":");
    const entry = byId.get(key.slice(0, at));
    const drill = key.slice(at + 1) as DrillKind;
    if (!entry || !allowed(filters, drill)) continue;
    const hash = drawingHash(entry.diagram);
    const restarted = stored.hash !== hash;
    if (!restarted && Date.parse(stored.due) > now.getTime()) continue;
    const material = materialFor(entry);
    if (!drillsOf(material).includes(drill)) continue;
    due.push({
      entry,
      drill,
      key,
      hash,
      stored: restarted ? undefined : stored,
      restarted,
      material,
    });
  }
  due.sort((a, b) => dueTime(a) - dueTime(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const cards = due.slice(0, filters.limit);
  const allowance = Math.max(0, progress.settings.newPerDay - newToday(progress, now));
  let room = Math.min(filters.limit - cards.length, filters.newCards ?? allowance);
  // One new drill a diagram a pass, the diagrams in a seeded order.
  const order = shuffled(wanted, random);
  for (let pass = 0; room > 0 && pass < 4; pass++) {
    for (const entry of order) {
      if (room <= 0) break;
      const material = materialFor(entry);
      const fresh = shuffled(drillsOf(material), random).filter(
        (drill) =>
          allowed(filters, drill) &&
          progress.cards[cardKey(entry.id, drill)] === undefined &&
          !cards.some((card) => card.key === cardKey(entry.id, drill)),
      );
      const drill = fresh[0];
      if (drill === undefined) continue;
      const key = cardKey(entry.id, drill);
      cards.push({
        entry,
        drill,
        key,
        hash: drawingHash(entry.diagram),
        stored: undefined,
        restarted: false,
        material,
      });
      room--;
    }
  }
  return cards;
}

/** A card started again is as due as a card can be. */
const dueTime = (card: PlannedCard) => (card.stored ? Date.parse(card.stored.due) : 0);
