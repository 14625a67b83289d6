import { describe, expect, it } from 'vitest';
import { removedIn, upstreamReleases } from '../../backend/model/removed-in.ts';
import type { DriverUpstream } from '../../backend/model/types.ts';

const releases = ['Rocky', 'Stein', 'Train', 'Ussuri', 'Victoria'].map((id) => ({ id }));
const driver = (upstream?: DriverUpstream) => (upstream === undefined ? {} : { upstream });

describe('removedIn', () => {
  it.each<[string, DriverUpstream | undefined, string | undefined]>([
    ['in the newest release: not removed', { in_tree: ['Rocky', 'Victoria'] }, undefined],
    ['gone after Train: removed in Ussuri', { in_tree: ['Rocky', 'Stein', 'Train'] }, 'Ussuri'],
    ['gone for a release and back: not removed', { in_tree: ['Rocky', 'Train', 'Victoria'] }, undefined],
    ['only its classes say: removed after the last', { code_in_tree: ['Rocky', 'Stein'] }, 'Train'],
    [
      'the matrix dropped it, its classes stayed: not removed',
      { in_tree: ['Rocky'], code_in_tree: ['Rocky', 'Stein', 'Train', 'Ussuri', 'Victoria'] },
      undefined,
    ],
    [
      'its classes went first, the matrix kept it',
      { in_tree: ['Rocky', 'Stein', 'Train', 'Ussuri'], code_in_tree: ['Rocky', 'Stein'] },
      'Victoria',
    ],
    ['no upstream data: unknown, not removed', undefined, undefined],
    ['upstream without in-tree lists', { title: 'Acme' }, undefined],
    ['only in a release the list does not have', { in_tree: ['Wallaby'] }, undefined],
    ['out of tree, shipped until Stein', { kind: 'out-of-tree', in_tree: ['Rocky', 'Stein'] }, 'Train'],
  ])('%s', (_, upstream, expected) => {
    expect(removedIn(driver(upstream), releases)).toBe(expected);
  });
});

describe('upstreamReleases', () => {
  it('ends at the newest release any driver of the project is listed in', () => {
    const drivers = [
      driver({ in_tree: ['Rocky', 'Stein'] }),
      driver({ code_in_tree: ['Stein', 'Train'] }),
      driver(),
    ];
    expect(upstreamReleases(drivers, releases).map((r) => r.id)).toEqual(['Rocky', 'Stein', 'Train']);
    // So a release nobody has read yet does not make every driver removed.
    expect(removedIn(drivers[1]!, upstreamReleases(drivers, releases))).toBeUndefined();
    expect(removedIn(drivers[0]!, upstreamReleases(drivers, releases))).toBe('Train');
  });

  it('is empty when no driver has upstream data', () => {
    expect(upstreamReleases([driver()], releases)).toEqual([]);
  });
});
