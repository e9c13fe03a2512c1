import { NotFoundError, UsageError } from "../core/errors.js";
import { inputLimit, thousands } from "../core/limits.js";
import { arg, defineCommand, flag } from "./spec.js";

const ADD_LIMIT = inputLimit("add reads documents");
/** Taken ids named in the refusal; the rest are counted. */
const TAKEN_SHOWN = 10;

export default defineCommand({
  name: "add",
  summary: "add the diagrams of a Markdown document to your own catalog",
  args: [
    arg(
      "file",
      "a Markdown document (## category, ### title, fenced drawing), or - for standard input",
      { complete: "files" },
    ),
  ],
  options: {
    replace: flag("--replace", "replace a diagram that has the same id (yours or a built-in one)"),
  },
  examples: [
    "sysdiag add my-designs.md",
    "sysdiag show cache-aside --format md | sed 's/Cache-Aside/My Cache/' | sysdiag add -",
    "sysdiag add cache.md --replace",
  ],
  details:
    "Each diagram is written to its own file, <id>.md, in your data directory\n" +
    "($XDG_DATA_HOME/sysdiag, by default ~/.local/share/sysdiag). Nothing is overwritten\n" +
    "without --replace: when an id is taken, nothing of the document is added. A diagram of yours\n" +
    "that --replace replaces is replaced where it stands, in whichever of your files holds it\n" +
    "(the prose around it kept). The document is added whole or not at all: should a write fail\n" +
    "(a full disk), the files already written are taken back.",
  exitCodes: [
    [1, "the document holds no diagram"],
    [
      3,
      "the document or the data directory cannot be read or written, or the directory would hold more than 10,000 files",
    ],
  ],
  async run(ctx, { args, options }) {
    const [file = "-"] = args;
    const { readDocument } = await import("../document/document.js");
    const { readText } = await import("../core/io.js");
    const name = file === "-" ? "standard input" : file;
    const text = file === "-" ? await ctx.stdin(ADD_LIMIT) : readText(file, ADD_LIMIT);
    const { diagrams, problems } = readDocument(text);
    const notes = problems.map((p) => `${file === "-" ? "<stdin>" : file}:${p.line}: ${p.message}`);
    if (diagrams.length === 0) {
      throw new NotFoundError(
        `no diagram in ${name}${problems.length > 0 ? `: ${notes[0]}` : ": it needs a heading (#, ## or ###) with a fenced drawing under it"}`,
      );
    }
    const seen = new Set<string>();
    for (const d of diagrams) {
      if (seen.has(d.id)) throw new UsageError(`${name} has two diagrams with the id '${d.id}'`);
      seen.add(d.id);
    }
    const { userDataDir } = await import("../catalog/sources.js");
    const { displayPath } = await import("../render/path.js");
    const { checkRoom, fileFor, withLock, writeDiagramFiles } = await import("../catalog/user.js");
    const dir = userDataDir(ctx.env);
    const files = diagrams.map((d) => fileFor(dir, d.id));
    const lines = await withLock(dir, async (lock) => {
      // Checked under the lock, so that a racing add of the same id cannot slip in between.
      const catalog = ctx.reload();
      const byId = new Map(catalog.diagrams.map((e) => [e.id, e]));
      const taken = diagrams.filter((d) => byId.has(d.id));
      if (taken.length > 0 && !options.replace) {
        // A few by name, the rest counted: a document re-added may hold thousands.
        const what = taken
          .slice(0, TAKEN_SHOWN)
          .map(
            (d) =>
              `${d.id} (${byId.get(d.id)?.source === "built-in" ? "built-in" : byId.get(d.id)?.source})`,
          )
          .join(", ");
        const more = taken.length - TAKEN_SHOWN;
        throw new UsageError(
          `${taken.length === 1 ? "this id is" : "these ids are"} taken: ${what}${more > 0 ? ` and ${thousands(more)} more` : ""}; add --replace to replace, nothing was added`,
        );
      }
      const { planWrites } = await import("../catalog/replace.js");
      const shown = (path: string) => displayPath(path, ctx.env.HOME);
      const plan = planWrites(dir, diagrams, files, byId, shown);
      checkRoom(
        dir,
        plan.writes.map((w) => w.path),
        shown(dir),
      );
      writeDiagramFiles(
        plan.writes.map((w) => ({ ...w, force: w.force || options.replace === true })),
        () => lock.keep(),
      );
      notes.push(...plan.notes);
      return diagrams.map((d, i) => {
        const target = plan.targets[i] as string;
        const hider = byId.get(d.id)?.source;
        // One in a place above the data directory (--catalog, SYSDIAG_PATH, .sysdiag/) still wins.
        if (hider && hider !== "built-in" && !hider.startsWith(`${dir}/`)) {
          notes.push(
            `'${d.id}' in ${displayPath(hider, ctx.env.HOME)} comes first and still hides yours`,
          );
        }
        // Replaced: one of the data directory's, or the built-in one it now stands for; one
        // that still wins from above is not.
        const replaced = hider === "built-in" || (hider?.startsWith(`${dir}/`) ?? false);
        return `${replaced ? "replaced" : "added"} ${d.id} (${d.title}) in ${displayPath(target, ctx.env.HOME)}\n`;
      });
    });
    return { stdout: lines.join(""), notes };
  },
});
