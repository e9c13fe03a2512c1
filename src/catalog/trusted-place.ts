/**
 * Whose a place is, as sysdiag decides whether to read what is in it (a project's
 * `.sysdiag/`, the cache of compiled catalogs): it must be yours (or root's), and only
 * its owner may write to it. Anyone who can put a file there could otherwise make you
 * read theirs (a `/tmp/.sysdiag`, a shared checkout, a cache directory another user
 * made), as git refuses a repository another user owns.
 */

/** Why a file or directory of this owner and mode is not trusted; undefined when it is. */
export function whyNotTrusted(
  { uid, mode }: { uid: number; mode: number },
  me: number | undefined = process.getuid?.(),
): string | undefined {
  if (me !== undefined && uid !== me && uid !== 0) {
    return `it belongs to another user (uid ${uid})`;
  }
  if ((mode & 0o002) !== 0) return "anyone may write to it";
  if ((mode & 0o020) !== 0) return "its group may write to it";
  return undefined;
}
