import type { Shell } from "../../commands/context.js";
import { COMMANDS } from "../../commands/registry.js";
import { GLOBAL_OPTIONS } from "../globals.js";
import { optionsOf } from "../parse.js";
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
