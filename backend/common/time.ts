/**
 * How far ahead of "now" a date may be and still be believed: clocks differ a little between Gerrit, CI and the
 * machine that validates. `update` keeps nothing dated later than the earlier of Gerrit's clock and its own plus
 * this, and `validate` refuses anything later than its own clock plus this, so the job never writes a file its
 * own check (or a later validate) would refuse.
 */
export const CLOCK_SKEW_MS = 10 * 60_000;

/** One day in milliseconds: windows and ages are counted in whole UTC days. */
export const DAY_MS = 86_400_000;

/** ms → `2024-05-09T16:41:07Z` (ISO 8601 UTC, whole seconds), the form the registry stores. */
export function toIsoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** The start of the UTC day holding `ms`. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

// Gerrit writes UTC without a zone marker; `new Date(text)` would read it as local time.
const GERRIT_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;

/** `2024-05-09 16:41:07.000000000` (Gerrit's form, UTC) → ms since the epoch; undefined when malformed. */
export function gerritTimestampMs(text: string): number | undefined {
  const match = GERRIT_TIMESTAMP.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, frac = ''] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC silently rolls 02-31 into March; the round trip catches impossible days.
  if (new Date(ms).getUTCDate() !== day) return undefined;
  return ms + Number(frac.padEnd(3, '0').slice(0, 3));
}

const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** A registry timestamp (`2024-05-09T16:41:07Z`) or a Gerrit one → ms since the epoch; undefined when neither. */
export function timestampMs(text: string): number | undefined {
  if (!ISO_SECONDS.test(text)) return gerritTimestampMs(text);
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
