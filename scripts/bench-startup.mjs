// Quick startup check: node scripts/bench-startup.mjs [runs]
import { spawnSync } from "node:child_process";

const runs = Number(process.argv[2] ?? 20);
const cmds = [
  ["node -e ''", ["-e", ""]],
  ["--version", ["bin/sysdiag.cjs", "--version"]],
  ["list", ["bin/sysdiag.cjs", "list"]],
  ["search replication", ["bin/sysdiag.cjs", "search", "replication"]],
  ["show cache-aside", ["bin/sysdiag.cjs", "show", "cache-aside"]],
];
const times = new Map(cmds.map(([n]) => [n, []]));
for (let i = 0; i < runs; i++)
  for (const [n, a] of cmds) {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, a, { stdio: "ignore" });
    times.get(n).push(Number(process.hrtime.bigint() - t) / 1e6);
  }
const med = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const base = med(times.get("node -e ''"));
for (const [n, xs] of times)
  console.log(
    n.padEnd(20),
    med(xs).toFixed(1).padStart(7),
    "ms",
    (med(xs) / base).toFixed(2) + "x",
  );
