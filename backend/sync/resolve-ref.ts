import { releaseBranch, releasesByDate } from '../model/releases.ts';
import type { Release } from '../model/types.ts';

/** The refs of a repository, as repo.ts lists them (full names: refs/heads/…, refs/remotes/…, refs/tags/…). */
export interface RepoRefs {
  refs: ReadonlySet<string>;
  /** The default branch's full ref (origin/HEAD's target in a clone with one, else HEAD's). */
  defaultBranch: string;
  /** Committer time of the default branch's newest commit, ms. */
  newestCommit: number;
}

export type RefRule = 'refs' | 'branch' | 'tag' | 'development';

export type ReleaseRef =
  { release: string; ref: string; rule: RefRule } | { release: string; ref?: undefined; none: string };

/** A full ref as people write it: stable/2025.1, origin/unmaintained/yoga, rocky-eol. */
export function shortRef(ref: string): string {
  return ref.replace(/^refs\/(heads|tags|remotes)\//, '');
}

/**
 * The git ref each release's matrix is read at: `upstream.refs[id]`; else the branch stable/S, then
 * unmaintained/S (local, else remote-tracking), then the tag S-eol, S-eom, S-em, where stable/S is the
 * release's branch; else, for the release in development (the earliest dated after the default branch's
 * newest commit), the default branch.
 */
export function resolveRefs(
  releases: readonly Release[],
  repo: RepoRefs,
  explicit: Readonly<Record<string, string>> = {},
): ReleaseRef[] {
  const development = releasesByDate(releases).find((release) => release.date > repo.newestCommit)?.id;
  const remotes = [...repo.refs].filter((ref) => ref.startsWith('refs/remotes/')).sort(originFirst);
  const branch = (name: string): string | undefined =>
    repo.refs.has(`refs/heads/${name}`)
      ? `refs/heads/${name}`
      : remotes.find((ref) => ref.slice('refs/remotes/'.length).replace(/^[^/]+\//, '') === name);
  return releases.map((release): ReleaseRef => {
    const id = release.id;
    if (Object.hasOwn(explicit, id)) return { release: id, ref: explicit[id]!, rule: 'refs' };
    const suffix = releaseBranch(release).replace(/^stable\//, '');
    for (const name of [`stable/${suffix}`, `unmaintained/${suffix}`]) {
      const ref = branch(name);
      if (ref) return { release: id, ref, rule: 'branch' };
    }
    for (const tag of ['eol', 'eom', 'em'].map((end) => `refs/tags/${suffix}-${end}`)) {
      if (repo.refs.has(tag)) return { release: id, ref: tag, rule: 'tag' };
    }
    if (id === development) return { release: id, ref: repo.defaultBranch, rule: 'development' };
    return {
      release: id,
      none: `no branch stable/${suffix} or unmaintained/${suffix}, no tag ${suffix}-eol, -eom or -em, and not the release in development${development ? ` (${development})` : ''}`,
    };
  });
}

function originFirst(a: string, b: string): number {
  const rank = (ref: string) => (ref.startsWith('refs/remotes/origin/') ? 0 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
