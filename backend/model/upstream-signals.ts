import type { Driver, Project, Release, SupportValue } from './types.ts';

type Releases = readonly Pick<Release, 'id'>[];
type WithUpstream = Pick<Driver, 'upstream'>;

/**
 * Whether the driver is in its project's tree at release `releaseId`: the project's support matrix lists it, or
 * one of its linked driver classes is there (`code_in_tree`).
 */
export function inTree(driver: WithUpstream, releaseId: string): boolean {
  const upstream = driver.upstream;
  return (upstream?.in_tree?.includes(releaseId) || upstream?.code_in_tree?.includes(releaseId)) ?? false;
}

/** Whether the project's support matrix lists the driver at release `releaseId` (its classes aside). */
function inMatrix(driver: WithUpstream, releaseId: string): boolean {
  return driver.upstream?.in_tree?.includes(releaseId) ?? false;
}

/** The newest release whose matrix lists the driver, or undefined if none ever did. */
export function newestInTreeRelease(driver: WithUpstream): string | undefined {
  return driver.upstream?.in_tree?.at(-1);
}

/**
 * What release `releaseId`'s matrix says of the driver for a feature: a value, null when the matrix states
 * nothing (or the feature is not in it), undefined when that release's matrix does not list the driver.
 */
export function featureValue(
  driver: WithUpstream,
  featureId: string,
  releaseId: string,
  releases: Releases,
): SupportValue | null | undefined {
  // A release whose tree has only the driver's classes says nothing of its features.
  if (!inMatrix(driver, releaseId)) return undefined;
  // Pairs are written only where the value changes between in-tree releases, oldest first, so the
  // release's value is the last pair at or before it.
  return stepValue(driver.upstream?.features?.[featureId] ?? [], releaseId, releases) ?? null;
}

/** Whether the project's driver classes of release `releaseId` include any of the driver's `upstream_classes`. */
export function inCodeTree(driver: WithUpstream, releaseId: string): boolean {
  return driver.upstream?.code_in_tree?.includes(releaseId) ?? false;
}

/**
 * What the project's own list says of its support for the driver in a release: undefined when it does not
 * list it, else whether its `support_feature` (when it names one) is not "missing" — or, for a project
 * without one, whether its status word for the driver in that release (`upstream.status`) is not one its
 * `statuses` call unsupported.
 */
export function matrixSupport(
  project: Pick<Project, 'upstream'>,
  driver: WithUpstream,
  releaseId: string,
  releases: Releases,
): boolean | undefined {
  if (!inMatrix(driver, releaseId)) return undefined;
  const feature = project.upstream?.support_feature;
  if (feature !== undefined) return featureValue(driver, feature, releaseId, releases) !== 'missing';
  const word = statusValue(driver, releaseId, releases);
  return project.upstream?.statuses?.find((status) => status.id === word)?.supported !== false;
}

/** The project's status word for the driver in a release, if it gives one (see `upstream.statuses`). */
export function statusValue(driver: WithUpstream, releaseId: string, releases: Releases): string | undefined {
  if (!inMatrix(driver, releaseId)) return undefined;
  return stepValue(driver.upstream?.status ?? [], releaseId, releases);
}

/**
 * What the driver's classes say in a release: undefined when none is in that release's tree, false when
 * every one that is has SUPPORTED = False.
 */
export function codeSupport(
  driver: WithUpstream,
  releaseId: string,
  releases: Releases,
): boolean | undefined {
  if (!inCodeTree(driver, releaseId)) return undefined;
  return stepValue(driver.upstream?.code_supported ?? [], releaseId, releases) ?? true;
}

/**
 * Whether the project supports the driver in a release: its support matrix's word where the matrix lists
 * the driver, otherwise its classes' SUPPORTED; not supported when neither has it in the tree.
 */
export function supportedByProject(
  project: Pick<Project, 'upstream'>,
  driver: WithUpstream,
  releaseId: string,
  releases: Releases,
): boolean {
  return (
    matrixSupport(project, driver, releaseId, releases) ?? codeSupport(driver, releaseId, releases) ?? false
  );
}

/** A step list's value at a release: the last pair at or before it (pairs are written where the value changes). */
function stepValue<T>(
  pairs: ReadonlyArray<readonly [string, T]>,
  releaseId: string,
  releases: Releases,
): T | undefined {
  const at = releaseIndex(releases, releaseId);
  let value: T | undefined;
  for (const [release, pairValue] of pairs) {
    if (releaseIndex(releases, release) > at) break;
    value = pairValue;
  }
  return value;
}

function releaseIndex(releases: Releases, id: string): number {
  const index = releases.findIndex((release) => release.id === id);
  // An unlisted release sorts last, so it never hides the pairs of listed ones.
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}
