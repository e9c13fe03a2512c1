/**
 * Errors a user can cause. Each carries its exit code and prints as one line;
 * anything else that reaches the top is a bug, prints its stack and exits 70.
 */
export class SysdiagError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** The documented exit codes, in `--help`, the man page and docs/reference.md. */
export const EXIT = {
  ok: 0,
  /** Nothing matched, no result, or lint found defects. */
  notFound: 1,
  usage: 2,
  /** A file, a catalog or standard output could not be read or written. */
  io: 3,
  /** A bug: the stack is printed. */
  internal: 70,
  interrupted: 130,
} as const;

export const EXIT_CODES: ReadonlyArray<[number, string]> = [
  [EXIT.ok, "ok"],
  [EXIT.notFound, "not found, no result, or lint defects"],
  [EXIT.usage, "usage error"],
  [EXIT.io, "a file or catalog could not be read or written"],
  [EXIT.internal, "internal error (a bug: please report it)"],
  [EXIT.interrupted, "interrupted"],
];

/** Exit 1: nothing matched what the user asked for. */
export class NotFoundError extends SysdiagError {
  constructor(message: string) {
    super(message, EXIT.notFound);
  }
}

/** Exit 2: the command line itself is wrong. */
export class UsageError extends SysdiagError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** Exit 3 as well, as any input over a documented limit: a drawing whose graph would pass one. */
export class GraphTooLargeError extends SysdiagError {
  constructor(why: string) {
    super(
      `the drawing is too large to read as a graph: ${why} (see LIMITS in man sysdiag)`,
      EXIT.io,
    );
  }
}

/** Exit 3: a file, a catalog or a stream could not be read or written. */
export class IoError extends SysdiagError {
  constructor(message: string) {
    super(message, EXIT.io);
  }
}

/** Exit 3 as well: a data file is there but unusable (a broken catalog or source document). */
export class DataError extends SysdiagError {
  constructor(message: string) {
    super(message, EXIT.io);
  }
}
