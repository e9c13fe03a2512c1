import { defineCommand } from "./spec.js";

export default defineCommand({
  name: "init",
  summary: "make a team catalog: .sysdiag/ at the root of this repository",
  args: [],
  options: {},
  examples: ["sysdiag init", "sysdiag init && sysdiag add --project docs/design.md"],
  details:
    "Makes .sysdiag/ at the root of the git repository the working directory is in (the nearest\n" +
    "parent holding .git; outside a repository, in the working directory), with a short README\n" +
    "on the format. Every sysdiag run in the repository reads it, above your own diagrams; commit\n" +
    "it. It is made readable by all and writable only by you, as sysdiag reads no .sysdiag/ that\n" +
    "others may write to. One that is there already is left as it is.",
  exitCodes: [[3, "the directory cannot be made"]],
  async run(ctx) {
    const { initProject, repositoryRoot } = await import("../catalog/project.js");
    const { displayPath } = await import("../render/path.js");
    const cwd = ctx.cwd();
    const root = repositoryRoot(cwd);
    const { dir, created } = initProject(root ?? cwd);
    const shown = displayPath(dir, ctx.env.HOME);
    const notes = root ? [] : ["not in a git repository: made in the working directory"];
    const stdout = created
      ? `made ${shown} with a README on the format; 'sysdiag add --project FILE' adds diagrams to it\n`
      : `${shown} is there already; left as it is\n`;
    return { stdout, notes };
  },
});
