/**
 * Errors the user can cause. They carry the exit code and print as one line;
 * anything else that reaches the top is a bug and prints its stack.
 */
export class SysdiagError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Exit 1: nothing matched what the user asked for. */
export class NotFoundError extends SysdiagError {
  constructor(message: string) {
    super(message, 1);
  }
}

/** Exit 2: the command line itself is wrong. */
export class UsageError extends SysdiagError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** Exit 1 as well: a data file is unusable (a broken catalog or source document). */
export class DataError extends SysdiagError {
  constructor(message: string) {
    super(message, 1);
  }
}
