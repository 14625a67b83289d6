import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../common/errors.ts';
import type { Io } from '../common/io.ts';

// Commands import their whole toolkit from here; the definitions live in common/ so the core can use them too.
export { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError } from '../common/errors.ts';
export type { Io } from '../common/io.ts';

export interface Command {
  name: string;
  summary: string;
  /** Full `--help` text: usage line, every option, an example. */
  help: string;
  /**
   * Returns the exit code: 0 success, 1 the input has problems, 2 usage or I/O error. Expected failures are thrown
   * as DriverlogError; `cli/main.ts` prints them and maps them to their exit code.
   */
  run(args: string[], io: Io): Promise<number>;
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
