import { describe, expect, it } from 'vitest';
import type { Registry } from '../../backend/model/types.ts';
import { diffProject } from '../../backend/sync/changes.ts';
import { describeChanges, syncCommitMessage } from '../../backend/sync/describe-changes.ts';
import type { ReleaseMatrix } from '../../backend/sync/driver-upstream.ts';
import { readIniMatrix } from '../../backend/sync/ini-matrix.ts';
import { mergeProject } from '../../backend/sync/merge.ts';
import { MATRIX_PATH } from './helpers/matrices.ts';
import { historyRegistry, MATRICES } from './helpers/upstream-history.ts';

type Known = keyof typeof MATRICES;
const upTo = (releases: Known[]): ReleaseMatrix[] =>
  releases.map((release) => ({
    release,
    matrix: readIniMatrix(MATRICES[release], { ref: release, path: MATRIX_PATH }),
  }));
const synced = (registry: Registry, releases: Known[]) =>
  mergeProject(registry, 'openstack/cinder', upTo(releases), { addNew: true }).registry;

describe('diffProject and describeChanges', () => {
  it('name what a newly read release says: gains, losses, drivers leaving the tree, new features', () => {
    const before = synced(historyRegistry(), ['Rocky']);
    const after = synced(before, ['Rocky', 'Stein']);
    const changes = diffProject(before, after, 'openstack/cinder');
    expect(changes.releases).toEqual({ added: ['Stein'], removed: [] });
    expect(changes.features.added).toEqual(['multiattach']);
    expect(changes.events).toEqual(
      expect.arrayContaining([
        { kind: 'gain', driver: 'acme', feature: 'qos', release: 'Stein', from: 'missing', to: 'complete' },
        {
          kind: 'lose',
          driver: 'ghost',
          feature: 'supported',
          release: 'Stein',
          from: 'complete',
          to: 'missing',
        },
        { kind: 'leave', driver: 'zeta', release: 'Rocky' },
      ]),
    );
    expect(describeChanges(changes)).toEqual([
      'matrix read for Stein',
      'new features multiattach',
      'acme gains qos in Stein',
      'acme gains multiattach in Stein',
      'zeta leaves the tree after Rocky',
      'ghost loses supported in Stein',
    ]);
  });

  it('groups drivers with the same change, and counts drivers that come back', () => {
    const before = synced(historyRegistry(), ['Rocky', 'Stein']);
    const after = synced(before, ['Rocky', 'Stein', 'Train']);
    const clauses = describeChanges(diffProject(before, after, 'openstack/cinder'));
    expect(clauses).toContain('zeta enters the tree in Train');
    expect(clauses).toContain('ghost leaves the tree after Stein');
    expect(clauses).toContain('1 driver added');
  });

  it('says nothing when nothing changed', () => {
    const once = synced(historyRegistry(), ['Rocky', 'Stein', 'Train', 'Ussuri']);
    const changes = diffProject(
      once,
      synced(once, ['Rocky', 'Stein', 'Train', 'Ussuri']),
      'openstack/cinder',
    );
    expect(changes.changed).toBe(false);
    expect(describeChanges(changes)).toEqual([]);
  });

  it('counts linked drivers getting an upstream for the first time, not each of their facts', () => {
    const after = synced(historyRegistry(), ['Rocky', 'Stein']);
    const changes = diffProject(historyRegistry(), after, 'openstack/cinder');
    expect(changes.linked).toEqual(['acme']);
    expect(changes.events).toEqual([]);
    expect(describeChanges(changes)).toEqual([
      'matrix read for Rocky, Stein',
      '2 drivers added',
      '1 driver linked',
      'new features supported, qos, multiattach',
    ]);
  });
});

describe('syncCommitMessage', () => {
  it('puts the changes in the subject when short, and every clause in the body', () => {
    const before = synced(historyRegistry(), ['Rocky', 'Stein', 'Train']);
    const after = synced(before, ['Rocky', 'Stein', 'Train', 'Ussuri']);
    const message = syncCommitMessage([diffProject(before, after, 'openstack/cinder')]);
    expect(message).toBe(
      'cinder: matrix read for Ussuri; omega gains multiattach in Ussuri\n\ncinder:\n- matrix read for Ussuri\n- omega gains multiattach in Ussuri\n',
    );
  });

  it('summarises a long subject per project', () => {
    const message = syncCommitMessage([
      diffProject(historyRegistry(), synced(historyRegistry(), ['Rocky', 'Stein']), 'openstack/cinder'),
    ]);
    expect(message.split('\n')[0]).toBe('sync: cinder (4 changes)');
  });
});
