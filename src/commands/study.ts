import { UsageError } from "../core/errors.js";
import { count, defineCommand, flag, type OptionSpec, text, whole } from "./spec.js";

/** The drills, as `--drill` takes them (the same list as src/study/drills.ts, held by a test). */
const DRILL_CHOICES = ["missing-box", "order", "name", "components", "redraw"] as const;

const retention: OptionSpec<number | undefined> = {
  flags: "--retention <r>",
  description: "set the desired retention, 0.7 to 0.99 (kept for later sessions; default 0.9)",
  parse: (value) => {
    const r = Number(value);
    if (!/^0?\.\d+$/.test(value) || r < 0.7 || r > 0.99) {
      throw new Error("expected a share from 0.7 to 0.99, such as 0.9");
    }
    return r;
  },
};

export default defineCommand({
  name: "study",
  summary: "drill diagrams from memory, with spaced repetition (FSRS)",
  args: [],
  options: {
    plain: flag("--plain", "a line protocol for scripts, screen readers and editors"),
    drill: {
      flags: "--drill <kind>",
      description: "only this drill",
      choices: DRILL_CHOICES,
      complete: DRILL_CHOICES,
    } as OptionSpec<(typeof DRILL_CHOICES)[number] | undefined>,
    category: text("-c, --category <category>", "only diagrams of this category", "categories"),
    limit: count("-n, --limit <n>", "at most this many cards in the session", 20),
    new: whole(
      "--new <n>",
      "at most this many new cards in the session (default: what is left of today's)",
    ),
    seed: whole("--seed <n>", "the same progress, clock and seed give the same cards and masks"),
    retention,
    dailyNew: whole("--daily-new <n>", "set how many new cards a day, at most (kept; default 10)"),
    stats: flag(
      "--stats",
      "what is due, new and reviewed today, the streak and the weakest diagrams",
    ),
    json: { ...flag("--json", "with --stats: the statistics as JSON"), conflicts: ["plain"] },
  },
  examples: [
    "sysdiag study",
    "sysdiag study --plain --limit 5",
    "sysdiag study --drill order --category databases",
    "sysdiag study --stats",
    "sysdiag study --stats --json",
    "sysdiag study --retention 0.85 --daily-new 5 --stats",
    "SYSDIAG_NOW=2026-03-01T09:00:00Z sysdiag study --plain --seed 7 < answers.txt",
  ],
  details:
    "Drills: missing-box (a box's label masked: type it), order (a flow's steps shuffled:\n" +
    "type their letters in order), name (the drawing without its title: name the pattern),\n" +
    "components (the title: list what the drawing holds, scored by recall), redraw (on a\n" +
    "terminal with $VISUAL or $EDITOR: draw it in your editor, compared as graphs). Answers are\n" +
    "graded forgivingly (case, spacing, a typo, an alias); right, partial and wrong become\n" +
    "FSRS's Good, Hard and Again. A card is a diagram and a drill; when a drawing changes,\n" +
    "its cards start again. Progress is saved after every answer in\n" +
    "$XDG_STATE_HOME/sysdiag/progress.json (default ~/.local/state/sysdiag).\n" +
    "--plain prints for each card `card N/M: ID · DRILL`, the question (indented), a line\n" +
    "`? what to type`, then reads one line (blank: I don't know) and prints `result:\n" +
    "right|partial|wrong`, `answer: ...` and `due: TIME (in ...)`; the end of input ends\n" +
    "the session. On a terminal without --plain the session is full-screen: Enter answers,\n" +
    "Enter again goes on, Esc or Ctrl-C ends it (answers given are kept). SYSDIAG_NOW (ISO\n" +
    "8601) sets the clock.",
  exitCodes: [
    [1, "no such category, or no card to study now (the next due time is said)"],
    [3, "the progress file cannot be read or written, or was damaged (it is set aside)"],
    [130, "interrupted with Ctrl-C (answers given are kept)"],
  ],
  json: "with --stats: {due, new, unseen, reviewed_today, next_due, retention, desired_retention, new_per_day, streak, weakest: [{id, title, recall, lapses}]}",
  async run(ctx, { options }) {
    if (options.json && !options.stats) throw new UsageError("--json goes with --stats");
    if (options.stats && options.plain)
      throw new UsageError("--stats prints; --plain is for a session");
    if (options.drill === "redraw" && (options.plain || !(ctx.env.VISUAL || ctx.env.EDITOR))) {
      throw new UsageError(
        "the redraw drill needs a terminal and an editor ($VISUAL or $EDITOR), not --plain",
      );
    }
    if (!options.stats && !options.plain && !ctx.terminal) {
      throw new UsageError("study needs a terminal; use --plain for the line protocol, or --stats");
    }
    const catalog = ctx.catalog();
    let categoryId: string | undefined;
    if (options.category !== undefined) {
      const { resolveCategory } = await import("../search/category.js");
      categoryId = (await resolveCategory(catalog, options.category)).id;
    }
    const [{ runStudy }, { toAscii }, { createStyle }] = await Promise.all([
      import("../study/run.js"),
      import("../render/ascii.js"),
      import("../render/style.js"),
    ]);
    const terminal = ctx.terminal;
    return runStudy(
      {
        entries: catalog.diagrams,
        env: ctx.env,
        dialog: () => ctx.dialog(),
        look: ctx.ascii ? toAscii : (line) => line,
        ...(terminal && !options.plain
          ? {
              quiz: async (cards) => ctx.programs.quiz(cards, await createStyle(terminal.color)),
            }
          : {}),
      },
      { ...options, categoryId },
    );
  },
});
