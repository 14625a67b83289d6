// The three signals a driver page sets side by side for each release: the vendor's claim, the project's
// own support matrix, and the CI evidence. The rules for the matrix live in backend/model/
// upstream-signals.ts; this module only phrases them and says where they disagree.
import { featureValue, inTree, supportedByProject } from '../../../backend/model/upstream-signals.ts';
import type { SupportValue } from '../../../backend/model/types.ts';
import type { DriverView, ProjectView, ReleaseView } from './model.ts';

/** What the project's matrix says of a driver in one release. */
export type TreeSignal =
  | 'supported'
  | 'unsupported'
  | 'out'
  /** The project publishes no matrix for that release, or none the registry reads. */
  | 'no-matrix'
  /** The registry does not say which driver of the matrix this is. */
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
  'no-matrix': 'no support matrix for this release',
  unlinked: 'not linked to the project’s matrix',
};

export function treeSignal(
  driver: Pick<DriverView, 'upstream' | 'upstreamId'>,
  project: Pick<ProjectView, 'matrixReleases' | 'upstream'>,
  release: string,
  releases: readonly Pick<ReleaseView, 'id'>[],
): TreeSignal {
  if (!project.matrixReleases.includes(release)) return 'no-matrix';
  if (!driver.upstream && !driver.upstreamId) return 'unlinked';
  if (!inTree(driver, release)) return 'out';
  return supportedByProject(project, driver, release, releases) ? 'supported' : 'unsupported';
}

/** The signals of every release the driver is claimed for, in the tree of, or has evidence for; newest first. */
export function releaseSignals(
  driver: DriverView,
  project: ProjectView,
  releases: readonly ReleaseView[],
): ReleaseSignals[] {
  const claimed = new Set(driver.claims);
  const inTreeOf = new Set(driver.upstream?.in_tree ?? []);
  return [...releases]
    .reverse()
    .filter((r) => claimed.has(r.id) || inTreeOf.has(r.id) || driver.status.evidence[r.id] !== undefined)
    .map((r) => {
      const tree = treeSignal(driver, project, r.id, releases);
      const hasEvidence = driver.status.evidence[r.id] !== undefined;
      const isClaimed = claimed.has(r.id);
      const disagreements: string[] = [];
      if (isClaimed && tree === 'out') disagreements.push('claimed, but not in the tree');
      if (tree === 'unsupported') disagreements.push('in the tree, but unsupported by the project');
      if (isClaimed && !hasEvidence) disagreements.push('claimed, no CI evidence');
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
