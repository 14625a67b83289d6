import { releasesByDate } from '../model/releases.ts';
import type { Release } from '../model/types.ts';

/**
 * The release in development at `asOf`: the listed release with the earliest date after it (release dates are
 * 00:00 UTC, as in update's mapping of `master`).
 */
export function developmentRelease(releases: readonly Release[], asOf: number): string | undefined {
  return releasesByDate(releases).find((release) => release.date > asOf)?.id;
}

/** The releases a lead acts on, in registry order: every active one and the one in development. */
export function auditedReleases(releases: readonly Release[], asOf: number): string[] {
  const development = developmentRelease(releases, asOf);
  return releases
    .filter((release) => release.active === true || release.id === development)
    .map((release) => release.id);
}
