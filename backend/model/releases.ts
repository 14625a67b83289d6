import type { Release } from './types.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATE = /^(\d{4})-(?:([A-Z][a-z]{2})|(\d{2}))-(\d{2})$/;

/**
 * A release's `start` (DriverLog's YYYY-Mon-DD or ISO YYYY-MM-DD) as that day at 00:00 UTC in
 * milliseconds, or undefined when it is not a real calendar date.
 */
export function parseReleaseDate(text: string): number | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [, year, monthName, monthNumber, day] = match;
  const month = monthName !== undefined ? MONTHS.indexOf(monthName) + 1 : Number(monthNumber);
  if (month < 1 || month > 12) return undefined;
  const ms = Date.UTC(Number(year), month - 1, Number(day));
  // Date.UTC rolls 2024-02-31 over into March: a round trip exposes impossible days.
  return new Date(ms).getUTCDate() === Number(day) ? ms : undefined;
}

/** The Gerrit branch of a release: its own `branch`, else DriverLog's `stable/<id lower case>`. */
export function releaseBranch(release: Pick<Release, 'id' | 'branch'>): string {
  return release.branch ?? `stable/${release.id.toLowerCase()}`;
}

/** Releases with parseable dates, oldest first (ties keep file order). */
export function releasesByDate(releases: readonly Release[]): Array<Release & { date: number }> {
  return releases
    .flatMap((release) => {
      const date = parseReleaseDate(release.start);
      return date === undefined ? [] : [{ ...release, date }];
    })
    .sort((a, b) => a.date - b.date);
}
