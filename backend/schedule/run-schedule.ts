import cron, { type Logger } from 'node-cron';
import { DriverlogError, UsageError } from '../common/errors.ts';
import { printableLines } from '../common/escape.ts';
import type { Io } from '../common/io.ts';
import { describeOutcome, runUpdate, type UpdateOptions } from '../update/run-update.ts';

export const DEFAULT_CRON = '0 */4 * * *';

export class CronExpressionError extends UsageError {
  constructor(readonly expression: string) {
    super(
      `--cron ${JSON.stringify(expression)} is not a cron expression: use five fields "minute hour day month weekday" (optionally a leading seconds field), e.g. "${DEFAULT_CRON}"`,
    );
  }
}

export function checkCronExpression(expression: string): void {
  if (!cron.validate(expression)) throw new CronExpressionError(expression);
}

export class TimezoneError extends UsageError {
  constructor(readonly timezone: string) {
    super(`--timezone ${JSON.stringify(timezone)} is not an IANA time zone: use e.g. UTC or Europe/Berlin`);
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

/** Started ticks: when the next comes, and how to stop them. */
export interface Ticks {
  nextRun(): Date | undefined;
  stop(): Promise<void>;
}

/**
 * What says "now is a slot": a cron schedule in production, a hand-driven source in tests. `onTick` returns when
 * what the tick started has ended, so a test can wait for a run rather than for the clock.
 */
export type TickSource = (onTick: () => Promise<void>) => Ticks;

/** Ticks from a cron expression in a time zone (node-cron), its messages in our log. */
export function cronTicks(expression: string, timezone: string, io: Pick<Io, 'stderr'>): TickSource {
  checkCronExpression(expression);
  checkTimezone(timezone);
  return (onTick) => {
    const task = cron.schedule(expression, onTick, {
      timezone,
      name: 'driverlog-update',
      logger: cronLogger(io),
    });
    return {
      nextRun: () => task.getNextRun() ?? undefined,
      stop: async () => {
        await task.stop();
        await task.destroy();
      },
    };
  };
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
  /** Default: cronTicks(cron, timezone). */
  ticks?: TickSource;
}

/**
 * Runs `update` at every tick until `signal` aborts, then resolves 0 once the current run (if any) has ended.
 * Never two runs at once: a tick that comes while a run is going is skipped (and the file lock keeps other
 * processes out).
 */
export async function runSchedule(options: ScheduleOptions): Promise<number> {
  const { io, signal } = options;
  const source = options.ticks ?? cronTicks(options.cron, options.timezone, io);
  const now = options.now ?? Date.now;
  if (signal.aborted) return 0;
  let current: Promise<void> | undefined;
  let runs = 0;
  const onTick = async (): Promise<void> => {
    if (signal.aborted) return;
    if (current !== undefined) {
      io.stdout('previous run still going; skipping this slot\n');
      return;
    }
    runs += 1;
    const run = runs;
    const started = now();
    io.stdout(`run ${run} started at ${new Date(started).toISOString()}\n`);
    current = runOnce(run, options.updateOptions(started), io, signal).finally(() => (current = undefined));
    await current;
  };
  const ticks = source(onTick);
  io.stdout(
    `scheduled: "${options.cron}" (${options.timezone}); next run ${ticks.nextRun()?.toISOString() ?? 'never'}\n`,
  );
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  await ticks.stop();
  await current;
  io.stdout('schedule stopped\n');
  return 0;
}

async function runOnce(
  run: number,
  options: Omit<UpdateOptions, 'io' | 'signal'>,
  io: ScheduleOptions['io'],
  signal: AbortSignal,
): Promise<void> {
  try {
    const outcome = await runUpdate({ ...options, io, signal });
    const { stdout, stderr } = describeOutcome(outcome);
    io.stdout(stdout);
    if (stderr !== '') io.stderr(stderr);
    io.stdout(`run ${run} finished with exit status ${outcome.exitCode}\n`);
  } catch (error) {
    // An expected failure (lock held, invalid file) ends this run only; a bug shows its stack.
    if (!(error instanceof DriverlogError)) {
      io.stderr(`run ${run} failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      return;
    }
    io.stderr(`run ${run} failed: ${printableLines(error.message.trimEnd())}\n`);
  }
}

/** node-cron's own messages, in our log instead of its coloured console lines. */
function cronLogger(io: Pick<Io, 'stderr'>): Logger {
  const say = (message: string | Error, error?: Error) =>
    io.stderr(
      `node-cron: ${message instanceof Error ? message.message : message}${error ? `: ${error.message}` : ''}\n`,
    );
  return { info: () => undefined, debug: () => undefined, warn: say, error: say };
}
