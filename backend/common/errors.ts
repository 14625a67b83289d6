/**
 * How a failure ends a command: `usage` (exit 2: the command line is wrong), `problems` (exit 1: the input
 * has problems the user fixes in the data), `io` (exit 2: files, git, locks, network).
 */
export type ExitCategory = 'usage' | 'problems' | 'io';

/**
 * The one base of every failure DriverLog expects and explains. `cli/main.ts` prints its message (no stack) and
 * maps `exit` to the exit code; anything else that escapes is a bug and keeps its stack trace.
 */
export class DriverlogError extends Error {
  readonly code: string;
  readonly exit: ExitCategory;

  constructor(message: string, code: string, exit: ExitCategory, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.exit = exit;
  }
}

/** The command line is wrong: an unknown option, a bad value, a missing argument. */
export class UsageError extends DriverlogError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'USAGE', 'usage', options);
  }
}

/** Exit codes, shared by every command: 0 ok, 1 the input has problems, 2 usage, I/O, lock or git errors. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

const EXIT_CODES: Record<ExitCategory, number> = {
  usage: EXIT_USAGE,
  problems: EXIT_PROBLEMS,
  io: EXIT_USAGE,
};

export function exitCodeOf(error: DriverlogError): number {
  return EXIT_CODES[error.exit];
}

const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ELOOP: 'too many symbolic links (a symlink loop?)',
};

/** A failure of the file system, in words, with the path it concerns. */
export class FileError extends DriverlogError {
  constructor(
    readonly path: string,
    action: string,
    cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? '';
    const reason = SYSTEM_REASONS[code] ?? (cause instanceof Error ? cause.message : String(cause));
    super(`cannot ${action} ${path}: ${reason}`, code === '' ? 'FILE' : code, 'io', { cause });
  }
}

/** Runs `step`, turning the file system's errors (ENOENT, EACCES...) into a FileError naming `path`. */
export function onFile<T>(path: string, action: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof DriverlogError || typeof (error as NodeJS.ErrnoException).code !== 'string')
      throw error;
    throw new FileError(path, action, error);
  }
}
