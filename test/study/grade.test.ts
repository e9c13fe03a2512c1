import { describe, expect, it } from "vitest";
import { gradeName, gradeOrder, gradeRecall, labelForms, wordsOf } from "../../src/study/grade.js";

describe("wordsOf", () => {
  it.each([
    ["Cache-Aside Pattern", ["cache", "aside"]],
    ["  WRITE   back ", ["write", "back"]],
    ["Two-Phase Commit (2PC)", ["two", "phase", "commit", "2pc"]],
    ["Café", ["cafe"]],
    ["", []],
  ])("%j -> %j", (text, words) => {
    expect(wordsOf(text)).toEqual(words);
  });
});

describe("labelForms", () => {
  it.each([
    ["Cache (Redis)", ["Cache (Redis)", "Cache", "Redis"]],
    ["DB", ["DB"]],
    ["(…)", ["(…)"]],
  ])("%j -> %j", (label, forms) => {
    expect(labelForms(label)).toEqual(forms);
  });
});

describe("gradeName", () => {
  const names = ["Cache-Aside Pattern", "cache aside", "lazy loading", "look-aside cache"];
  it.each([
    ["cache-aside", "right"],
    ["CACHE ASIDE", "right"],
    ["cacheaside", "right"],
    ["  cache   aside  pattern ", "right"],
    ["cache asdie", "right"], // one swap
    ["cahce-aside", "right"],
    ["lazy loading", "right"], // an alias
    ["Lazy-Loading", "right"],
    ["cache", "partial"], // half of the name
    ["aside", "partial"],
    ["write through", "wrong"],
    ["cache aside write", "wrong"], // a word that is not in the name
    ["", "wrong"], // "I don't know"
    ["   ", "wrong"],
    ["cash side", "wrong"], // two words wrong is not a typo
  ])("%j is %s", (answer, verdict) => {
    expect(gradeName(answer, names)).toBe(verdict);
  });

  it.each([
    ["db", ["DB"], "right"],
    ["d b", ["DB"], "right"],
    ["dc", ["DB"], "wrong"], // a short word allows no typo
    ["redis", ["Cache (Redis)"], "right"],
    ["cache", ["Cache (Redis)"], "right"],
    ["message queue", ["Message Queue (Kafka)"], "right"],
    ["queue", ["Message Queue (Kafka)"], "partial"],
  ])("%j for %j is %s", (answer, labels, verdict) => {
    expect(gradeName(answer, labels)).toBe(verdict);
  });
});

describe("gradeOrder", () => {
  const right = ["c", "a", "d", "b"];
  it.each([
    ["c a d b", "right"],
    ["CADB", "right"],
    ["c, a, d, b", "right"],
    ["d b c a", "partial"], // d-b and c-a follow as they should: 2 pairs of 3
    ["c a b d", "wrong"], // only c-a: 1 pair of 3
    ["a d b c", "partial"], // a-d, d-b
    ["b d a c", "wrong"], // no pair follows as it should
    ["c a d", "wrong"], // a step missing
    ["c a d d", "wrong"], // a step twice
    ["c a d x", "wrong"], // not a step's letter
    ["", "wrong"],
  ])("%j is %s", (answer, verdict) => {
    expect(gradeOrder(answer, right).verdict).toBe(verdict);
  });
});

describe("gradeRecall", () => {
  const labels = ["App", "Cache (Redis)", "DB", "Load Balancer", "Message Queue"];
  it.each([
    ["app, cache, db, load balancer, message queue", "right", [true, true, true, true, true], []],
    ["app; redis; db; loadbalancer", "right", [true, true, true, true, false], []],
    ["app, db, queue", "partial", [true, false, true, false, true], []],
    ["app, kafka", "wrong", [true, false, false, false, false], ["kafka"]],
    ["", "wrong", [false, false, false, false, false], []],
    ["lod balancer, App , , DB", "partial", [true, false, true, true, false], []],
  ])("%j is %s", (answer, verdict, found, extra) => {
    expect(gradeRecall(answer, labels)).toEqual({ verdict, found, extra });
  });
});
