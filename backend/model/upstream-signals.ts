import type { Driver, Project, Release, SupportValue } from './types.ts';

type Releases = readonly Pick<Release, 'id'>[];
type WithUpstream = Pick<Driver, 'upstream'>;

/** Whether the project's own support matrix of release `releaseId` lists the driver. */
export function inTree(driver: WithUpstream, releaseId: string): boolean {
  return driver.upstream?.in_tree?.includes(releaseId) ?? false;
}

/** The newest release whose matrix lists the driver, or undefined if none ever did. */
export function newestInTreeRelease(driver: WithUpstream): string | undefined {
  return driver.upstream?.in_tree?.at(-1);
}

/**
 * What release `releaseId`'s matrix says of the driver for a feature: a value, null when the matrix states
 * nothing (or the feature is not in it), undefined when the driver is not in the tree in that release.
 */
export function featureValue(
  driver: WithUpstream,
  featureId: string,
  releaseId: string,
  releases: Releases,
): SupportValue | null | undefined {
  if (!inTree(driver, releaseId)) return undefined;
  const at = releaseIndex(releases, releaseId);
  // Pairs are written only where the value changes between in-tree releases, oldest first, so the
  // release's value is the last pair at or before it.
  let value: SupportValue | null = null;
  for (const [release, pairValue] of driver.upstream?.features?.[featureId] ?? []) {
    if (releaseIndex(releases, release) > at) break;
    value = pairValue;
  }
  return value;
}

/**
 * Whether the project supports the driver in a release: it is in the tree and the project's
 * `support_feature` (when it names one) is not "missing" for it.
 */
export function supportedByProject(
  project: Pick<Project, 'upstream'>,
  driver: WithUpstream,
  releaseId: string,
  releases: Releases,
): boolean {
  if (!inTree(driver, releaseId)) return false;
  const feature = project.upstream?.support_feature;
  return feature === undefined || featureValue(driver, feature, releaseId, releases) !== 'missing';
}

function releaseIndex(releases: Releases, id: string): number {
  const index = releases.findIndex((release) => release.id === id);
  // An unlisted release sorts last, so it never hides the pairs of listed ones.
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}
