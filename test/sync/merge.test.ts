import { describe, expect, it } from 'vitest';
import { formatRegistry } from '../../backend/format/canonical.ts';
import type { Driver } from '../../backend/model/types.ts';
import type { ReleaseMatrix } from '../../backend/sync/driver-upstream.ts';
import { readIniMatrix } from '../../backend/sync/ini-matrix.ts';
import { mergeProject } from '../../backend/sync/merge.ts';
import { validateText } from '../../backend/validate/validate.ts';
import { MATRIX_PATH } from './helpers/matrices.ts';
import { historyRegistry, MATRICES } from './helpers/upstream-history.ts';

const matrices: ReleaseMatrix[] = (['Rocky', 'Stein', 'Train', 'Ussuri'] as const).map((release) => ({
  release,
  matrix: readIniMatrix(MATRICES[release], { ref: release, path: MATRIX_PATH }),
}));

const cinder = (options = { addNew: false }) =>
  mergeProject(historyRegistry(), 'openstack/cinder', matrices, options);
const driver = (drivers: Driver[], upstreamId: string) => drivers.find((d) => d.upstream_id === upstreamId)!;

describe('mergeProject', () => {
  it("writes the newest matrix's features, in file order, to the project", () => {
    const { registry } = cinder();
    expect(registry.projects[0]!.features).toEqual([
      { id: 'supported', title: 'Driver is supported', status: 'mandatory' },
      { id: 'qos', title: 'Supports QoS', status: 'optional' },
      { id: 'multiattach', title: 'Supports multi-attach', status: 'optional' },
    ]);
    expect(registry.projects[1]).toEqual(historyRegistry().projects[1]);
  });

  it("writes a linked driver's releases in the tree and a value pair only where it changes", () => {
    expect(driver(cinder().registry.drivers, 'acme').upstream).toEqual({
      title: 'Acme Storage Driver (iSCSI)',
      in_tree: ['Rocky', 'Stein', 'Train', 'Ussuri'],
      features: {
        supported: [['Rocky', 'complete']],
        qos: [
          ['Rocky', 'missing'],
          ['Stein', 'complete'],
        ],
        // Rocky's matrix has no multiattach row: it states nothing.
        multiattach: [
          ['Rocky', null],
          ['Stein', 'partial'],
        ],
      },
      // From the newest release that lists it (Ussuri has no notes; Stein's are not carried forward).
    });
  });

  it('leaves every hand-written field as it was, and drivers of other projects the same objects', () => {
    const before = historyRegistry();
    const { registry } = cinder();
    const { upstream: _written, ...rest } = driver(registry.drivers, 'acme');
    expect(rest).toEqual(before.drivers[0]);
    expect(registry.drivers[1]).toEqual(before.drivers[1]);
    expect(registry.drivers[3]).toEqual(before.drivers[3]);
    expect(registry.releases).toEqual(before.releases);
    expect(registry.projects[0]!.upstream).toEqual(before.projects[0]!.upstream);
  });

  it('lists a linked driver no matrix lists, and takes away an upstream it had', () => {
    const before = historyRegistry();
    before.drivers[2]!.upstream = { title: 'Old', in_tree: ['Rocky'], features: {} };
    const result = mergeProject(before, 'openstack/cinder', matrices, { addNew: false });
    expect(result.notInMatrix).toEqual([
      { driver: 'openstack/cinder:Vanished:Vanished driver', upstream_id: 'vanished' },
    ]);
    expect(result.registry.drivers[2]).toEqual({
      project_id: 'openstack/cinder',
      vendor: 'Vanished',
      name: 'Vanished driver',
      upstream_id: 'vanished',
    });
  });

  it('without addNew, lists the matrix drivers nobody links to as in tree, not in the registry', () => {
    const result = cinder();
    expect(result.notInRegistry.map((d) => [d.upstream_id, d.in_tree])).toEqual([
      ['zeta', ['Rocky', 'Train', 'Ussuri']],
      ['omega', ['Train', 'Ussuri']],
      ['ghost', ['Rocky', 'Stein']],
    ]);
    expect(result.registry.drivers).toHaveLength(4);
  });

  it('with addNew, adds each as a driver with a guessed vendor, name = title, and its upstream', () => {
    const result = cinder({ addNew: true });
    expect(result.added).toEqual([
      { upstream_id: 'zeta', vendor: 'Zeta', name: 'Zeta Driver (FC)' },
      { upstream_id: 'omega', vendor: 'Omega', name: 'Omega Storage Driver (NVMe-TCP)' },
      { upstream_id: 'ghost', vendor: 'Ghost', name: 'Ghost Driver (NFS)' },
    ]);
    const zeta = driver(result.registry.drivers, 'zeta');
    // Added, removed and added again: one pair, since the value is the same when it comes back.
    expect(zeta.upstream!.in_tree).toEqual(['Rocky', 'Train', 'Ussuri']);
    expect(zeta.upstream!.features!.qos).toEqual([['Rocky', 'complete']]);
    expect(zeta.upstream!.features!.multiattach).toEqual([
      ['Rocky', null],
      ['Train', 'missing'],
    ]);
    expect(driver(result.registry.drivers, 'ghost').upstream!.features!.supported).toEqual([
      ['Rocky', 'complete'],
      ['Stein', 'missing'],
    ]);
    expect(
      validateText(formatRegistry(result.registry), 'x.json').filter((p) => p.severity === 'error'),
    ).toEqual([]);
  });

  it('does not add a driver whose vendor and name another driver has: it says to link that one', () => {
    const before = historyRegistry();
    before.drivers.push({
      project_id: 'openstack/cinder',
      vendor: 'Zeta',
      name: 'Zeta Driver (FC)',
      releases: ['Rocky'],
    });
    const result = mergeProject(before, 'openstack/cinder', matrices, { addNew: true });
    expect(result.added.map((d) => d.upstream_id)).toEqual(['omega', 'ghost']);
    expect(result.notInRegistry).toEqual([
      {
        upstream_id: 'zeta',
        title: 'Zeta Driver (FC)',
        in_tree: ['Rocky', 'Train', 'Ussuri'],
        reason:
          'a driver "Zeta / Zeta Driver (FC)" exists already: set its upstream_id to "zeta" if it is this one',
      },
    ]);
  });

  it('is idempotent: merging its own output changes nothing', () => {
    const once = cinder({ addNew: true }).registry;
    const twice = mergeProject(once, 'openstack/cinder', matrices, { addNew: true });
    expect(twice.added).toEqual([]);
    expect(formatRegistry(twice.registry)).toBe(formatRegistry(once));
  });
});
