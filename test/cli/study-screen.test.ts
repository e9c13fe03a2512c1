import { describe, expect, it } from "vitest";
import type { Key } from "../../src/cli/browse/keys.js";
import { type QuizState, quizKey, quizLines } from "../../src/cli/study/screen.js";
import { displayWidth } from "../../src/core/width.js";
import { PLAIN } from "../../src/render/style.js";
import type { PutCard } from "../../src/study/session.js";

const asking: QuizState = { card: 0, typed: "ab" };
const answered: QuizState = {
  card: 0,
  typed: "ab",
  shown: { verdict: "right", lines: ["result: right"] },
};
const text = (t: string): Key => ({ name: "text", text: t });

describe("quizKey", () => {
  it.each([
    [asking, text("c"), { card: 0, typed: "abc" }, undefined],
    [asking, { name: "paste", text: "c d" } as Key, { card: 0, typed: "abc d" }, undefined],
    [asking, { name: "backspace" } as Key, { card: 0, typed: "a" }, undefined],
    [
      { card: 0, typed: "cache aside" },
      { name: "deleteWord" } as Key,
      { card: 0, typed: "cache " },
      undefined,
    ],
    [asking, { name: "clearLine" } as Key, { card: 0, typed: "" }, undefined],
    [asking, { name: "enter" } as Key, asking, "submit"],
    [answered, { name: "enter" } as Key, answered, "next"],
    [answered, text("x"), answered, undefined], // typing after the verdict changes nothing
    [asking, { name: "escape" } as Key, asking, "escape"],
    [answered, { name: "interrupt" } as Key, answered, "interrupt"],
    [asking, { name: "up" } as Key, asking, undefined],
  ])("%j + %j -> %j, %s", (state, key, after, outcome) => {
    const next = quizKey(state, key);
    expect(next.state).toEqual(after);
    expect(next.outcome).toBe(outcome);
  });
});

const card = (body: string[]): PutCard => ({
  header: "card 1/3: cdn · missing-box",
  body,
  ask: "the label of the masked box",
  answer: async () => ({ verdict: "right", lines: [] }),
});

describe("quizLines", () => {
  it("puts the cursor after the typed answer, under the question", () => {
    const { lines, row, column } = quizLines(
      card(["┌──┐", "│??│", "└──┘"]),
      asking,
      { columns: 80, rows: 24 },
      PLAIN,
      false,
    );
    expect(lines[row - 1]).toBe("> ab");
    expect(column).toBe(5);
    expect(lines[row - 2]).toBe("? the label of the masked box");
  });

  it("cuts a body too tall for the screen, and never a line wider than it", () => {
    const body = Array.from({ length: 40 }, (_, i) => `${"─".repeat(120)} ${i}`);
    const { lines } = quizLines(card(body), answered, { columns: 60, rows: 20 }, PLAIN, true);
    expect(lines.length).toBeLessThanOrEqual(20);
    expect(lines).toContain("  …");
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(lines.at(-1)).toBe("Enter: end the session");
  });

  it("shows the end of an answer longer than the screen", () => {
    const { lines, row, column } = quizLines(
      card([]),
      { card: 0, typed: `${"x".repeat(100)}END` },
      { columns: 40, rows: 10 },
      PLAIN,
      false,
    );
    expect(lines[row - 1]).toMatch(/^….*END$/);
    expect(displayWidth(lines[row - 1] as string)).toBeLessThanOrEqual(40);
    expect(column).toBeLessThanOrEqual(40);
  });
});
