// Badges' words: computed once, at build time, from the headline rule or one release's status.
import { badgeFor, type Badge } from '../lib/badge.ts';
import type { DriverView } from '../lib/driver-view.ts';
import { headlineStatus } from '../lib/headline.ts';
import { releaseStatus } from '../lib/status.ts';
import { site } from './load.ts';

/** The driver's badge: its headline status, naming the newest maintained release. */
export function headlineBadge(driver: DriverView): Badge {
  const { model, settings } = site();
  return badgeFor(headlineStatus(driver.status, model.roles, settings.now, settings.staleDays));
}

/** One release's badge. */
export function releaseBadge(driver: DriverView, release: string): Badge {
  const { settings } = site();
  return badgeFor(releaseStatus(driver.status, [release], settings.now, settings.staleDays));
}

/** The releases a driver has a badge of its own for: those it claims or has evidence for, and the one in development. */
export function badgeReleases(driver: DriverView, development: string | undefined): string[] {
  return [
    ...new Set([
      ...driver.claims,
      ...driver.records.map((r) => r.release),
      ...(development === undefined ? [] : [development]),
    ]),
  ];
}
