import { Damaged, StaleStore } from "./store-file.js";
import type { Header, Meta, Row, Span } from "./store-format.js";
import { wrongField } from "./validate.js";

/**
 * The shape of what a store holds, checked where it is read: a checksum says a part
 * is as it was written, not that what wrote it wrote a store (a store made by hand,
 * or by another program, can hold anything with checksums to match). The header and
 * metadata are checked at open (a wrong one is a stale store: rebuilt), a row when it
 * is read (a wrong one is damage: the sources are asked), as sources are checked.
 */

/** A 32-bit count, as a store's binary parts hold them. */
const isCount = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 0xffffffff;
/** An offset or length in the file. */
const isOffset = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0;
const isString = (value: unknown): value is string => typeof value === "string";
const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every(isString);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A part's place: offset and length (and a checksum when `hashed`). */
function isPart(value: unknown, hashed: boolean): boolean {
  if (!Array.isArray(value) || value.length !== (hashed ? 3 : 2)) return false;
  const [at, size, hash] = value;
  return isOffset(at) && isOffset(size) && (!hashed || isString(hash));
}

const HASHED = ["meta", "listing", "rows", "names", "words"] as const;
const UNHASHED = ["offsets", "lexicon", "postings", "bodies"] as const;

/**
 * The header, if every field is what the reader assumes. Where its parts lie is checked
 * when each is read (readAt): a store cut short is read up to the cut.
 */
export function checkHeader(value: unknown): Header {
  const bad = (why: string): never => {
    throw new StaleStore(`header: ${why}`);
  };
  if (!isObject(value)) return bad("not an object");
  if (!isString(value.key)) bad("no key");
  if (typeof value.builtAt !== "number" || !Number.isFinite(value.builtAt)) bad("no build time");
  if (!isObject(value.hashes) || !Object.values(value.hashes).every(isString)) bad("no hashes");
  for (const part of HASHED) if (!isPart(value[part], true)) bad(`${part} out of place`);
  for (const part of UNHASHED) if (!isPart(value[part], false)) bad(`${part} out of place`);
  return value as unknown as Header;
}

const ORIGINS = new Set(["--catalog", "SYSDIAG_PATH", "project", "user", "built-in"]);

function isReport(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.path) &&
    ORIGINS.has(value.origin as string) &&
    typeof value.present === "boolean" &&
    isCount(value.diagrams) &&
    isStrings(value.problems)
  );
}

function isCatalogFields(value: unknown): boolean {
  return (
    isObject(value) &&
    value.version === 1 &&
    isString(value.source) &&
    Array.isArray(value.categories) &&
    value.categories.every((c) => isObject(c) && isString(c.id) && isString(c.name)) &&
    isObject(value.tips) &&
    isString(value.tips.title) &&
    isString(value.tips.markdown)
  );
}

/** The metadata, if it is what the reader assumes (a stale store when not). */
export function checkMeta(value: unknown): Meta {
  const ok =
    isObject(value) &&
    isCatalogFields(value.catalog) &&
    isCount(value.size) &&
    Array.isArray(value.reports) &&
    value.reports.every(isReport) &&
    Array.isArray(value.categories) &&
    value.categories.every((c) => isStrings(c) && c.length === 2) &&
    isStrings(value.sources);
  if (!ok) throw new StaleStore("metadata of the wrong shape");
  return value as unknown as Meta;
}

/** A drawing's place, within the `room` bytes of the bodies. */
function isSpan(value: unknown, room: number): value is Span {
  if (!Array.isArray(value) || value.length !== 3) return false;
  const [at, size, hash] = value;
  return isOffset(at) && isOffset(size) && at + size <= room && isCount(hash);
}

/** Drawings are checked when they are read, not with the row. */
const LAZY = new Set(["diagram", "original"]);

/**
 * A row, if each field is what a source's entry must be (validate.ts's checks), its
 * category and sources are in the metadata's tables and its drawings within the
 * `bodies` bytes; Damaged when not.
 */
export function checkRow(value: unknown, meta: Meta, bodies: number): Row {
  if (!Array.isArray(value) || value.length !== 15) throw new Damaged("a row of the wrong shape");
  const [id, title, c, aliases, tags, summary, related, line, s, overrides, body, original] = value;
  const [notes, references, file] = value.slice(12);
  const category = isCount(c) ? meta.categories[c] : undefined;
  const inSources = (n: unknown) => isCount(n) && n < meta.sources.length;
  const wrong =
    category === undefined
      ? "no such category"
      : wrongField(
          {
            id,
            title,
            category: category[0],
            categoryId: category[1],
            aliases,
            tags,
            summary,
            related,
            line,
            notes,
            references,
          },
          LAZY,
        );
  if (wrong !== undefined) throw new Damaged(`a row: ${wrong}`);
  if (
    !inSources(s) ||
    !(overrides === null || inSources(overrides)) ||
    !isSpan(body, bodies) ||
    !(original === null || isSpan(original, bodies)) ||
    !(file === null || isString(file))
  ) {
    throw new Damaged("a row out of place");
  }
  return value as Row;
}
