import type { Driver, Release } from '../registry/types.ts';
import { inTree } from '../registry/upstream-signals.ts';

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
 * unsynced release in development never reads as a removal. Every answer comes from `inTree`.
 */
export function treeAtTarget(
  driver: Pick<Driver, 'upstream'>,
  releases: readonly Pick<Release, 'id'>[],
  to: string,
  hasTree: (release: string) => boolean,
): TreeAtTarget {
  if (inTree(driver, to)) return { state: 'in-tree' };
  const end = releases.findIndex((release) => release.id === to);
  let last = -1;
  for (let i = end - 1; i >= 0 && last === -1; i--) if (inTree(driver, releases[i]!.id)) last = i;
  if (last === -1) return { state: 'never' };
  for (let i = last + 1; i <= end; i++) {
    const release = releases[i]!.id;
    if (hasTree(release)) return { state: 'removed', release };
  }
  return { state: 'not-read' };
}
