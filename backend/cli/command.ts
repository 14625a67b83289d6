import { parseArgs, type ParseArgsConfig } from 'node:util';

/** What a command may touch of the process: injected so commands run in-process in tests. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Whether stdout is an interactive terminal (progress bars) or a log (plain lines). */
  isTTY: boolean;
  /** Aborted on SIGINT/SIGTERM so long commands can stop cleanly. */
  signal?: AbortSignal;
}

export interface Command {
  name: string;
  summary: string;
  /** Full `--help` text: usage line, every option, an example. */
  help: string;
  /** Returns the exit code: 0 success, 1 the input has problems, 2 usage or I/O error. */
  run(args: string[], io: Io): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {
  readonly code = 'USAGE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/** node:util parseArgs, with its errors turned into UsageError (exit 2) instead of a stack trace. */
export function parseCommandArgs<T extends ParseArgsConfig['options']>(
  args: string[],
  options: T,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}
