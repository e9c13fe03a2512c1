import { IoError, NotFoundError, UsageError } from "../core/errors.js";
import { SOURCE_LIMIT } from "../core/limits.js";
import { arg, defineCommand } from "./spec.js";

export default defineCommand({
  name: "remove",
  summary: "remove one of your own diagrams",
  args: [arg("id", "the id of a diagram in your data directory", { complete: "diagrams" })],
  options: {},
  examples: ["sysdiag remove write-behind"],
  details:
    "Only diagrams in your data directory are removed: its section of the file (its heading to the\n" +
    "next heading), and the file only when nothing else is left in it.\n" +
    "Built-in diagrams cannot be removed; one you replaced shows again once yours is gone.",
  exitCodes: [
    [1, "no diagram has this id"],
    [3, "the data directory cannot be written"],
  ],
  async run(ctx, { args }) {
    const { readText } = await import("../core/io.js");
    const [id = ""] = args;
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
    const message = await withLock(dir, (lock) => {
      const catalog = ctx.reload();
      const entry = catalog.diagrams.find((e) => e.id === id);
      if (!entry) {
        // A file of yours that no longer parses names no diagram, but is still yours to remove;
        // one that holds no drawing that went wrong (notes, prose) is not sysdiag's to remove.
        const own = ownFile(id);
        if (own && existsSync(own)) {
          const text = readText(own, SOURCE_LIMIT);
          const { diagrams, problems } = readDocument(text);
          if (diagrams.length === 0 && problems.length > 0) {
            // Only a file of drawings and their facts goes whole: prose around a drawing
            // that went wrong is a person's, as in any other remove.
            if (!holdsOnlyDrawings(text)) {
              throw new UsageError(
                `${displayPath(own, ctx.env.HOME)} does not parse as a diagram, and holds more (prose, other sections): nothing was removed; fix it with 'sysdiag edit ${id}'`,
              );
            }
            lock.keep();
            removeFile(own);
            return `removed ${displayPath(own, ctx.env.HOME)} (it did not parse as a diagram)\n`;
          }
        }
        throw new NotFoundError(`no diagram has the id '${id}'; 'sysdiag list' shows them all`);
      }
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
