import { IoError, NotFoundError, UsageError } from "../core/errors.js";
import { SOURCE_LIMIT } from "../core/limits.js";
import { arg, defineCommand } from "./spec.js";

export default defineCommand({
  name: "remove",
  summary: "remove one of your own diagrams",
  args: [
    arg("name", "a diagram of your data directory: its id, an alias or its title", {
      complete: "diagrams",
    }),
  ],
  options: {},
  examples: ["sysdiag remove write-behind", "sysdiag remove 'Write-Behind Cache'"],
  details:
    "Only diagrams in your data directory are removed: its section of the file (its heading to the\n" +
    "next heading), and the file only when nothing else is left in it.\n" +
    "Built-in diagrams cannot be removed; one you replaced shows again once yours is gone.\n" +
    "The name is taken exactly (an id, an alias or a title, in any case and spacing); a name\n" +
    "that is not one is never guessed at: the closest are suggested and nothing is removed.",
  exitCodes: [
    [1, "no diagram has this name"],
    [3, "the data directory cannot be written"],
  ],
  async run(ctx, { args }) {
    const { readText } = await import("../core/io.js");
    const { checkQuery } = await import("../core/limits.js");
    checkQuery(args);
    const [name = ""] = args;
    const { resolveName } = await import("../search/resolve.js");
    const { userDataDir } = await import("../catalog/sources.js");
    const { fileFor, withLock, removeFile, writeDiagramFile } = await import("../catalog/user.js");
    const { holdsNothing, holdsOnlyDrawings, sectionOf, withoutSection } = await import(
      "../catalog/sections.js"
    );
    const { resolve, sep } = await import("node:path");
    const { readDocument } = await import("../document/document.js");
    const { displayPath } = await import("../render/path.js");
    const { existsSync } = await import("node:fs");
    const ownFile = (name: string) => {
      try {
        return fileFor(dir, name);
      } catch {
        return undefined;
      }
    };
    const dir = userDataDir(ctx.env);
    const message = await withLock(dir, async (lock) => {
      const catalog = ctx.reload();
      let entry: Awaited<ReturnType<typeof resolveName>>;
      let guessed = false;
      try {
        entry = await resolveName(catalog, name, undefined, () => {
          guessed = true;
        });
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        // A file of yours that no longer parses names no diagram, but is still yours to remove;
        // one that holds no drawing that went wrong (notes, prose) is not sysdiag's to remove.
        const own = ownFile(name);
        if (own && existsSync(own)) {
          const text = readText(own, SOURCE_LIMIT);
          const { diagrams, problems } = readDocument(text);
          if (diagrams.length === 0 && problems.length > 0) {
            // Only a file of drawings and their facts goes whole: prose around a drawing
            // that went wrong is a person's, as in any other remove.
            if (!holdsOnlyDrawings(text)) {
              throw new UsageError(
                `${displayPath(own, ctx.env.HOME)} does not parse as a diagram, and holds more (prose, other sections): nothing was removed; fix it with 'sysdiag edit ${name}'`,
              );
            }
            lock.keep();
            removeFile(own);
            return `removed ${displayPath(own, ctx.env.HOME)} (it did not parse as a diagram)\n`;
          }
        }
        throw error;
      }
      // Removing is not undone: a name that only comes close is suggested, never acted on.
      if (guessed) {
        throw new NotFoundError(
          `no diagram is named '${name}'; did you mean ${entry.id} (${entry.title})?`,
        );
      }
      const id = entry.id;
      if (entry.source === "built-in" || entry.source === undefined) {
        throw new UsageError(
          `'${id}' is built in and cannot be removed; 'sysdiag edit ${id}' makes a copy of your own`,
        );
      }
      const file = entry.source;
      if (!resolve(file).startsWith(resolve(dir) + sep)) {
        throw new UsageError(
          `'${id}' comes from ${file}, which sysdiag does not change; remove it there`,
        );
      }
      if (file.endsWith(".json")) {
        throw new UsageError(`'${id}' is in the JSON catalog ${file}; remove it there`);
      }
      const text = readText(file, SOURCE_LIMIT);
      const section = sectionOf(text, id);
      if (!section) throw new IoError(`${file} changed while it was read; nothing was removed`);
      // Only the diagram's section goes: prose, other drawings and appendices stay.
      const rest = withoutSection(text, section);
      lock.keep();
      if (holdsNothing(rest)) removeFile(file);
      else writeDiagramFile(file, rest, true);
      const back = entry.overrides === "built-in" ? `; the built-in '${id}' shows again` : "";
      return `removed ${id} (${entry.title}) from ${displayPath(file, ctx.env.HOME)}${back}\n`;
    });
    return { stdout: message };
  },
});
