import { IoError } from "../core/errors.js";
import { checkQuery, SOURCE_LIMIT } from "../core/limits.js";
import { arg, defineCommand } from "./spec.js";

export default defineCommand({
  name: "edit",
  summary: "open a diagram in your editor (a built-in one is copied to your catalog first)",
  args: [arg("name", "a diagram id, alias or title", { complete: "diagrams" })],
  options: {},
  examples: ["sysdiag edit write-behind", "EDITOR=nano sysdiag edit cache-aside"],
  details:
    "Opens the Markdown file that holds the diagram in $VISUAL, else $EDITOR, else vi. A built-in\n" +
    "diagram (or one from a JSON catalog) is first copied into your data directory, where your\n" +
    "copy then hides the original. Afterwards the file is read back: a drawing that no longer\n" +
    "parses is reported, and lint's findings are shown. An edit that leaves the diagram out of the\n" +
    "file is reported (exit 1); the file is kept as the editor left it. When the editor fails, a\n" +
    "copy it did not change is removed, and one it saved is kept. An edit that leaves the disk\n" +
    "full is reported (exit 3): the editor's save may have been cut short.",
  exitCodes: [
    [1, "no such diagram, or the edited file has problems or lint defects"],
    [3, "the editor failed, the disk is full after the edit, or a file cannot be read or written"],
  ],
  async run(ctx, { args }) {
    const { diskFull, readText } = await import("../core/io.js");
    checkQuery(args);
    const [name = ""] = args;
    const { resolveName } = await import("../search/resolve.js");
    const { userDataDir } = await import("../catalog/sources.js");
    const { fileFor, removeFile, withLock, writeDiagramFile } = await import("../catalog/user.js");
    const { formatDocument, readDocument } = await import("../document/document.js");
    const { existsSync } = await import("node:fs");
    const { normalizeName } = await import("../core/names.js");
    const dir = userDataDir(ctx.env);
    const read = (path: string) => readText(path, SOURCE_LIMIT);
    const unchanged = (path: string, was: string) => {
      try {
        return read(path) === was;
      } catch {
        return false;
      }
    };
    const notes: string[] = [];
    let file: string;
    let line = 1;
    let copied: string | undefined;
    /** The diagram edited, when it was found by name (not a file that did not parse). */
    let id: string | undefined;
    try {
      const entry = await resolveName(ctx.catalog(), name, ctx.index, (asked, guess) =>
        notes.push(
          `no diagram is named '${asked}'; editing the closest: ${guess.id} (${guess.title})`,
        ),
      );
      id = entry.id;
      file = entry.source ?? "built-in";
      line = entry.line;
      if (file === "built-in" || file.endsWith(".json")) {
        const target = fileFor(dir, entry.id);
        copied = formatDocument(entry);
        await withLock(dir, () => writeDiagramFile(target, copied as string, false));
        file = target;
        line = readDocument(copied).diagrams[0]?.line ?? 1;
        notes.push(`copied '${entry.id}' to ${file}; your copy hides the original`);
      }
    } catch (error) {
      // A file of yours that no longer parses names no diagram, but is still yours to fix.
      const own = normalizeName(name);
      // A name that cannot be an id (`con`, over 64 characters) names no file of yours either:
      // the answer is that no diagram has that name (exit 1), not a usage error.
      let ownFile: string;
      try {
        ownFile = fileFor(dir, own);
      } catch {
        throw error;
      }
      if (!existsSync(ownFile)) throw error;
      file = ownFile;
      notes.push(`${file} does not parse as a diagram; opening it to fix`);
    }
    try {
      await ctx.openEditor(file, line);
    } catch (error) {
      if (copied === undefined || !(error instanceof IoError)) throw error;
      const why = error.message.replace(/; \S.* is as it left it$/, "");
      // An editor may save and then exit non-zero (vim's :cq, a crashed plugin): what it
      // saved is the user's work, kept where it is. Only an untouched copy is taken back.
      if (!existsSync(file)) {
        throw new IoError(`${why}; the copy is gone: the built-in diagram shows again`);
      }
      if (unchanged(file, copied)) {
        removeFile(file);
        throw new IoError(`${why}; the copy was removed: the built-in diagram shows again`);
      }
      throw new IoError(`${why}; what it saved is kept in ${file}`);
    }
    const text = read(file);
    if (copied !== undefined && text === copied) {
      // Nothing was changed: a copy that only hides the original is not left behind.
      removeFile(file);
      notes.push("nothing changed; the copy was removed");
      return { stdout: "", notes };
    }
    // An editor may say its save failed and still exit 0 (vi's E514, then :q!): the file
    // it left on a full disk may end anywhere, and is not reported as a good edit.
    if (diskFull(file)) {
      throw new IoError(
        `the disk holding ${file} is full: the editor's save may be cut short; look at the file before you use it`,
      );
    }
    const { diagrams, problems } = readDocument(text);
    const { lintDiagram } = await import("../diagram/lint.js");
    const findings: string[] = [];
    for (const d of diagrams) {
      for (const f of lintDiagram(d.diagram)) {
        findings.push(
          `${file}:${(d.bodyLine ?? d.line) + f.line - 1}:${f.column}: ${f.message} [${f.rule}]`,
        );
      }
    }
    const report = [...problems.map((p) => `${file}:${p.line}: ${p.message}`), ...findings];
    // A diagram edited away is said, not passed over as "no problems": the file is left as
    // the editor left it (it is the user's work), and `sysdiag remove` is how one goes.
    if (id !== undefined && !diagrams.some((d) => d.id === id)) {
      const now =
        diagrams.length > 0
          ? `it holds ${diagrams.map((d) => `'${d.id}'`).join(", ")}`
          : "it holds no diagram";
      report.push(`${file}: '${id}' is no longer in it (${now}); the file is kept as you left it`);
    }
    const { sanitizeLine } = await import("../core/sanitize.js");
    const stdout = `${[...report.map(sanitizeLine), `edited ${file}: ${diagrams.length} ${diagrams.length === 1 ? "diagram" : "diagrams"}, ${report.length === 0 ? "no problems" : `${report.length} to look at`}`].join("\n")}\n`;
    return { stdout, notes, exitCode: report.length > 0 ? 1 : 0 };
  },
});
