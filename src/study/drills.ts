import { displayWidth } from "../core/width.js";
import { Grid } from "../diagram/grid.js";
import { type Graded, gradeName, gradeOrder, gradeRecall } from "./grade.js";
import type { Material } from "./material.js";
import { gradeRedraw, redrawTemplate } from "./redraw.js";

/**
 * The drills, each made from a diagram's material (material.ts) and a random number
 * source, so that the same seed gives the same masks and shuffles.
 */
export const DRILLS = ["missing-box", "order", "name", "components", "redraw"] as const;
export type DrillKind = (typeof DRILLS)[number];

/** A question put, and how to grade its one line of answer. */
export interface Question {
  /** Lines shown: a drawing, steps to order, or a title. */
  body: string[];
  /** What to type, one line. */
  ask: string;
  /** For a drawing: what the editor opens with (redraw); the answer is then the file. */
  template?: string;
  grade(answer: string): Graded;
}

/** Which drills a diagram's material can make. */
export function drillsOf(material: Material): DrillKind[] {
  const kinds: DrillKind[] = [];
  if (material.maskable.length >= 2) kinds.push("missing-box");
  if (material.steps.length >= 3) kinds.push("order");
  if (material.graph && material.graph.nodes.length > 0) kinds.push("name");
  if (material.labels.length >= 3) kinds.push("components");
  if (material.labels.length >= 3 && (material.graph?.edges.length ?? 0) >= 2) kinds.push("redraw");
  return kinds;
}

const MASK = "?";

const whole = (random: () => number, n: number) => Math.floor(random() * n);

/** The drawing with every cell of a label run in a box's inside set to the mask, widths kept. */
function masked(
  diagram: string,
  box: { top: number; left: number; bottom: number; right: number },
) {
  const grid = new Grid(diagram);
  const lines = diagram.split("\n");
  for (let row = box.top + 1; row < box.bottom; row++) {
    const text = grid.text(row, box.left + 1, box.right);
    const covered = text.replace(/\S/gu, (char) => MASK.repeat(displayWidth(char)));
    lines[row] =
      grid.text(row, 0, box.left + 1) + covered + grid.text(row, box.right, grid.columns(row));
  }
  return lines;
}

/** Whole words of the title (and the id's words) masked in the drawing, widths kept. */
function withoutTitle(material: Material): string[] {
  const { title, id } = material.entry;
  const words = new Set(
    [...title.split(/[^\p{L}\p{N}]+/u), ...id.split("-")].filter((w) => w.length >= 3),
  );
  return material.entry.diagram
    .split("\n")
    .map((line) =>
      line.replace(/[\p{L}\p{N}]+/gu, (word) =>
        [...words].some((w) => w.toLowerCase() === word.toLowerCase())
          ? MASK.repeat(displayWidth(word))
          : word,
      ),
    );
}

function missingBox(material: Material, random: () => number): Question {
  const box = material.maskable[
    whole(random, material.maskable.length)
  ] as Material["maskable"][number];
  return {
    body: masked(material.entry.diagram, box),
    ask: "the label of the masked box",
    grade: (answer) => ({ verdict: gradeName(answer, [box.label]), answer: [box.label] }),
  };
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

function order(material: Material, random: () => number): Question {
  const steps = material.steps.slice(0, LETTERS.length);
  const shown = steps.map((_, i) => i);
  for (let i = shown.length - 1; i > 0; i--) {
    const j = whole(random, i + 1);
    [shown[i], shown[j]] = [shown[j] as number, shown[i] as number];
  }
  // Never already in order: that would be no question.
  if (shown.every((step, i) => step === i)) shown.push(shown.shift() as number);
  const letterOf = (step: number) => LETTERS[shown.indexOf(step)] as string;
  const right = steps.map((_, step) => letterOf(step));
  return {
    body: shown.map((step, i) => `${LETTERS[i]}) ${steps[step]}`),
    ask: "the steps in order, as their letters, first step first",
    grade: (answer) => ({
      verdict: gradeOrder(answer, right).verdict,
      answer: [right.join(" "), ...steps.map((step, i) => `${i + 1}. ${step}`)],
    }),
  };
}

function name(material: Material): Question {
  const { title, id, aliases } = material.entry;
  return {
    body: withoutTitle(material),
    ask: "the name of this pattern",
    grade: (answer) => ({
      verdict: gradeName(answer, [title, id.replace(/-/g, " "), ...aliases]),
      answer: [aliases.length > 0 ? `${title} (also: ${aliases.join(", ")})` : title],
    }),
  };
}

function components(material: Material): Question {
  return {
    body: [material.entry.title],
    ask: "the components you remember, separated by commas",
    grade: (answer) => {
      const recall = gradeRecall(answer, material.labels);
      const count = recall.found.filter(Boolean).length;
      return {
        verdict: recall.verdict,
        answer: [
          `${count} of ${material.labels.length}: ${material.labels.map((label, i) => (recall.found[i] ? label : `[${label}]`)).join(", ")}`,
          ...(recall.extra.length > 0 ? [`not in the drawing: ${recall.extra.join(", ")}`] : []),
        ],
      };
    },
  };
}

/** The question of a drill on a diagram. */
export function questionFor(material: Material, drill: DrillKind, random: () => number): Question {
  switch (drill) {
    case "missing-box":
      return missingBox(material, random);
    case "order":
      return order(material, random);
    case "name":
      return name(material);
    case "components":
      return components(material);
    case "redraw":
      return {
        body: [material.entry.title],
        ask: "Enter opens your editor: draw it from memory, save and quit",
        template: redrawTemplate(material.entry.title),
        grade: (drawing) => gradeRedraw(material, drawing),
      };
  }
}
