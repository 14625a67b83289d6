import { UsageError } from './errors.ts';
import { DAY_MS, startOfUtcDay } from './time.ts';

/** The scan window `update` and `check-ci` share when --since is not given. */
export const DEFAULT_WINDOW_DAYS = 180;

export class SinceError extends UsageError {
  constructor(
    readonly value: string,
    reason = 'is not a date',
  ) {
    super(
      `--since ${JSON.stringify(value)} ${reason}: use YYYY-MM-DD, an ISO 8601 UTC time like 2024-05-09T16:41:07Z, or a number of days like 90d`,
    );
  }
}

// Gerrit was first released in 2008; a window reaching before 1970 is a typo, and would only fail later.
const EARLIEST = 0;

/**
 * The window start, whole seconds (the state file keeps whole seconds). The default is the start of
 * the UTC day 180 days ago, so runs on the same day share one window.
 */
export function resolveSince(text: string | undefined, now: number): number {
  if (text === undefined) return startOfUtcDay(now) - DEFAULT_WINDOW_DAYS * DAY_MS;
  const days = /^(\d{1,9})d$/.exec(text);
  if (days) {
    const start = startOfUtcDay(now) - Number(days[1]) * DAY_MS;
    if (start < EARLIEST) throw new SinceError(text, 'reaches back before 1970');
    return start;
  }
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? Date.parse(`${text}T00:00:00Z`)
    : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/.test(text)
      ? Date.parse(text)
      : NaN;
  if (Number.isNaN(date) || new Date(date).toISOString().slice(0, 10) !== text.slice(0, 10)) {
    throw new SinceError(text);
  }
  if (date < EARLIEST) throw new SinceError(text, 'is before 1970');
  if (date > now) throw new SinceError(text, 'is in the future, so the window would be empty');
  return Math.floor(date / 1000) * 1000;
}
