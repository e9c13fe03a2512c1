import { defineCommand } from "./spec.js";

export default defineCommand({
  name: "tips",
  summary: "tips for drawing diagrams of your own",
  args: [],
  options: {},
  examples: ["sysdiag tips"],
  exitCodes: [],
  async run(ctx) {
    const { formatProse } = await import("../render/listing.js");
    const { title, markdown } = ctx.catalog().tips;
    return { stdout: formatProse(title, markdown, ctx.style) };
  },
});
