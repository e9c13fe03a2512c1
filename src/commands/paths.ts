import { defineCommand, flag } from "./spec.js";

export default defineCommand({
  name: "paths",
  sourceProblems: "none",
  summary: "show every place diagrams are read from, in order, with what each gave",
  args: [],
  options: {
    json: flag("--json", "an array of {path, origin, present, diagrams, problems}"),
  },
  examples: [
    "sysdiag paths",
    "SYSDIAG_PATH=~/notes/diagrams sysdiag paths",
    "sysdiag paths --json",
  ],
  details:
    "Highest first: --catalog, SYSDIAG_PATH, the project's .sysdiag/ (here or in the nearest\n" +
    "parent), the user's data directory ($XDG_DATA_HOME/sysdiag), the built-in catalog.\n" +
    "A diagram in a higher place hides one with the same id in a lower.",
  exitCodes: [],
  json: "[{path, origin, present, diagrams, problems: [string]}]",
  async run(ctx, { options }) {
    const reports = ctx.sources();
    if (options.json) {
      const { toJson } = await import("../render/json.js");
      return { stdout: toJson(reports) };
    }
    const { formatPaths } = await import("../render/listing.js");
    return { stdout: formatPaths(reports, ctx.style) };
  },
});
