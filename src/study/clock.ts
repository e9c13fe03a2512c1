import { UsageError } from "../core/errors.js";

/** A date, a date and time, with seconds and a fraction, with Z or an offset: ISO 8601 as people write it. */
const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * The study clock: `SYSDIAG_NOW` (ISO 8601) when set, so that a session can be
 * replayed and tested, else the system's. A value that is no such time is a usage error.
 */
export function clockOf(env: Record<string, string | undefined>): () => Date {
  const fixed = env.SYSDIAG_NOW;
  if (fixed === undefined || fixed === "") return () => new Date();
  const at = ISO_8601.test(fixed.trim()) ? Date.parse(fixed.trim()) : Number.NaN;
  if (Number.isNaN(at)) {
    throw new UsageError(
      `SYSDIAG_NOW is '${fixed}', not an ISO 8601 time such as 2026-03-01T09:00:00Z`,
    );
  }
  return () => new Date(at);
}
