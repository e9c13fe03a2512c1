import { UsageError } from "../core/errors.js";
import type { Shell } from "./context.js";
import { arg, defineCommand } from "./spec.js";

const SHELLS: readonly Shell[] = ["bash", "zsh", "fish"];

export default defineCommand({
  name: "completion",
  summary: "print the shell completion script for bash, zsh or fish",
  args: [arg("shell", "bash, zsh or fish", { complete: SHELLS })],
  options: {},
  examples: [
    "sysdiag completion bash > ~/.local/share/bash-completion/completions/sysdiag",
    "sysdiag completion zsh > ~/.zfunc/_sysdiag",
    "sysdiag completion fish > ~/.config/fish/completions/sysdiag.fish",
    "source <(sysdiag completion bash)",
  ],
  details:
    "Commands, options and fixed values are written into the script; diagram names and\n" +
    "categories are read from the catalog at each TAB (`sysdiag __complete`), so a user's own\n" +
    "diagrams complete too.",
  exitCodes: [],
  async run(ctx, { args }) {
    const [shell] = args;
    if (!SHELLS.includes(shell as Shell)) {
      throw new UsageError(`no completion for '${shell}'; shells are: ${SHELLS.join(", ")}`);
    }
    return { stdout: await ctx.programs.completionScript(shell as Shell) };
  },
});
