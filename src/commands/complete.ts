import { DYNAMIC as KINDS } from "../catalog/completion-values.js";
import { UsageError } from "../core/errors.js";
import { arg, defineCommand } from "./spec.js";

/**
 * What the completion scripts ask at each TAB: one value a line. Hidden: it is
 * for the scripts, and it must stay fast (Node's start-up and a catalog read).
 */
export default defineCommand({
  name: "__complete",
  summary: "print the values completion offers (for the completion scripts)",
  args: [arg("kind", "diagrams (ids and aliases) or categories (ids)", { complete: KINDS })],
  options: {},
  examples: ["sysdiag __complete diagrams", "sysdiag __complete categories"],
  exitCodes: [],
  hidden: true,
  async run(ctx, { args }) {
    const [kind] = args;
    if (!KINDS.includes(kind as (typeof KINDS)[number])) {
      throw new UsageError(`no completion kind '${kind}'; kinds are: ${KINDS.join(", ")}`);
    }
    const { completionValues } = await import("../catalog/completion-values.js");
    const values = completionValues(ctx.catalog(), kind as (typeof KINDS)[number]);
    return { stdout: values.map((v) => `${v}\n`).join("") };
  },
});
