import { readFileSync } from 'node:fs';

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
  /** Standard input, read whole (`check-ci --message -`). */
  readStdin?: () => string;
}

/** The real process's Io: the CLI's and `npm start`'s edge. */
export function processIo(): Io {
  // `driverlog validate --format json | head` closes the pipe early: the reader has what it wanted.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort(signal));
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    signal: controller.signal,
    readStdin: () => readFileSync(0, 'utf8'),
  };
}
