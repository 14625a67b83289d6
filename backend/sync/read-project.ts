import type { Project, ProjectUpstream, Release } from '../model/types.ts';
import type { ReleaseMatrix } from './driver-upstream.ts';
import { SyncInputError } from './errors.ts';
import { readIniMatrix } from './ini-matrix.ts';
import { readManilaRst } from './manila-rst.ts';
import type { Matrix, MatrixSource } from './matrix.ts';
import type { UpstreamRepo } from './repo.ts';
import { resolveRefs, shortRef, type RefRule } from './resolve-ref.ts';

/** What the report says of one release: the ref read and what its matrix holds, or why there is none. */
export type ReleaseRead =
  | { release: string; ref: string; rule: RefRule; commit: string; drivers: number; features: number }
  | { release: string; ref?: string; rule?: RefRule; commit?: string; none: string };

export interface ProjectRead {
  releases: ReleaseRead[];
  /** Releases with a matrix, in the registry's release order. */
  matrices: ReleaseMatrix[];
  warnings: string[];
  /** The commit of the repository's default branch. */
  head: string;
}

const READERS: Partial<
  Record<NonNullable<ProjectUpstream['format']>, (text: string, source: MatrixSource) => Matrix>
> = {
  ini: readIniMatrix,
  'manila-rst': readManilaRst,
};

/** Every release's matrix of one project, read from its repository at the ref the rules give. */
export async function readProject(
  project: Project & { upstream: ProjectUpstream },
  releases: readonly Release[],
  repo: UpstreamRepo,
): Promise<ProjectRead> {
  const { upstream } = project;
  const format = upstream.format ?? 'ini';
  const read = READERS[format];
  const matrixPath = upstream.support_matrix;
  if (read === undefined || typeof matrixPath !== 'string')
    throw new SyncInputError(
      `${project.id}: this version of sync reads one support_matrix file in the ini or manila-rst format`,
      'give upstream.support_matrix as one path, with format ini or manila-rst',
    );
  const repoRefs = await repo.refs();
  const head = (await repo.commitOf(repoRefs.defaultBranch)) ?? '';
  const result: ProjectRead = { releases: [], matrices: [], warnings: [], head };
  for (const resolved of resolveRefs(releases, repoRefs, upstream.refs)) {
    const { release } = resolved;
    if (resolved.ref === undefined) {
      result.releases.push({ release, none: resolved.none });
      continue;
    }
    const ref = shortRef(resolved.ref);
    const commit = await repo.commitOf(resolved.ref);
    if (commit === undefined) {
      // Only upstream.refs can name a ref that does not exist: the rules pick from the refs listed.
      throw new SyncInputError(
        `${project.id}: upstream.refs.${release} is "${resolved.ref}", which ${repo.location} has no branch, tag or commit of`,
        `correct it, or remove it to let the ref rules choose`,
      );
    }
    const text = await repo.readFile(commit, matrixPath);
    if (text === undefined) {
      result.releases.push({
        release,
        ref,
        rule: resolved.rule,
        commit,
        none: `${ref} has no ${matrixPath}`,
      });
      continue;
    }
    const matrix = read(text, { ref, path: matrixPath });
    result.warnings.push(...matrix.warnings);
    if (matrix.drivers.length === 0) {
      // Nova's matrices before Rocky list drivers in a [targets] section sphinx-feature-classification never read.
      const none = `${ref}'s ${matrixPath} declares no driver (an older format?)`;
      result.releases.push({ release, ref, rule: resolved.rule, commit, none });
      continue;
    }
    result.matrices.push({ release, matrix });
    result.releases.push({
      release,
      ref,
      rule: resolved.rule,
      commit,
      drivers: matrix.drivers.length,
      features: matrix.features.length,
    });
  }
  return result;
}
