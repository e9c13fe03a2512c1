import { UsageError } from "../core/errors.js";
import { arg, count, defineCommand } from "./spec.js";

export default defineCommand({
  name: "compare",
  summary: "two diagrams side by side, with their notes' trade-offs beside each other",
  args: [
    arg("a", "a diagram's id, alias or title", { complete: "diagrams" }),
    arg("b", "the other diagram", { complete: "diagrams" }),
  ],
  options: {
    width: {
      ...count(
        "-w, --width <n>",
        "lay out for this many columns (default: the terminal's, else 80)",
        80,
      ),
      default: undefined,
    },
  },
  output: true,
  copy: true,
  examples: [
    "sysdiag compare write-through write-back",
    "sysdiag compare 2pc saga",
    "sysdiag compare master-slave-replication master-master-replication --width 200",
  ],
  details:
    "Side by side when both drawings fit the width with a gap, each with its notes under it,\n" +
    "the trade-offs and failure modes first; one under the other when they do not. A name is\n" +
    "read as `show` reads one (a near miss only when it is clear). Drawing lines are never\n" +
    "wrapped; notes are.",
  exitCodes: [[1, "a name matches no diagram"]],
  async run(ctx, { args, options }) {
    const [first = "", second = ""] = args;
    const notes: string[] = [];
    const { resolveName } = await import("../search/resolve.js");
    const catalog = ctx.catalog();
    const find = (name: string) =>
      resolveName(catalog, name, ctx.index, (asked, guess) =>
        notes.push(
          `no diagram is named '${asked}'; showing the closest: ${guess.id} (${guess.title})`,
        ),
      );
    const a = await find(first);
    const b = await find(second);
    if (a.id === b.id) throw new UsageError(`both names are ${a.id}: compare two diagrams`);
    const { renderCompare } = await import("../render/compare.js");
    return {
      stdout: renderCompare(a, b, ctx.style, options.width ?? ctx.columns, ctx.ascii),
      notes,
      subject: `${a.id} and ${b.id}`,
    };
  },
});
