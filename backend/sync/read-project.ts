import type { Project, ProjectUpstream, Release } from '../model/types.ts';
import type { ReleaseMatrix } from './driver-upstream.ts';
import { combineFiles, sharedFeatureIds, type FileMatrix } from './combine-files.ts';
import { SyncInputError } from './errors.ts';
import type { ReadCache } from './read-cache.ts';
import { matrixPaths, READERS } from './readers.ts';
import type { TreeAt } from './matrix.ts';
import type { UpstreamRepo } from './repo.ts';
import { resolveRefs, shortRef, type RefRule } from './resolve-ref.ts';

/** What the report says of one release: the ref read and what its matrix holds, or why there is none. */
export type ReleaseRead =
  | { release: string; ref: string; rule: RefRule; commit: string; drivers: number; features: number }
  | { release: string; ref?: string; rule?: RefRule; commit?: string; none: string };

export interface ProjectRead {
  /** The files read at each ref. */
  paths: string[];
  releases: ReleaseRead[];
  /** Releases with a matrix, in the registry's release order. */
  matrices: ReleaseMatrix[];
  warnings: string[];
  /** The commit of the repository's default branch. */
  head: string;
}

/** Every release's matrix of one project, read from its repository at the ref the rules give (or `cache`). */
export async function readProject(
  project: Project & { upstream: ProjectUpstream },
  releases: readonly Release[],
  repo: UpstreamRepo,
  cache?: ReadCache,
): Promise<ProjectRead> {
  const { upstream } = project;
  const format = upstream.format ?? 'ini';
  const reader = READERS[format];
  const paths = matrixPaths(upstream);
  if (paths.length === 0)
    throw new SyncInputError(
      `${project.id}: upstream.format ${upstream.format ?? 'ini'} reads the files upstream.support_matrix names, and it names none`,
      'give upstream.support_matrix: the path of the matrix file inside the repository (or a list of paths)',
    );
  const repoRefs = await repo.refs();
  const head = (await repo.commitOf(repoRefs.defaultBranch)) ?? '';
  const result: ProjectRead = { paths, releases: [], matrices: [], warnings: [], head };
  const found: Array<{ release: string; ref: string; rule: RefRule; commit: string; files: FileMatrix[] }> =
    [];
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
    const tree = treeAt(repo, ref, commit);
    const files: FileMatrix[] = [];
    for (const path of paths) {
      const kept = cache?.get(format, path, ref, commit);
      const matrix = kept === undefined ? await reader.read(path, tree) : (kept ?? undefined);
      if (kept === undefined) cache?.set(format, path, ref, commit, matrix);
      if (matrix) files.push({ path, matrix });
    }
    if (files.length === 0) {
      const none = `${ref} has no ${paths.join(' or ')}`;
      result.releases.push({ release, ref, rule: resolved.rule, commit, none });
      continue;
    }
    found.push({ release, ref, rule: resolved.rule, commit, files });
    result.releases.push({ release, ref, rule: resolved.rule, commit, drivers: 0, features: 0 });
  }
  // Shared feature ids are known only once every release is read: an id is prefixed in all of them or none.
  const shared = sharedFeatureIds(found.map(({ files }) => files));
  for (const { release, ref, rule, commit, files } of found) {
    const matrix = combineFiles(files, shared, paths.length > 1);
    result.warnings.push(...matrix.warnings.filter((warning) => !result.warnings.includes(warning)));
    const at = result.releases.findIndex((read) => read.release === release);
    if (matrix.drivers.length === 0) {
      // Nova's matrices before Rocky list drivers in a [targets] section sphinx-feature-classification never read.
      const none = `${ref}'s ${files.map(({ path }) => path).join(' and ')} declare${files.length === 1 ? 's' : ''} no driver (an older format?)`;
      result.releases[at] = { release, ref, rule, commit, none };
      continue;
    }
    result.matrices.push({ release, matrix });
    result.releases[at] = {
      release,
      ref,
      rule,
      commit,
      drivers: matrix.drivers.length,
      features: matrix.features.length,
    };
  }
  return result;
}

/** The files of one commit, each read once. */
function treeAt(repo: UpstreamRepo, ref: string, commit: string): TreeAt {
  const files = new Map<string, Promise<string | undefined>>();
  return {
    ref,
    commit,
    read(path) {
      let text = files.get(path);
      if (!text) {
        text = repo.readFile(commit, path);
        files.set(path, text);
      }
      return text;
    },
  };
}
