import { readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

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
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort(signal));
  return {
    stdout: stdoutWriter(),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    // Asked only by commands that draw progress: node:tty loads Node's sockets, 2 ms of every start.
    get isTTY() {
      return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(1);
    },
    signal: controller.signal,
    readStdin: () => readFileSync(0, 'utf8'),
  };
}

// Standard output is written to its descriptor, in order, before the call returns. process.stdout would do the
// same on a pipe, but creating it loads Node's streams and sockets: a millisecond and a half of every start,
// more than `validate` takes to print. A descriptor its parent left non-blocking can refuse a write (EAGAIN);
// the rest then goes through process.stdout, which waits for the reader.
function stdoutWriter(): (text: string) => void {
  let stream: NodeJS.WriteStream | undefined;
  const closed = (): never => {
    // `driverlog validate --format json | head` closes the pipe early: the reader has what it wanted.
    process.exit(process.exitCode ?? 0);
  };
  return (text) => {
    if (stream) {
      stream.write(text);
      return;
    }
    let bytes = Buffer.from(text);
    while (bytes.length > 0) {
      try {
        bytes = bytes.subarray(writeSync(1, bytes));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') closed();
        if (code !== 'EAGAIN') throw error;
        stream = process.stdout;
        stream.on('error', (failure: NodeJS.ErrnoException) => {
          if (failure.code !== 'EPIPE') throw failure;
          closed();
        });
        stream.write(bytes);
        return;
      }
    }
  };
}
