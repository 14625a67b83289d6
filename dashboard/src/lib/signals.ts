// The three signals a driver page sets side by side for each release: the vendor's claim, the project's
// own tree (its support matrix, or its driver classes), and the CI evidence. The rules for the matrix live in
// backend/model/upstream-signals.ts; this module reads the driver classes' facts where the matrix is silent,
// phrases the signals and says where they disagree.
import { featureValue, inTree, supportedByProject } from '../../../backend/model/upstream-signals.ts';
import type { SupportValue } from '../../../backend/model/types.ts';
import type { DriverView } from './driver-view.ts';
import type { ProjectView } from './project-views.ts';
import { treeReleases } from './lifecycle.ts';
import type { ReleaseView } from './release-views.ts';

/** What the project's tree says of a driver in one release. */
export type TreeSignal =
  | 'supported'
  | 'unsupported'
  | 'out'
  /** The registry holds no tree data of the project for that release (no matrix, no driver classes read). */
  | 'no-matrix'
  /** The registry does not say which driver of the matrix, or which driver classes, this is. */
  | 'unlinked';

export interface ReleaseSignals {
  release: string;
  claimed: boolean;
  tree: TreeSignal;
  hasEvidence: boolean;
  /** Where the sources disagree, in words; empty when they agree. */
  disagreements: string[];
}

export const TREE_WORDS: Record<TreeSignal, string> = {
  supported: 'in the tree, supported by the project',
  unsupported: 'in the tree, unsupported by the project',
  out: 'not in the tree',
  'no-matrix': 'no tree data for this release',
  unlinked: 'not linked to the project’s tree',
};

/** The value of a step list (`[release, value]` from that release on, oldest first) in force in `release`. */
function stepValue<T>(
  steps: ReadonlyArray<readonly [string, T]>,
  release: string,
  releases: readonly Pick<ReleaseView, 'id'>[],
): T | undefined {
  const at = releases.findIndex((r) => r.id === release);
  let value: T | undefined;
  for (const [id, v] of steps) {
    const i = releases.findIndex((r) => r.id === id);
    if (i === -1 || i > at) break;
    value = v;
  }
  return value;
}

export function treeSignal(
  driver: Pick<DriverView, 'upstream' | 'upstreamId'>,
  project: Pick<ProjectView, 'treeReleases' | 'upstream'>,
  release: string,
  releases: readonly Pick<ReleaseView, 'id'>[],
): TreeSignal {
  if (!project.treeReleases.includes(release)) return 'no-matrix';
  if (!driver.upstream && !driver.upstreamId) return 'unlinked';
  // "Supported by the project": the matrix's support feature where the matrix lists the driver, else its classes'.
  if (inTree(driver, release)) {
    return supportedByProject(project, driver, release, releases) ? 'supported' : 'unsupported';
  }
  if (!driver.upstream?.code_in_tree?.includes(release)) return 'out';
  return stepValue(driver.upstream.code_supported ?? [], release, releases) === false
    ? 'unsupported'
    : 'supported';
}

/**
 * The signals of every release the driver is claimed for, in the tree of, or has evidence for, and of the release
 * in development; newest first.
 */
export function releaseSignals(
  driver: DriverView,
  project: ProjectView,
  releases: readonly ReleaseView[],
  /** The release in development has a row of its own, whatever the driver says of it. */
  development?: string,
): ReleaseSignals[] {
  const claimed = new Set(driver.claims);
  const inTreeOf = treeReleases(driver);
  return [...releases]
    .reverse()
    .filter(
      (r) =>
        claimed.has(r.id) ||
        inTreeOf.has(r.id) ||
        driver.status.evidence[r.id] !== undefined ||
        r.id === development,
    )
    .map((r) => {
      const tree = treeSignal(driver, project, r.id, releases);
      const hasEvidence = driver.status.evidence[r.id] !== undefined;
      const isClaimed = claimed.has(r.id);
      const disagreements: string[] = [];
      if (isClaimed && tree === 'out') disagreements.push('claimed, but not in the tree');
      if (tree === 'unsupported') disagreements.push('in the tree, but unsupported by the project');
      if (isClaimed && !hasEvidence) {
        // Without a scan, missing evidence is no verdict.
        const unscanned = driver.status.hasCi && !driver.status.scanned;
        disagreements.push(unscanned ? 'claimed, not yet scanned against Gerrit' : 'claimed, no CI evidence');
      }
      return { release: r.id, claimed: isClaimed, tree, hasEvidence, disagreements };
    });
}

/** A matrix cell's value in words: the matrix's own four, and "not stated" where it says nothing. */
export type CellValue = SupportValue | 'not-stated';

export const CELL_WORDS: Record<CellValue, string> = {
  complete: 'complete',
  partial: 'partial',
  missing: 'missing',
  unknown: 'unknown',
  'not-stated': 'not stated',
};

export const CELL_ICON: Record<CellValue, string> = {
  complete: '✔',
  partial: '◐',
  missing: '✖',
  unknown: '?',
  'not-stated': '–',
};

/** The cell for a feature in a release; undefined when the driver is not in that release's tree. */
export function cellValue(
  driver: Pick<DriverView, 'upstream'>,
  feature: string,
  release: string,
  releases: readonly Pick<ReleaseView, 'id'>[],
): CellValue | undefined {
  const value = featureValue(driver, feature, release, releases);
  return value === undefined ? undefined : (value ?? 'not-stated');
}

/**
 * How a feature's support changed over the releases the driver is in the tree of:
 * "missing from Rocky, complete from Victoria". Empty when the matrices never mention it.
 */
export function featureHistory(driver: Pick<DriverView, 'upstream'>, feature: string): string {
  const pairs = driver.upstream?.features?.[feature] ?? [];
  return pairs.map(([release, value]) => `${CELL_WORDS[value ?? 'not-stated']} from ${release}`).join(', ');
}
