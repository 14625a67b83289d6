import { releaseBranch } from '../model/releases.ts';
import type { Driver, Project, Release } from '../model/types.ts';
import { featureValue } from '../model/upstream-signals.ts';

// Each reason names where its fact comes from, in words a reader can check: which file or code of the project,
// at which git ref. The refs are named by sync's rules (`upstream.refs`, else the release's branch, else for the
// release in development the default branch).

export interface SourceContext {
  releases: readonly Release[];
  /** The release in development at "as of": its tree is read from the default branch. */
  development: string | undefined;
}

type ProjectLike = Pick<Project, 'id' | 'upstream'> | undefined;

const MATRIX_NOUN: Record<string, string> = {
  ini: 'support matrix',
  'manila-rst': 'support matrix',
  'designate-ini': 'backend matrix',
  'glance-rst': 'driver list',
  'ironic-entry-points': 'hardware types',
};

/** The git ref the project's facts for `release` are read at. */
export function refOf(project: ProjectLike, releaseId: string, ctx: SourceContext): string {
  const explicit = project?.upstream?.refs?.[releaseId];
  if (explicit !== undefined) return explicit;
  if (releaseId === ctx.development) return 'the default branch';
  const release = ctx.releases.find((r) => r.id === releaseId);
  return release ? releaseBranch(release) : releaseId;
}

function matrixNoun(project: ProjectLike): string {
  return MATRIX_NOUN[project?.upstream?.format ?? 'ini'] ?? 'support matrix';
}

/** What the project publishes about its tree: its matrix, its driver classes, or both. */
function publishedNoun(project: ProjectLike): string {
  const nouns = [
    ...(project?.upstream?.support_matrix !== undefined || (project?.upstream?.format ?? 'ini') !== 'ini'
      ? [matrixNoun(project)]
      : []),
    ...(project?.upstream?.code !== undefined ? ['driver classes'] : []),
  ];
  return nouns.length > 0 ? nouns.join(' and ') : 'tree';
}

/** Where "in the tree at `release`" (or its absence) comes from for this driver. */
export function treeSource(
  project: ProjectLike,
  driver: Pick<Driver, 'project_id' | 'upstream'>,
  releaseId: string,
  ctx: SourceContext,
): string {
  const upstream = driver.upstream;
  if (upstream?.kind === 'out-of-tree') {
    return `openstack/releases deliverable ${upstream.deliverable?.name ?? '(unnamed)'} for ${releaseId}`;
  }
  const noun = upstream?.in_tree?.includes(releaseId)
    ? matrixNoun(project)
    : upstream?.code_in_tree?.includes(releaseId)
      ? 'driver classes'
      : publishedNoun(project);
  return `${driver.project_id} ${noun} at ${refOf(project, releaseId, ctx)}`;
}

/** Where "supported by the project at `release`" comes from: the matrix's support feature, the code, a status. */
export function supportSource(
  project: ProjectLike,
  driver: Pick<Driver, 'project_id' | 'upstream'>,
  releaseId: string,
  ctx: SourceContext,
): string {
  const feature = project?.upstream?.support_feature;
  const ref = refOf(project, releaseId, ctx);
  if (feature !== undefined && driver.upstream?.in_tree?.includes(releaseId)) {
    const value = featureValue(driver, feature, releaseId, ctx.releases);
    return `${driver.project_id} ${matrixNoun(project)} at ${ref} (${feature}: ${value ?? 'not stated'})`;
  }
  if (stepAt(driver.upstream?.code_supported, releaseId, ctx.releases) === false) {
    return `${driver.project_id} driver classes at ${ref} (SUPPORTED = False)`;
  }
  const status = stepAt(driver.upstream?.status, releaseId, ctx.releases);
  if (status !== undefined) return `${driver.project_id} ${matrixNoun(project)} at ${ref} (status ${status})`;
  return treeSource(project, driver, releaseId, ctx);
}

/** A step list's value at a release (the last pair at or before it), for naming it; undefined before any pair. */
function stepAt<T>(
  pairs: ReadonlyArray<readonly [string, T]> | undefined,
  releaseId: string,
  releases: readonly Pick<Release, 'id'>[],
): T | undefined {
  const at = releases.findIndex((release) => release.id === releaseId);
  let value: T | undefined;
  for (const [release, pairValue] of pairs ?? []) {
    const index = releases.findIndex((r) => r.id === release);
    if (index === -1 || index > at) break;
    value = pairValue;
  }
  return value;
}
