import add from "./add.js";
import browse from "./browse.js";
import categories from "./categories.js";
import compare from "./compare.js";
import complete from "./complete.js";
import completion from "./completion.js";
import edit from "./edit.js";
import help from "./help.js";
import lint from "./lint.js";
import list from "./list.js";
import paths from "./paths.js";
import random from "./random.js";
import remove from "./remove.js";
import render from "./render.js";
import search from "./search.js";
import show from "./show.js";
import type { CommandSpec } from "./spec.js";
import study from "./study.js";
import tips from "./tips.js";

/**
 * Every command, in the order help lists them. Specs are small data; what a
 * command needs to run is imported inside its `run`, so listing them costs nothing.
 */
export const COMMANDS: readonly CommandSpec[] = [
  show,
  list,
  categories,
  search,
  random,
  compare,
  render,
  browse,
  study,
  lint,
  tips,
  add,
  edit,
  remove,
  paths,
  completion,
  help,
  complete,
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
