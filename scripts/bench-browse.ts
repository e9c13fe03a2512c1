// npm run bench:browse [-- --runs N]: how soon `sysdiag browse` draws its first frame,
// in a real terminal (a pty from util-linux `script`), from spawning the process to the
// frame's last line arriving; Node's own start-up through the same pty for reference.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const runsAt = process.argv.indexOf("--runs");
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 30;

/** Milliseconds from spawn until `until` appears in what the pty shows; then Ctrl-C. */
function once(command: string, until: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn("script", ["-qfec", command, "/dev/null"], {
      cwd: root,
      env: { ...process.env, LANG: "C.UTF-8", TERM: "xterm-256color", COLUMNS: "80", LINES: "24" },
    });
    let seen = "";
    let done = false;
    child.stdout.on("data", (chunk: Buffer) => {
      seen += chunk.toString("utf8");
      if (!done && until.test(seen)) {
        done = true;
        const ms = performance.now() - start;
        child.stdin.write("\u0003");
        child.on("close", () => resolve(ms));
      }
    });
    child.on("error", reject);
    child.on("close", () => {
      if (!done) reject(new Error(`never saw ${until}:\n${seen}`));
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const browse: number[] = [];
const node: number[] = [];
for (let i = 0; i < runs; i++) {
  node.push(await once(`node -e "process.stdout.write('ready')"`, /ready/));
  browse.push(await once("node bin/sysdiag.cjs browse", /Esc quit {2}\? keys/));
}
const fmt = (n: number) => n.toFixed(1);
console.log(`runs: ${runs}`);
console.log(`node -e '' through the pty: median ${fmt(median(node))} ms`);
console.log(
  `sysdiag browse, first frame: median ${fmt(median(browse))} ms, min ${fmt(Math.min(...browse))}, max ${fmt(Math.max(...browse))}`,
);
