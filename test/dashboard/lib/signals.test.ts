import { describe, expect, it } from 'vitest';
import { cellValue, featureHistory, releaseSignals, treeSignal } from '../../../dashboard/src/lib/signals.ts';
import { fixtureModel } from '../helpers/fixture-model.ts';

const now = Date.UTC(2024, 4, 31);
const model = fixtureModel(now);
const driver = (name: string) => model.drivers.find((d) => d.name === name)!;
const project = (id: string) => model.projects.find((p) => p.id === id)!;
const cinder = project('openstack/cinder');

describe('releaseSignals', () => {
  it('sets the claim, the tree and the evidence of each release side by side, newest first', () => {
    const rows = releaseSignals(driver('Acme FC'), cinder, model.releases);
    expect(rows.map((r) => [r.release, r.claimed, r.tree, r.hasEvidence])).toEqual([
      ['Stein', false, 'unsupported', false],
      ['Rocky', true, 'supported', true],
      ['Queens', false, 'supported', false],
    ]);
  });

  it('names each disagreement in words', () => {
    const fc = releaseSignals(driver('Acme FC'), cinder, model.releases);
    expect(fc.find((r) => r.release === 'Stein')!.disagreements).toEqual([
      'in the tree, but unsupported by the project',
    ]);
    expect(fc.find((r) => r.release === 'Rocky')!.disagreements).toEqual([]);
    const old = releaseSignals(driver('Acme-FC'), cinder, model.releases);
    expect(old.find((r) => r.release === 'Stein')!.disagreements).toEqual([
      'claimed, but not in the tree',
      'claimed, no CI evidence',
    ]);
    const zeta = releaseSignals(driver('Zeta compute'), project('openstack/nova'), model.releases);
    expect(zeta.find((r) => r.release === 'Rocky')).toMatchObject({
      tree: 'no-matrix',
      disagreements: ['claimed, no CI evidence'],
    });
  });

  it('does not call a driver the registry never linked to the matrix "not in the tree"', () => {
    const unlinked = { ...driver('Acme FC'), upstream: undefined, upstreamId: undefined };
    expect(treeSignal(unlinked, cinder, 'Rocky', model.releases)).toBe('unlinked');
    expect(treeSignal(driver('Acme FC'), cinder, 'Juno', model.releases)).toBe('no-matrix');
  });
});

describe('matrix cells', () => {
  it('read the value in force in a release, and "not stated" where the matrix says nothing', () => {
    const iscsi = driver('Acme iSCSI');
    expect(cellValue(iscsi, 'multiattach', 'Queens', model.releases)).toBe('missing');
    expect(cellValue(iscsi, 'multiattach', 'Stein', model.releases)).toBe('complete');
    expect(cellValue(iscsi, 'qos', 'Rocky', model.releases)).toBe('not-stated');
    expect(cellValue(iscsi, 'nope', 'Rocky', model.releases)).toBe('not-stated');
    expect(cellValue(driver('Acme-FC'), 'supported', 'Rocky', model.releases)).toBeUndefined();
  });

  it('tell where a feature changed', () => {
    expect(featureHistory(driver('Acme iSCSI'), 'multiattach')).toBe(
      'missing from Queens, complete from Rocky',
    );
    expect(featureHistory(driver('Acme iSCSI'), 'qos')).toBe('not stated from Queens, partial from Stein');
    expect(featureHistory(driver('Acme iSCSI'), 'nope')).toBe('');
  });
});
