import { LIMITS } from "../../core/limits.js";
import type { Key } from "./keys.js";

/** What the picker remembers between keys; the results themselves are the driver's. */
export interface PickerState {
  query: string;
  /** Index into the catalog's categories; -1 for every category. */
  category: number;
  /** The highlighted row of the results. */
  selected: number;
  /** The first row of the results on screen. */
  top: number;
  /** The key list is shown instead of the results. */
  help: boolean;
}

export const START: PickerState = { query: "", category: -1, selected: 0, top: 0, help: false };

/** What a key asks of the driver besides a new state. */
export type Outcome = "choose" | "cancel" | undefined;

/**
 * The state after one key. `count` is how many results there are, `page` how many
 * rows the list shows. Typing and Tab change the results, so they go back to the top.
 */
export function applyKey(
  state: PickerState,
  key: Key,
  count: number,
  page: number,
  categories: number,
): { state: PickerState; outcome: Outcome } {
  const last = Math.max(0, count - 1);
  const move = (selected: number) => ({
    state: keepVisible({ ...state, selected: clamp(selected, 0, last) }, page),
    outcome: undefined,
  });
  const requery = (query: string, category = state.category) => ({
    state: { ...state, query, category, selected: 0, top: 0 },
    outcome: undefined,
  });
  if (state.help) {
    // Any key closes the key list; Esc and Ctrl-C still leave.
    if (key.name === "escape" || key.name === "interrupt") return { state, outcome: "cancel" };
    return { state: { ...state, help: false }, outcome: undefined };
  }
  switch (key.name) {
    case "text":
      if (key.text === "?") return { state: { ...state, help: true }, outcome: undefined };
      return requery(capQuery(state.query + key.text));
    case "paste":
      return requery(capQuery(state.query + key.text));
    case "backspace":
      return requery([...state.query].slice(0, -1).join(""));
    case "deleteWord":
      return requery(state.query.replace(/\S*\s*$/, ""));
    case "clearLine":
      return requery("");
    case "tab":
      return requery(state.query, cycle(state.category, 1, categories));
    case "backTab":
      return requery(state.query, cycle(state.category, -1, categories));
    case "up":
      return move(state.selected - 1);
    case "down":
      return move(state.selected + 1);
    case "pageUp":
      return move(state.selected - Math.max(1, page - 1));
    case "pageDown":
      return move(state.selected + Math.max(1, page - 1));
    case "home":
      return move(0);
    case "end":
      return move(last);
    case "enter":
      return { state, outcome: count > 0 ? "choose" : undefined };
    case "escape":
    case "interrupt":
      return { state, outcome: "cancel" };
    default:
      return { state, outcome: undefined };
  }
}

/**
 * A query at most as long as `search` takes (LIMITS.queryChars), cut once: a paste of
 * 50,000 characters is cut to its first 1,000, not trimmed a character at a time.
 */
export function capQuery(query: string): string {
  if (query.length <= LIMITS.queryChars) return query;
  const cut = query.slice(0, LIMITS.queryChars);
  // Not half of a character outside the Basic Multilingual Plane.
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** -1 (every category), 0 .. n-1, and round again. */
function cycle(category: number, step: number, categories: number): number {
  const slots = categories + 1;
  return ((((category + 1 + step) % slots) + slots) % slots) - 1;
}

const clamp = (n: number, low: number, high: number) => Math.min(high, Math.max(low, n));

/** Scrolls the list as little as it takes to keep the highlighted row on screen. */
export function keepVisible(state: PickerState, page: number): PickerState {
  const rows = Math.max(1, page);
  let top = state.top;
  if (state.selected < top) top = state.selected;
  if (state.selected >= top + rows) top = state.selected - rows + 1;
  return top === state.top ? state : { ...state, top: Math.max(0, top) };
}
