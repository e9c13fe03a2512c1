import { spawnSync } from "node:child_process";
import { IoError } from "../core/errors.js";

/** Editors that take `+LINE` to open a file at a line. */
const TAKES_LINE = new Set([
  "vi",
  "vim",
  "nvim",
  "view",
  "nano",
  "emacs",
  "emacsclient",
  "micro",
  "kak",
  "joe",
  "mg",
  "ne",
  "hx",
  "helix",
]);

/**
 * The editor: $VISUAL, else $EDITOR, else vi. A setting of only blanks is no editor (run
 * through the shell, `"$@"` alone would run the diagram's file itself as a program).
 */
export function editorSetting(env: Record<string, string | undefined>): string {
  return [env.VISUAL, env.EDITOR].find((value) => value?.trim()) ?? "vi";
}

/**
 * Opens `file` in the user's editor ($VISUAL, else $EDITOR, else vi) on this
 * terminal and waits for it. Run through the shell, as git does, so that
 * `EDITOR="code --wait"` works; the file is passed as an argument, never spliced in.
 */
export function openEditor(
  env: Record<string, string | undefined>,
  file: string,
  line: number,
): void {
  const editor = editorSetting(env);
  const program = editor.trim().split(/\s+/)[0]?.split("/").pop() ?? "";
  const at = TAKES_LINE.has(program) ? [`+${line}`] : [];
  // Ctrl-C belongs to the editor while it runs (as git does): it must not end sysdiag and
  // leave the editor writing a file nobody will check.
  const ignore = () => {};
  process.on("SIGINT", ignore);
  let result: ReturnType<typeof spawnSync>;
  try {
    result = spawnSync("/bin/sh", ["-c", `${editor} "$@"`, editor, ...at, file], {
      stdio: "inherit",
      env,
    });
  } finally {
    process.off("SIGINT", ignore);
  }
  if (result.error) throw new IoError(`cannot run the editor '${editor}': ${result.error.message}`);
  if (result.status !== 0) {
    throw new IoError(
      `the editor '${editor}' exited with ${result.status ?? result.signal}; ${file} is as it left it`,
    );
  }
}
