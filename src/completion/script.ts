import { GLOBAL_OPTIONS } from "../cli/globals.js";
import { optionsOf } from "../cli/parse.js";
import type { Shell } from "../commands/completion.js";
import { COMMANDS } from "../commands/registry.js";
import { bashScript } from "./bash.js";
import { fishScript } from "./fish.js";
import { completionModel } from "./model.js";
import { zshScript } from "./zsh.js";

/** The completion script for `shell`, from the command specs as they are. */
export async function completionScript(shell: Shell): Promise<string> {
  const model = completionModel(COMMANDS, GLOBAL_OPTIONS, optionsOf);
  switch (shell) {
    case "bash":
      return bashScript(model);
    case "zsh":
      return zshScript(model);
    case "fish":
      return fishScript(model);
  }
}
