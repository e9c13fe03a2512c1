import { appendFileSync } from "node:fs";
import { holdingLock } from "../../src/catalog/lock.js";

/**
 * Takes the data directory's lock, says so in the log, and keeps it through a long
 * synchronous step (no timer can run), as an add of 10,000 diagrams does; run by
 * lock.test.ts in a process of its own. Arguments: the directory, the log, the milliseconds.
 */
const [dir = "", log = "", ms = "0"] = process.argv.slice(2);
await holdingLock(dir, () => {
  appendFileSync(log, "held\n");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms));
  appendFileSync(log, "done\n");
});
