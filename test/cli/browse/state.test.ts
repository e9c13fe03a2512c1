import { describe, expect, it } from "vitest";
import type { Key } from "../../../src/cli/browse/keys.js";
import {
  applyKey,
  capQuery,
  keepVisible,
  type PickerState,
  START,
} from "../../../src/cli/browse/state.js";
import { LIMITS } from "../../../src/core/limits.js";

const at = (over: Partial<PickerState>): PickerState => ({ ...START, ...over });
const key = (name: Exclude<Key, { name: "text" }>["name"]): Key => ({ name }) as Key;
const text = (t: string): Key => ({ name: "text", text: t });

// 20 results, 5 rows on screen, 3 categories.
const press = (state: PickerState, k: Key) => applyKey(state, k, 20, 5, 3);

describe("applyKey", () => {
  it.each<[string, PickerState, Key, Partial<PickerState>]>([
    ["down moves", at({}), key("down"), { selected: 1 }],
    ["up stops at the top", at({}), key("up"), { selected: 0 }],
    [
      "down scrolls at the bottom of the page",
      at({ selected: 4 }),
      key("down"),
      { selected: 5, top: 1 },
    ],
    [
      "down stops at the last",
      at({ selected: 19, top: 15 }),
      key("down"),
      { selected: 19, top: 15 },
    ],
    ["page down moves a page less one", at({}), key("pageDown"), { selected: 4, top: 0 }],
    ["page up", at({ selected: 10, top: 6 }), key("pageUp"), { selected: 6, top: 6 }],
    ["end", at({}), key("end"), { selected: 19, top: 15 }],
    ["home", at({ selected: 19, top: 15 }), key("home"), { selected: 0, top: 0 }],
    [
      "typing adds and goes to the top",
      at({ query: "re", selected: 7, top: 3 }),
      text("pl"),
      { query: "repl", selected: 0, top: 0 },
    ],
    ["backspace", at({ query: "repl" }), key("backspace"), { query: "rep" }],
    ["Ctrl-W deletes a word", at({ query: "cache aside" }), key("deleteWord"), { query: "cache " }],
    ["Ctrl-U clears", at({ query: "cache aside" }), key("clearLine"), { query: "" }],
    ["Tab: the first category", at({}), key("tab"), { category: 0 }],
    ["Tab: round to every category", at({ category: 2 }), key("tab"), { category: -1 }],
    ["Shift-Tab: the last category", at({}), key("backTab"), { category: 2 }],
    ["? opens the keys", at({ query: "x" }), text("?"), { help: true, query: "x" }],
    ["any key closes them", at({ help: true }), key("down"), { help: false, selected: 0 }],
  ])("%s", (_, state, k, expected) => {
    const next = press(state, k);
    expect(next.outcome).toBeUndefined();
    expect(next.state).toEqual({ ...state, ...expected });
  });

  it.each<[string, PickerState, Key, number, string | undefined]>([
    ["Enter chooses", at({ selected: 3 }), key("enter"), 20, "choose"],
    ["Enter with no result does nothing", at({}), key("enter"), 0, undefined],
    ["Esc leaves", at({}), key("escape"), 20, "cancel"],
    ["Ctrl-C leaves", at({}), key("interrupt"), 20, "cancel"],
    ["Esc leaves from the keys too", at({ help: true }), key("escape"), 20, "cancel"],
  ])("%s", (_, state, k, count, outcome) => {
    expect(applyKey(state, k, count, 5, 3).outcome).toBe(outcome);
  });

  it("keeps a row on screen when the list grows shorter (a resize)", () => {
    expect(keepVisible(at({ selected: 12, top: 0 }), 5)).toEqual(at({ selected: 12, top: 8 }));
    expect(keepVisible(at({ selected: 2, top: 8 }), 5)).toEqual(at({ selected: 2, top: 2 }));
  });
});

describe("the query's cap (as search's: LIMITS.queryChars)", () => {
  it("cuts a long paste once, to the cap", () => {
    const next = applyKey(START, { name: "paste", text: "x".repeat(50_000) }, 0, 10, 3);
    expect(next.state.query).toBe("x".repeat(LIMITS.queryChars));
  });

  it("takes no more typing at the cap", () => {
    const full = { ...START, query: "y".repeat(LIMITS.queryChars) };
    expect(applyKey(full, { name: "text", text: "z" }, 0, 10, 3).state.query).toBe(full.query);
  });

  it("never keeps half of a character past U+FFFF", () => {
    const query = capQuery(`${"a".repeat(LIMITS.queryChars - 1)}😀`);
    expect(query).toBe("a".repeat(LIMITS.queryChars - 1));
  });

  it("a pasted ? is text, not the key list", () => {
    const next = applyKey(START, { name: "paste", text: "?" }, 0, 10, 3);
    expect(next.state).toMatchObject({ query: "?", help: false });
  });
});
