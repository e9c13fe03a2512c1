import { resolve, sep } from "node:path";
import { IoError, UsageError } from "../core/errors.js";
import { type FileWrite, readText } from "../core/io.js";
import { SOURCE_LIMIT } from "../core/limits.js";
import type { Entry } from "../core/types.js";
import { type DocumentEntry, formatDocument, readDocument } from "../document/document.js";
import { holdsNothing, sectionOf, withoutSection, withReplaced } from "./sections.js";

/** What an `add` writes: the files, each diagram's file, and what to tell about them. */
export interface AddPlan {
  writes: FileWrite[];
  /** The file each diagram lands in, in the order of the document. */
  targets: string[];
  notes: string[];
}

/**
 * Where each added diagram is written. A new one, or one that hides a built-in
 * diagram or one in another place, gets its own file, `<id>.md` (`files`). One that
 * replaces a diagram of the data directory is written where that one stands: the
 * whole file when it held nothing else, else only its section of the file, so that
 * the replaced one is gone rather than still winning from its old file.
 */
export function planWrites(
  dir: string,
  diagrams: readonly DocumentEntry[],
  files: readonly string[],
  byId: ReadonlyMap<string, Entry>,
  shown: (path: string) => string,
): AddPlan {
  const writes = new Map<string, FileWrite>();
  const edited = new Map<string, { before: string; text: string; replaced: DocumentEntry[] }>();
  const targets: string[] = [];
  diagrams.forEach((d, i) => {
    const source = byId.get(d.id)?.source;
    if (source === undefined || source === "built-in" || !isInside(dir, source)) {
      const own = files[i] as string;
      targets.push(own);
      writes.set(own, { path: own, text: formatDocument(d), force: false });
      return;
    }
    if (!/\.(md|markdown|txt)$/i.test(source)) {
      throw new UsageError(
        `'${d.id}' is in the JSON catalog ${source}; replace it there, nothing was added`,
      );
    }
    const file = edited.get(source) ?? {
      before: readText(source, SOURCE_LIMIT),
      text: "",
      replaced: [],
    };
    if (!edited.has(source)) file.text = file.before;
    const section = sectionOf(file.text, d.id);
    if (!section) throw new IoError(`${source} changed while it was read; nothing was added`);
    if (holdsNothing(withoutSection(file.text, section))) file.text = formatDocument(d);
    else {
      file.text = withReplaced(file.text, section, d);
      file.replaced.push(d);
    }
    edited.set(source, file);
    targets.push(source);
    writes.set(source, { path: source, text: file.text, force: true });
  });
  const notes: string[] = [];
  for (const [path, file] of edited) notes.push(...checkReplaced(path, file, shown));
  return { writes: [...writes.values()], targets, notes };
}

const isInside = (dir: string, path: string) => resolve(path).startsWith(resolve(dir) + sep);

/**
 * Reads an edited document back: each replaced diagram is there as added, and its
 * other diagrams are all still there. Notes where a replaced one took the category
 * of its place in the document rather than the one it was added with.
 */
function checkReplaced(
  path: string,
  file: { before: string; text: string; replaced: DocumentEntry[] },
  shown: (path: string) => string,
): string[] {
  const before = readDocument(file.before).diagrams.map((d) => d.id);
  const after = new Map(readDocument(file.text).diagrams.map((d) => [d.id, d]));
  const notes: string[] = [];
  const lost = before.filter((id) => !after.has(id));
  for (const d of file.replaced) {
    const now = after.get(d.id);
    if (!now || now.diagram !== d.diagram) lost.push(d.id);
    else if (now.category !== d.category) {
      notes.push(`'${d.id}' is under '${now.category}', where it stands in ${shown(path)}`);
    }
  }
  if (lost.length > 0) {
    throw new IoError(
      `'${lost[0]}' cannot be replaced in ${path} without changing what is around it; replace it there, nothing was added`,
    );
  }
  return notes;
}
