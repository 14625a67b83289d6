import { releaseBranch, releasesByDate } from '../../backend/model/releases.ts';
import type { Release } from '../../backend/model/types.ts';
import type { Prng } from './prng.ts';

export interface BranchPicker {
  /** A branch that existed at `time`: mostly master, else a recent release's stable branch. */
  pick(rng: Prng, time: number): string;
}

/** Branches per the registry's releases: stable/<series> from the release date, unmaintained/ for old ones. */
export function branchPicker(releases: readonly Release[]): BranchPicker {
  const dated = releasesByDate(releases).map((release) => ({
    date: release.date,
    branch: releaseBranch(release),
  }));
  return {
    pick(rng, time) {
      const released = dated.filter((release) => release.date <= time);
      if (released.length === 0 || rng.chance(0.6)) return 'master';
      const recent = released.slice(-6);
      const index = rng.int(0, recent.length - 1);
      const branch = recent[index]!.branch;
      // The oldest of the recent series have left maintenance: their branch became unmaintained/.
      const old = recent.length - index > 4;
      return old && branch.startsWith('stable/') && rng.chance(0.5)
        ? branch.replace(/^stable\//, 'unmaintained/')
        : branch;
    },
  };
}
