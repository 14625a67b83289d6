import { releaseBranch, releasesByDate } from '../model/releases.ts';
import type { Release } from '../model/types.ts';

/** Which listed release a comment on `branch` at `instant` (ms) is evidence for; undefined: none. */
export type ReleaseMapper = (branch: string, instant: number) => string | undefined;

/**
 * `stable/X` and `unmaintained/X` (the name a stable branch gets at end of maintenance) go to the
 * release whose branch is `stable/X`; `master` goes to the series in development at the comment's
 * instant: the listed release with the earliest date strictly after it (dates are 00:00 UTC, so a
 * master comment later on a release day already belongs to the next series).
 */
export function createReleaseMapper(releases: readonly Release[]): ReleaseMapper {
  const byBranch = new Map<string, string>();
  for (const release of releases) {
    const branch = releaseBranch(release);
    if (!byBranch.has(branch)) byBranch.set(branch, release.id);
  }
  const dated = releasesByDate(releases);
  return (branch, instant) => {
    if (branch === 'master') return dated.find((release) => release.date > instant)?.id;
    const series = /^(?:stable|unmaintained)\/(.+)$/.exec(branch)?.[1];
    return series === undefined ? undefined : byBranch.get(`stable/${series}`);
  };
}
