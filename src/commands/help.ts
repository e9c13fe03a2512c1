import { arg, defineCommand } from "./spec.js";

export default defineCommand({
  name: "help",
  summary: "show help for sysdiag or for one command",
  args: [arg("command", "the command to explain", { required: false, complete: "commands" })],
  options: {},
  examples: ["sysdiag help", "sysdiag help show"],
  exitCodes: [],
  async run(ctx, { args }) {
    return { stdout: await ctx.programs.helpText(args[0], ctx.columns) };
  },
});
