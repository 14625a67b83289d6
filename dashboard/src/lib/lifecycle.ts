// Drivers that are no longer current: removed from their project's tree, or of a project OpenStack retired. The
// home table hides them unless asked; their pages say so at the top.
import type { DriverUpstream } from '../../../backend/model/types.ts';

type WithTree = { upstream?: Pick<DriverUpstream, 'in_tree' | 'code_in_tree'> };

/** The releases whose tree holds the driver: its project's matrix lists it, or a linked class is there. */
export function treeReleases(driver: WithTree): Set<string> {
  return new Set([...(driver.upstream?.in_tree ?? []), ...(driver.upstream?.code_in_tree ?? [])]);
}

/**
 * The first release without the driver in its project's tree, after the last one with it: derived, never stored.
 * `covered` (oldest first) are the releases up to the newest the project has tree data for, so a release nobody
 * has read yet never removes anything. Undefined while the driver is in the newest of them, or with no tree data.
 */
export function removedIn(driver: WithTree, covered: readonly string[]): string | undefined {
  const tree = treeReleases(driver);
  let last = -1;
  covered.forEach((id, i) => {
    if (tree.has(id)) last = i;
  });
  return last === -1 ? undefined : covered[last + 1];
}

/** The releases (oldest first) up to the newest one `treeData` (a project's releases with tree data) names. */
export function coveredReleases(releases: readonly string[], treeData: readonly string[]): string[] {
  const newest = Math.max(-1, ...treeData.map((id) => releases.indexOf(id)));
  return releases.slice(0, newest + 1);
}

/**
 * Whether the home table hides a driver by default: its project is retired, or it was removed from the tree at
 * or before the releases asked about (`positions`, empty for all releases: then removed at all).
 */
export function hiddenByDefault(
  gone: { retired: boolean; removedAt?: number },
  positions: readonly number[],
): boolean {
  if (gone.retired) return true;
  if (gone.removedAt === undefined) return false;
  return positions.length === 0 || positions.every((p) => p >= gone.removedAt!);
}
