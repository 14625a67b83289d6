import { describe, expect, it } from 'vitest';
import { coveredReleases, hiddenByDefault, removedIn } from '../../../dashboard/src/lib/lifecycle.ts';

const releases = ['Newton', 'Ocata', 'Pike', 'Queens', 'Rocky'];

describe('removedIn', () => {
  it('is the first release after the last one the matrix or the driver classes list the driver in', () => {
    const covered = coveredReleases(releases, ['Newton', 'Ocata', 'Pike', 'Queens']);
    expect(removedIn({ upstream: { in_tree: ['Newton'], code_in_tree: ['Ocata'] } }, covered)).toBe('Pike');
    expect(removedIn({ upstream: { in_tree: ['Newton', 'Queens'] } }, covered)).toBeUndefined();
  });

  it('never counts a release the project has no tree data for yet', () => {
    // Rocky is not read yet: a driver in Queens is not removed in Rocky.
    expect(
      removedIn({ upstream: { in_tree: ['Queens'] } }, coveredReleases(releases, ['Queens'])),
    ).toBeUndefined();
    expect(removedIn({}, releases)).toBeUndefined();
  });
});

describe('hiddenByDefault', () => {
  it('hides retired projects’ drivers, and removed ones unless a release before the removal is asked about', () => {
    expect(hiddenByDefault({ retired: true }, [0])).toBe(true);
    expect(hiddenByDefault({ retired: false, removedAt: 2 }, [])).toBe(true);
    expect(hiddenByDefault({ retired: false, removedAt: 2 }, [1])).toBe(false);
    expect(hiddenByDefault({ retired: false, removedAt: 2 }, [2, 3])).toBe(true);
    expect(hiddenByDefault({ retired: false }, [])).toBe(false);
  });
});
