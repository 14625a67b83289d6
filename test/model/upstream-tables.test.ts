import { describe, expect, it } from 'vitest';
import { driverOrigin, featureTables, fileStem, ORIGIN_LABELS } from '../../backend/model/upstream-tables.ts';

describe('featureTables', () => {
  it('gives one table per matrix file, titled by the file, in the order sync wrote the features', () => {
    const lb = 'doc/source/user/feature-classification/feature-matrix-lb.ini';
    const pool = 'doc/source/user/feature-classification/feature-matrix-pool.ini';
    const feature = (id: string, matrix: string) => ({ id, title: id, status: 'optional', matrix });
    const tables = featureTables({
      name: 'Octavia',
      features: [
        feature('feature-matrix-lb.name', lb),
        feature('flavor', lb),
        feature('feature-matrix-pool.name', pool),
      ],
    });
    expect(tables.map((t) => [t.title, t.matrix, t.features.map((f) => f.id)])).toEqual([
      ['feature-matrix-lb', lb, ['feature-matrix-lb.name', 'flavor']],
      ['feature-matrix-pool', pool, ['feature-matrix-pool.name']],
    ]);
  });

  it('gives a project with one file one table titled by the project, and none without features', () => {
    expect(
      featureTables({ name: 'Cinder', features: [{ id: 'qos', title: 'QoS', status: 'optional' }] }),
    ).toEqual([{ title: 'Cinder', features: [{ id: 'qos', title: 'QoS', status: 'optional' }] }]);
    expect(featureTables({ name: 'Designate' })).toEqual([]);
    expect(fileStem('a/b/general_feature_support_matrix.ini')).toBe('general_feature_support_matrix');
  });
});

describe('driverOrigin', () => {
  it('says where a driver lives, in plain words, never blank', () => {
    expect(driverOrigin({ upstream: { in_tree: ['Epoxy'] } })).toBe('in-tree');
    expect(driverOrigin({ upstream: { kind: 'out-of-tree', in_tree: ['Epoxy'] } })).toBe('out-of-tree');
    expect(driverOrigin({})).toBe('vendor');
    expect(driverOrigin({ upstream: { in_tree: [] } })).toBe('vendor');
    for (const label of Object.values(ORIGIN_LABELS)) expect(label).not.toBe('');
  });
});
