import cron, { type Logger } from 'node-cron';
import type { Io } from '../cli/command.ts';
import { runUpdate, type UpdateOptions } from '../update/run-update.ts';

export const DEFAULT_CRON = '0 */4 * * *';

export class CronExpressionError extends Error {
  readonly code = 'BAD_CRON';
  constructor(readonly expression: string) {
    super(
      `--cron ${JSON.stringify(expression)} is not a cron expression: use five fields "minute hour day month weekday" (optionally a leading seconds field), e.g. "${DEFAULT_CRON}"`,
    );
    this.name = 'CronExpressionError';
  }
}

export function checkCronExpression(expression: string): void {
  if (!cron.validate(expression)) throw new CronExpressionError(expression);
}

export class TimezoneError extends Error {
  readonly code = 'BAD_TIMEZONE';
  constructor(readonly timezone: string) {
    super(`--timezone ${JSON.stringify(timezone)} is not an IANA time zone: use e.g. UTC or Europe/Berlin`);
    this.name = 'TimezoneError';
  }
}

export function checkTimezone(timezone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch (error) {
    if (error instanceof RangeError) throw new TimezoneError(timezone);
    throw error;
  }
}

export interface ScheduleOptions {
  cron: string;
  timezone: string;
  /** The update options for a run starting at `now` (the default window moves with each run). */
  updateOptions: (now: number) => Omit<UpdateOptions, 'io' | 'signal'>;
  io: Pick<Io, 'stdout' | 'stderr' | 'isTTY'>;
  /** Stops scheduling; a run in progress is abandoned cleanly (the data file keeps its old content). */
  signal: AbortSignal;
  now?: () => number;
}

/**
 * Runs `update` on the cron schedule until `signal` aborts, then resolves 0 once the current run
 * (if any) has ended. Never two runs at once: node-cron's noOverlap here, the file lock across
 * processes.
 */
export async function runSchedule(options: ScheduleOptions): Promise<number> {
  checkCronExpression(options.cron);
  checkTimezone(options.timezone);
  const { io, signal } = options;
  const now = options.now ?? Date.now;
  if (signal.aborted) return 0;
  let current: Promise<unknown> | undefined;
  let runs = 0;
  const task = cron.schedule(
    options.cron,
    async () => {
      if (signal.aborted) return;
      runs += 1;
      const run = runs;
      const started = now();
      io.stdout(`run ${run} started at ${new Date(started).toISOString()}\n`);
      current = runUpdate({ ...options.updateOptions(started), io, signal }).then(
        ({ exitCode }) => io.stdout(`run ${run} finished with exit status ${exitCode}\n`),
        (error: unknown) =>
          io.stderr(`run ${run} failed: ${error instanceof Error ? error.stack : String(error)}\n`),
      );
      await current;
    },
    { timezone: options.timezone, noOverlap: true, name: 'driverlog-update', logger: cronLogger(io) },
  );
  task.on('execution:overlap', () => io.stdout('previous run still going; skipping this slot\n'));
  io.stdout(
    `scheduled: "${options.cron}" (${options.timezone}); next run ${task.getNextRun()?.toISOString() ?? 'never'}\n`,
  );
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  await task.stop();
  await task.destroy();
  await current;
  io.stdout('schedule stopped\n');
  return 0;
}

/**
 * node-cron's own messages, in our log instead of its coloured console lines. Overlaps are logged by our
 * `execution:overlap` handler in words an operator reads, so node-cron's line for them would say it twice.
 */
function cronLogger(io: Pick<Io, 'stderr'>): Logger {
  const say = (message: string | Error, error?: Error) =>
    io.stderr(
      `node-cron: ${message instanceof Error ? message.message : message}${error ? `: ${error.message}` : ''}\n`,
    );
  return {
    info: () => undefined,
    debug: () => undefined,
    warn: (message) => {
      if (!message.startsWith('task still running')) say(message);
    },
    error: say,
  };
}
