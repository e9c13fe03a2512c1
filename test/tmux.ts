import { execFileSync, spawnSync } from "node:child_process";
import { ROOT } from "./helpers.js";

/**
 * A real terminal for the tests that are about what a person sees: tmux runs the
 * command in a pane of the given size, and the pane is read back as text.
 * `.ci/run` installs tmux where it is missing.
 */
export class Tmux {
  readonly socket = `sysdiag-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  private tmux(...args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, "-f", "/dev/null", ...args], {
      encoding: "utf8",
    });
  }

  /** Starts `shell` (a sh command line) in a fresh pane of columns x rows. */
  start(shell: string, columns: number, rows: number, env: Record<string, string> = {}): void {
    const exports = Object.entries({ LANG: "C.UTF-8", TERM: "xterm-256color", ...env })
      .map(([k, v]) => `export ${k}='${v}';`)
      .join(" ");
    this.tmux(
      "new-session",
      "-d",
      "-x",
      String(columns),
      "-y",
      String(rows),
      "sh",
      "-c",
      // The marker takes the row a shell's prompt would, without a newline of its own:
      // output that leaves that one row free (as the pager's rule does) never scrolls.
      `${exports} cd '${ROOT}'; ${shell}; printf '<<exit %s>>' "$?"; sleep 600`,
    );
    this.tmux("set-option", "-g", "status", "off");
  }

  /** The pane as text, one string a screen line (trailing blanks trimmed by tmux). */
  screen(): string[] {
    return this.tmux("capture-pane", "-p").replace(/\n$/, "").split("\n");
  }

  /** The pane with its colours and attributes as escape codes (capture-pane -e). */
  screenWithEscapes(): string {
    return this.tmux("capture-pane", "-p", "-e");
  }

  resize(columns: number, rows: number): void {
    this.tmux("resize-window", "-t", "0", "-x", String(columns), "-y", String(rows));
  }

  /** Any tmux command (set-option, show-buffer...); its output. */
  run(...args: string[]): string {
    return this.tmux(...args);
  }

  /** Waits until `pattern` is on the screen, and returns the screen. */
  async waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<string[]> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (pattern.test(screen.join("\n"))) return screen;
      if (Date.now() > until) {
        throw new Error(`timed out waiting for ${pattern}; screen:\n${screen.join("\n")}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  keys(...keys: string[]): void {
    this.tmux("send-keys", "-t", "0", ...keys);
  }

  kill(): void {
    spawnSync("tmux", ["-L", this.socket, "kill-server"]);
  }
}

export const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
