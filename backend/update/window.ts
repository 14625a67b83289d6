export const DEFAULT_WINDOW_DAYS = 180;
const DAY = 86_400_000;

export class SinceError extends Error {
  readonly code = 'BAD_SINCE';
  constructor(readonly value: string) {
    super(
      `--since ${JSON.stringify(value)} is not a date: use YYYY-MM-DD, an ISO 8601 UTC time like 2024-05-09T16:41:07Z, or a number of days like 90d`,
    );
    this.name = 'SinceError';
  }
}

/**
 * The window start, whole seconds (the state file keeps whole seconds). The default is the start of
 * the UTC day 180 days ago, so runs on the same day share one window.
 */
export function resolveSince(text: string | undefined, now: number): number {
  if (text === undefined) return Math.floor(now / DAY) * DAY - DEFAULT_WINDOW_DAYS * DAY;
  const days = /^(\d+)d$/.exec(text);
  if (days) return Math.floor(now / DAY) * DAY - Number(days[1]) * DAY;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? Date.parse(`${text}T00:00:00Z`)
    : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/.test(text)
      ? Date.parse(text)
      : NaN;
  if (Number.isNaN(date) || new Date(date).toISOString().slice(0, 10) !== text.slice(0, 10)) {
    throw new SinceError(text);
  }
  return Math.floor(date / 1000) * 1000;
}
