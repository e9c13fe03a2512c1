import { NotFoundError, UsageError } from "../core/errors.js";
import { inputLimit, thousands } from "../core/limits.js";
import { arg, defineCommand, flag, text } from "./spec.js";

const ADD_LIMIT = inputLimit("add reads documents");
/** Taken ids named in the refusal; the rest are counted. */
const TAKEN_SHOWN = 10;

export default defineCommand({
  name: "add",
  summary: "add the diagrams of a Markdown document to your own catalog",
  args: [
    arg(
      "file",
      "a Markdown document (or a text file holding one drawing), or - for standard input",
      { complete: "files" },
    ),
  ],
  options: {
    replace: flag("--replace", "replace a diagram that has the same id (yours or a built-in one)"),
    dryRun: flag(
      "--dry-run",
      "say what would be added, under which ids and categories; write nothing",
    ),
    project: flag(
      "--project",
      "add to the project's .sysdiag/ (made by sysdiag init) instead of your data directory",
    ),
    category: text(
      "--category <name>",
      "file the diagrams under this category, unless a sysdiag comment names one",
      "categories",
    ),
  },
  examples: [
    "sysdiag add my-designs.md",
    "sysdiag add docs/design.md --dry-run",
    "sysdiag add docs/design.md --category 'URL shortener'",
    "sysdiag add --project docs/design.md",
    "sysdiag show cache-aside --format md | sed 's/^id: cache-aside$/id: my-cache/' | sysdiag add -",
    "sysdiag add cache.md --replace",
  ],
  details:
    "Each diagram is written to its own file, <id>.md, in your data directory\n" +
    "($XDG_DATA_HOME/sysdiag, by default ~/.local/share/sysdiag), or with --project in the\n" +
    "project's .sysdiag/ (here or in the nearest parent; sysdiag init makes one). Nothing is overwritten\n" +
    "without --replace: when an id is taken, nothing of the document is added. A diagram of yours\n" +
    "that --replace replaces is replaced where it stands, in whichever of your files holds it\n" +
    "(the prose around it kept). The document is added whole or not at all: should a write fail\n" +
    "(a full disk), the files already written are taken back.\n" +
    "The drawings are the ones render and lint find: fenced or indented code blocks that are\n" +
    "drawn (code, tables and prose are not); a second drawing under one heading is titled by the\n" +
    "line of text just above it, or numbered. A diagram's category is its sysdiag comment's\n" +
    "category:, else --category, else the ## heading it stands under, else the document's #\n" +
    "title, else My Diagrams.",
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
    const base = file === "-" ? undefined : (file.split("/").pop() ?? file).replace(/\.[^.]*$/, "");
    const { diagrams, problems } = readDocument(text, {
      ...(base ? { name: base } : {}),
      ...(options.category?.trim() ? { category: options.category.trim() } : {}),
    });
    const notes = problems.map((p) => `${file === "-" ? "<stdin>" : file}:${p.line}: ${p.message}`);
    if (diagrams.length === 0) {
      throw new NotFoundError(
        `no diagram in ${name}${problems.length > 0 ? `: ${notes[0]}` : ": nothing in it is drawn (box-drawing characters, or ASCII boxes and arrows) in a code block"}`,
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
    const { projectTarget } = await import("../catalog/project.js");
    const dir = options.project ? projectTarget(ctx.cwd()) : userDataDir(ctx.env);
    // With --project, the data directory is below the place written to.
    const below = options.project ? userDataDir(ctx.env) : undefined;
    const inside = (path: string | undefined, place: string | undefined) =>
      place !== undefined && path?.startsWith(`${place}/`) === true;
    const shown = (path: string) => displayPath(path, ctx.env.HOME);
    const files = diagrams.map((d) => fileFor(dir, d.id));
    /** What the catalog holds now, checked, and where each diagram would go. */
    const plan = async () => {
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
      return { byId, ...planWrites(dir, diagrams, files, byId, shown) };
    };
    /** What is said of each diagram: added or replaced, where, and what still hides it. */
    const said = ({ byId, targets }: Awaited<ReturnType<typeof plan>>, would: boolean): string[] =>
      diagrams.map((d, i) => {
        const target = targets[i] as string;
        const hider = byId.get(d.id)?.source;
        if (inside(hider, below)) {
          notes.push(
            `'${d.id}' in ${displayPath(hider as string, ctx.env.HOME)} ${would ? "would be" : "is"} hidden by it`,
          );
        } else if (hider && hider !== "built-in" && !inside(hider, dir)) {
          // One in a place above the one written to (--catalog, SYSDIAG_PATH, .sysdiag/) still wins.
          notes.push(
            `'${d.id}' in ${displayPath(hider, ctx.env.HOME)} comes first and still hides ${would ? "it" : "yours"}`,
          );
        }
        // Replaced: one of the place written to, or the built-in one it now stands for; one
        // that still wins from above is not.
        const replaced = hider === "built-in" || inside(hider, dir);
        const verb = would
          ? replaced
            ? "would replace"
            : "would add"
          : replaced
            ? "replaced"
            : "added";
        const where = would ? ` under '${d.category}'` : "";
        return `${verb} ${d.id} (${d.title})${where} in ${shown(target)}\n`;
      });
    if (options.dryRun) {
      // Nothing is locked or written: the answer is what an add would do now.
      const planned = await plan();
      notes.push(...planned.notes);
      return { stdout: said(planned, true).join(""), notes };
    }
    const lines = await withLock(dir, async (lock) => {
      // Checked under the lock, so that a racing add of the same id cannot slip in between.
      const planned = await plan();
      checkRoom(
        dir,
        planned.writes.map((w) => w.path),
        shown(dir),
      );
      writeDiagramFiles(
        planned.writes.map((w) => ({ ...w, force: w.force || options.replace === true })),
        () => lock.keep(),
      );
      notes.push(...planned.notes);
      return said(planned, false);
    });
    return { stdout: lines.join(""), notes };
  },
});
