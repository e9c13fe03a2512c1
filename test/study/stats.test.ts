import { describe, expect, it } from "vitest";
import { drawingHash } from "../../src/study/plan.js";
import { emptyProgress, type Progress } from "../../src/study/progress.js";
import { review } from "../../src/study/schedule.js";
import { studyStats } from "../../src/study/stats.js";
import { catalog } from "../helpers.js";

// Days are local days: these are told in UTC.
process.env.TZ = "UTC";

const entries = catalog.diagrams.filter((e) => ["cdn", "cache-aside", "saga"].includes(e.id));
const NOW = new Date("2026-03-05T12:00:00Z");

function answered(answers: Array<[string, string, "right" | "partial" | "wrong"]>): Progress {
  const progress = emptyProgress();
  for (const [key, at, result] of answers) {
    const entry = entries.find((e) => key.startsWith(`${e.id}:`)) as (typeof entries)[0];
    progress.cards[key] = review(
      progress.cards[key],
      drawingHash(entry.diagram),
      result,
      new Date(at),
      progress.settings,
    );
    progress.reviews.push({ card: key, at, result });
  }
  return progress;
}

describe("studyStats, with the clock passed in", () => {
  it("counts nothing studied yet", () => {
    const stats = studyStats(entries, emptyProgress(), NOW);
    expect(stats).toMatchObject({
      due: 0,
      reviewed_today: 0,
      next_due: null,
      retention: null,
      streak: 0,
      weakest: [],
    });
    expect(stats.unseen).toBeGreaterThan(6);
    expect(stats.new).toBe(10);
  });

  it("says what is due, reviewed today, the streak, retention and the weakest", () => {
    const progress = answered([
      ["cdn:name", "2026-03-03T09:00:00.000Z", "right"],
      ["cdn:name", "2026-03-04T09:00:00.000Z", "wrong"],
      ["saga:name", "2026-03-04T10:00:00.000Z", "right"],
      ["saga:name", "2026-03-05T09:00:00.000Z", "right"],
      ["cache-aside:order", "2026-03-05T11:59:00.000Z", "right"],
    ]);
    const stats = studyStats(entries, progress, NOW);
    expect(stats.reviewed_today).toBe(2);
    expect(stats.streak).toBe(3);
    expect(stats.retention).toBe(0.5); // of cdn's and saga's second answers, one not wrong
    expect(stats.new).toBe(Math.min(stats.unseen, 9)); // one card was new today
    expect(stats.due).toBe(1); // cdn:name, lapsed yesterday, is due again
    expect(stats.next_due).toBe("2026-03-05T12:09:00.000Z"); // cache-aside:order, 10 minutes on
    expect(stats.weakest.map((w) => w.id)[0]).toBe("cdn");
    const recalls = stats.weakest.map((w) => w.recall);
    expect(recalls).toEqual([...recalls].sort((a, b) => a - b));
  });

  it("keeps a streak through yesterday, and loses it after a day without an answer", () => {
    const progress = answered([
      ["cdn:name", "2026-03-03T09:00:00.000Z", "right"],
      ["cdn:name", "2026-03-04T09:00:00.000Z", "right"],
    ]);
    expect(studyStats(entries, progress, NOW).streak).toBe(2);
    expect(studyStats(entries, progress, new Date("2026-03-06T12:00:00Z")).streak).toBe(0);
  });

  it("counts a card whose drawing changed as due", () => {
    const progress = answered([["cdn:name", "2026-03-05T11:00:00.000Z", "right"]]);
    (progress.cards["cdn:name"] as { hash: string }).hash = "changed";
    expect(studyStats(entries, progress, NOW).due).toBe(1);
  });
});
