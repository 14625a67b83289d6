import type { Driver, Release } from './types.ts';
import { inTree } from './upstream-signals.ts';

type Releases = readonly Pick<Release, 'id'>[];
type WithUpstream = Pick<Driver, 'upstream'>;

/**
 * The release a driver was removed from its project in: the first of `releases` after the last one its linked
 * upstream data lists it in. Undefined when it is in the newest of `releases`, when no upstream data lists it
 * at all, or when none of `releases` comes after. Derived, never stored.
 *
 * `releases` (oldest first) must end at the newest release the project's upstream data covers, not at a
 * release nobody has read yet: pass `upstreamReleases(projectDrivers, releases)`.
 */
export function removedIn(driver: WithUpstream, releases: Releases): string | undefined {
  let last = -1;
  releases.forEach((release, index) => {
    if (inTree(driver, release.id)) last = index;
  });
  if (last === -1) return undefined;
  return releases[last + 1]?.id;
}

/**
 * `releases` up to the newest one any of `drivers` (one project's) is listed in by its upstream data: the
 * releases that data covers. A release no driver is listed in (one sync has not read, or the one in
 * development before its branch exists) is not evidence that every driver was removed.
 */
export function upstreamReleases<R extends Pick<Release, 'id'>>(
  drivers: readonly WithUpstream[],
  releases: readonly R[],
): R[] {
  let newest = -1;
  releases.forEach((release, index) => {
    if (drivers.some((driver) => inTree(driver, release.id))) newest = index;
  });
  return releases.slice(0, newest + 1);
}
