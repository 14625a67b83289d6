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
