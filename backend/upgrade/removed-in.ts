import type { Driver, Release } from '../model/types.ts';
import { removedIn } from '../model/removed-in.ts';
import { inTree } from '../model/upstream-signals.ts';

export type TreeAtTarget =
  | { state: 'in-tree' }
  /** It was in the tree before, and `release` is the first release after that whose tree the registry has read. */
  | { state: 'removed'; release: string }
  /** It was in the tree before, and the registry has read no tree of its project since. */
  | { state: 'not-read' }
  | { state: 'never' };

/**
 * Whether the driver is in the tree at release `to`, and if not, which release removed it. A release only removes
 * a driver when the registry has read that release's tree (`hasTree`: some driver of the project is in it), so an
 * unsynced release in development never reads as a removal. The removal rule is `removedIn`'s.
 */
export function treeAtTarget(
  driver: Pick<Driver, 'upstream'>,
  releases: readonly Pick<Release, 'id'>[],
  to: string,
  hasTree: (release: string) => boolean,
): TreeAtTarget {
  if (inTree(driver, to)) return { state: 'in-tree' };
  const upTo = releases.slice(0, releases.findIndex((release) => release.id === to) + 1);
  if (!upTo.some((release) => inTree(driver, release.id))) return { state: 'never' };
  // Only releases whose tree the registry has read can remove a driver.
  const read = upTo.filter((release) => inTree(driver, release.id) || hasTree(release.id));
  const release = removedIn(driver, read);
  return release === undefined ? { state: 'not-read' } : { state: 'removed', release };
}
