import { describe, expect, it } from 'vitest';
import { newestMatrixRelease, projectMatrix } from '../../../dashboard/src/lib/matrix.ts';
import { fixtureModel } from '../helpers/fixture-model.ts';

const model = fixtureModel(Date.UTC(2024, 4, 31));
const cinder = model.projects.find((p) => p.id === 'openstack/cinder')!;
const drivers = model.drivers.filter((d) => d.projectId === cinder.id);

describe('projectMatrix', () => {
  it('has a row per driver in the release’s tree and a cell per feature of the project', () => {
    const matrix = projectMatrix(cinder, drivers, 'Stein', model.releases, 30);
    expect(matrix.rows.map((r) => [r.driver.name, r.supported, r.cells.map((c) => c.value)])).toEqual([
      ['Acme FC', false, ['missing', 'partial', 'unknown']],
      ['Acme iSCSI', true, ['complete', 'complete', 'partial']],
      ['Dell PowerMax', true, ['complete', 'not-stated', 'not-stated']],
    ]);
    expect(matrix.rows[1]!.cells[1]!.note).toBe('Needs array firmware 2.0.');
    expect(matrix.claimedOutside.map((d) => d.name)).toEqual(['Acme-FC']);
  });

  it('carries only the release’s own evidence for the CI status', () => {
    const rocky = projectMatrix(cinder, drivers, 'Rocky', model.releases, 30);
    const iscsi = rocky.rows.find((r) => r.driver.name === 'Acme iSCSI')!;
    expect(Object.keys(iscsi.live.input.evidence)).toEqual(['Rocky']);
    expect(iscsi.live).toMatchObject({ release: 'Rocky', brief: true });
  });

  it('opens on the newest release a driver is in the tree of', () => {
    expect(cinder.matrixReleases).toEqual(['Queens', 'Rocky', 'Stein']);
    expect(newestMatrixRelease(cinder)).toBe('Stein');
    expect(newestMatrixRelease(model.projects.find((p) => p.id === 'openstack/nova')!)).toBeUndefined();
  });
});
