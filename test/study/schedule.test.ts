import { Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import type { Verdict } from "../../src/study/grade.js";
import {
  DEFAULT_SETTINGS,
  ratingOf,
  recallChance,
  review,
  type StoredCard,
} from "../../src/study/schedule.js";

const T0 = new Date("2026-03-01T09:00:00Z");
const DAY = 24 * 60;

/** The card after answers given one after another, each when the card came due. */
function answeredWith(verdicts: Verdict[], settings = DEFAULT_SETTINGS): StoredCard {
  let card: StoredCard | undefined;
  let now = T0;
  for (const verdict of verdicts) {
    card = review(card, "h", verdict, now, settings);
    now = new Date(card.due);
  }
  return card as StoredCard;
}

const dueIn = (card: StoredCard, from: Date) => (Date.parse(card.due) - from.getTime()) / 60_000;

describe("ratingOf", () => {
  it.each([
    ["right", Rating.Good],
    ["partial", Rating.Hard],
    ["wrong", Rating.Again],
  ] as const)("%s is rated %i", (verdict, rating) => {
    expect(ratingOf(verdict)).toBe(rating);
  });
});

describe("review, with the clock passed in", () => {
  it.each([
    // A new card: wrong comes back in a minute, hard in 6, good in 10 (FSRS's learning steps).
    [["wrong"], 1],
    [["partial"], 6],
    [["right"], 10],
  ] as const)("a new card answered %j is due in %i minutes", (verdicts, minutes) => {
    expect(dueIn(review(undefined, "h", verdicts[0], T0, DEFAULT_SETTINGS), T0)).toBe(minutes);
  });

  it("spaces a card remembered further each time, and a lapse brings it back soon", () => {
    const twice = answeredWith(["right", "right"]);
    const thrice = answeredWith(["right", "right", "right"]);
    expect(twice.state).toBe(2); // in review
    expect(Date.parse(thrice.due) - Date.parse(thrice.last_review as string)).toBeGreaterThan(
      Date.parse(twice.due) - Date.parse(twice.last_review as string),
    );
    expect(dueIn(thrice, new Date(thrice.last_review as string))).toBeGreaterThan(DAY);
    const lapsed = review(thrice, "h", "wrong", new Date(thrice.due), DEFAULT_SETTINGS);
    expect(lapsed.lapses).toBe(1);
    expect(dueIn(lapsed, new Date(thrice.due))).toBeLessThan(DAY);
  });

  it("reviews sooner for a higher desired retention", () => {
    const low = answeredWith(["right", "right", "right"], { retention: 0.7, newPerDay: 10 });
    const high = answeredWith(["right", "right", "right"], { retention: 0.97, newPerDay: 10 });
    const gap = (c: StoredCard) => Date.parse(c.due) - Date.parse(c.last_review as string);
    expect(gap(high)).toBeLessThan(gap(low));
  });

  it("is the same for the same answers at the same clock", () => {
    expect(answeredWith(["right", "partial", "wrong", "right"])).toEqual(
      answeredWith(["right", "partial", "wrong", "right"]),
    );
  });

  it("keeps the drawing's hash and forgets with time", () => {
    const card = answeredWith(["right", "right"]);
    expect(card.hash).toBe("h");
    const soon = recallChance(card, new Date(card.due), DEFAULT_SETTINGS);
    const late = recallChance(
      card,
      new Date(Date.parse(card.due) + 60 * DAY * 60_000),
      DEFAULT_SETTINGS,
    );
    expect(soon).toBeGreaterThan(0.85);
    expect(late).toBeLessThan(soon);
  });
});
