import { UsageError } from "../errors.js";
import { arg, defineCommand } from "./spec.js";

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

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
  async run(_ctx, { args }) {
    const [shell] = args;
    if (!SHELLS.includes(shell as Shell)) {
      throw new UsageError(`no completion for '${shell}'; shells are: ${SHELLS.join(", ")}`);
    }
    const { completionScript } = await import("../completion/script.js");
    return { stdout: await completionScript(shell as Shell) };
  },
});
