import { DriverlogError } from '../common/errors.ts';
import type { MatrixSource } from './matrix.ts';

/** A support matrix sync cannot read: where (REF:PATH:LINE), what is wrong and how to fix it. */
export class MatrixError extends DriverlogError {
  readonly where: string;
  constructor(
    readonly source: MatrixSource,
    readonly line: number,
    readonly problem: string,
    readonly hint: string,
  ) {
    const where = `${source.ref}:${source.path}:${line}`;
    super(`${where}: ${problem}\n    hint: ${hint}`, 'MATRIX', 'problems');
    this.where = where;
  }
}

/** A repository sync cannot open, clone, fetch or read. */
export class RepoError extends DriverlogError {
  constructor(message: string, cause?: unknown) {
    super(
      cause instanceof Error ? `${message}: ${cause.message.trim()}` : message,
      'REPO',
      'io',
      cause === undefined ? undefined : { cause },
    );
  }
}

/** The registry's upstream settings ask for something that cannot be done. */
export class SyncInputError extends DriverlogError {
  constructor(
    message: string,
    readonly hint: string,
    exit: 'usage' | 'problems' = 'problems',
  ) {
    super(`${message}\n    hint: ${hint}`, 'SYNC_INPUT', exit);
  }
}

/** SIGINT or SIGTERM stopped the run: git was stopped, and nothing was written. */
export class SyncAbortedError extends DriverlogError {
  constructor() {
    super('aborted', 'ABORTED', 'io');
  }
}
