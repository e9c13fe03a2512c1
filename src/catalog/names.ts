/**
 * The form in which names are compared: case, spaces, underscores, slashes and
 * brackets do not matter, so "Two-Phase Commit (2PC)", "two phase commit 2pc"
 * and "TWO_PHASE_COMMIT_2PC" are one name.
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
