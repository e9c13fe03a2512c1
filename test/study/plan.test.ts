import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../src/search/random.js";
import { drawingHash, newToday, planSession } from "../../src/study/plan.js";
import { emptyProgress, type Progress } from "../../src/study/progress.js";
import { review } from "../../src/study/schedule.js";
import { catalog } from "../helpers.js";

// Days are local days: these are told in UTC.
process.env.TZ = "UTC";

const NOW = new Date("2026-03-01T09:00:00Z");
const entries = catalog.diagrams;
const byId = (id: string) => entries.find((e) => e.id === id) as (typeof entries)[0];
const plan = (progress: Progress, filters: Parameters<typeof planSession>[3], seed = 1) =>
  planSession(entries, progress, NOW, filters, mulberry32(seed)).map((c) => c.key);

function studied(keys: Array<[string, string, number]>): Progress {
  const progress = emptyProgress();
  for (const [id, drill, minutesAgoDue] of keys) {
    const entry = byId(id);
    const card = review(
      undefined,
      drawingHash(entry.diagram),
      "right",
      new Date(NOW.getTime() - 86_400_000),
      progress.settings,
    );
    card.due = new Date(NOW.getTime() - minutesAgoDue * 60_000).toISOString();
    progress.cards[`${id}:${drill}`] = card;
    progress.reviews.push({
      card: `${id}:${drill}`,
      at: "2026-02-28T09:00:00.000Z",
      result: "right",
    });
  }
  return progress;
}

describe("planSession", () => {
  it("gives the same cards for the same progress, clock and seed, and others for another seed", () => {
    const progress = emptyProgress();
    expect(plan(progress, { limit: 10 }, 7)).toEqual(plan(progress, { limit: 10 }, 7));
    expect(plan(progress, { limit: 10 }, 7)).not.toEqual(plan(progress, { limit: 10 }, 8));
  });

  it("brings in new cards up to the day's allowance, one drill a diagram first", () => {
    const cards = plan(emptyProgress(), { limit: 50 });
    expect(cards).toHaveLength(10);
    expect(new Set(cards.map((key) => key.split(":")[0])).size).toBe(10);
  });

  it("counts new cards answered today against the allowance; --new overrides it", () => {
    const progress = emptyProgress();
    progress.settings.newPerDay = 3;
    progress.reviews.push({ card: "cdn:name", at: "2026-03-01T08:00:00.000Z", result: "wrong" });
    progress.reviews.push({ card: "cdn:name", at: "2026-03-01T08:10:00.000Z", result: "right" });
    expect(newToday(progress, NOW)).toBe(1);
    expect(plan(progress, { limit: 50 })).toHaveLength(2);
    expect(plan(progress, { limit: 50, newCards: 0 })).toHaveLength(0);
    expect(plan(progress, { limit: 4, newCards: 9 })).toHaveLength(4);
  });

  it("asks due cards first, the longest due first, and not cards due later", () => {
    const progress = studied([
      ["cdn", "name", 5],
      ["cache-aside", "order", 60],
      ["saga", "name", -60], // due in an hour
    ]);
    const cards = plan(progress, { limit: 50, newCards: 0 });
    expect(cards).toEqual(["cache-aside:order", "cdn:name"]);
  });

  it("starts again a card whose drawing changed", () => {
    const progress = studied([["cdn", "name", -600]]);
    (progress.cards["cdn:name"] as { hash: string }).hash = "0000000000000000";
    const [card] = planSession(entries, progress, NOW, { limit: 5, newCards: 0 }, mulberry32(1));
    expect(card?.key).toBe("cdn:name");
    expect(card?.restarted).toBe(true);
    expect(card?.stored).toBeUndefined();
  });

  it("keeps to a drill and a category", () => {
    const cards = planSession(
      entries,
      emptyProgress(),
      NOW,
      { limit: 50, drill: "order", categoryId: "caching" },
      mulberry32(1),
    );
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      expect(card.drill).toBe("order");
      expect(card.entry.categoryId).toBe("caching");
    }
  });
});
