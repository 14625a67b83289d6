// A registry with one driver per upgrade reason and its near miss. Times are relative to `now`: Flamingo, Gazpacho
// and Hibiscus are maintained, Indri is in development (it starts after `now`) and no project's tree has been read
// at Indri yet. Epoxy → Hibiscus walks Flamingo and Gazpacho.
import type {
  Driver,
  DriverUpstream,
  Registry,
  Release,
  Run,
  VerificationRecord,
} from '../../backend/model/types.ts';
import { RELEASES } from '../helpers/update-fixtures.ts';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

function release(id: string, start: string, branch: string, active = false): Release {
  return {
    id,
    wiki: `https://releases.openstack.org/${id.toLowerCase()}/`,
    start,
    branch,
    ...(active ? { active } : {}),
  };
}

export const TREE = ['Caracal', 'Dalmatian', 'Epoxy', 'Flamingo', 'Gazpacho', 'Hibiscus'];

/** Runs newest first, a day apart from `daysAgo`: "PPF" passed, passed, then failed. */
export function runs(now: number, daysAgo: number, results: string, change = 9000): Run[] {
  return [...results].map((r, i) => ({
    timestamp: iso(now - (daysAgo + i) * DAY),
    change_number: change - i,
    patch_set: 1,
    ci_result: r === 'P',
  }));
}

/** A record whose own fields are its newest run, as update writes it. */
export function record(recent: Run[], project = 'openstack/cinder'): VerificationRecord {
  const newest = recent[0]!;
  return {
    ci_result: newest.ci_result,
    review_url: `https://review.example.org/c/${project}/+/${newest.change_number}`,
    change_number: newest.change_number,
    patch_set: newest.patch_set,
    branch: 'stable/2026.2',
    ci_id: 'x-ci',
    comment: newest.ci_result ? 'tempest : SUCCESS' : 'tempest : FAILURE',
    timestamp: newest.timestamp,
    recent,
  };
}

type Features = NonNullable<DriverUpstream['features']>;

/** A cinder driver in the tree over `inTree`, supported throughout unless `features` says otherwise. */
function cinder(
  now: number,
  name: string,
  extra: Partial<Driver> & { inTree?: string[]; features?: Features } = {},
): Driver {
  const { inTree = TREE, features = {}, ...rest } = extra;
  const id = name.toLowerCase().replace(/\W+/g, '_');
  return {
    project_id: 'openstack/cinder',
    vendor: name.split(' ')[0]!,
    name,
    releases: ['Epoxy', 'Flamingo', 'Gazpacho', 'Hibiscus'],
    ci: {
      id: `${id}-ci`,
      success_pattern: `${id}-tempest \\S+ : SUCCESS`,
      failure_pattern: `${id}-tempest \\S+ : FAILURE`,
    },
    upstream_id: id,
    upstream_classes: [`cinder.volume.drivers.${id}.Driver`],
    upstream: {
      title: name,
      in_tree: inTree,
      features: { supported: [[inTree[0]!, 'complete']], ...features },
    },
    verification: {
      Flamingo: record(runs(now, 4, 'PPP', 7000)),
      Gazpacho: record(runs(now, 3, 'PPP', 8000)),
      Hibiscus: record(runs(now, 2, 'PPPPP')),
    },
    ...rest,
  };
}

export function upgradeRegistry(now: number): Registry {
  const drivers: Driver[] = [
    cinder(now, 'Acme iSCSI', {
      upstream_classes: ['cinder.volume.drivers.acme.iscsi.AcmeISCSIDriver'],
      features: {
        supported: [['Caracal', 'complete']],
        qos: [
          ['Caracal', 'missing'],
          ['Gazpacho', 'partial'],
        ],
        multiattach: [
          ['Caracal', 'complete'],
          ['Flamingo', 'partial'],
        ],
      },
    }),
    cinder(now, 'Beta FC', { inTree: ['Caracal', 'Dalmatian', 'Epoxy', 'Flamingo'] }),
    cinder(now, 'Gamma NFS', {
      features: {
        supported: [
          ['Caracal', 'complete'],
          ['Hibiscus', 'missing'],
        ],
      },
    }),
    cinder(now, 'Delta iSCSI', {
      features: {
        supported: [
          ['Caracal', 'missing'],
          ['Dalmatian', 'complete'],
          ['Flamingo', 'missing'],
          ['Gazpacho', 'complete'],
        ],
      },
    }),
    cinder(now, 'Epsilon FC', {
      features: {
        multiattach: [
          ['Caracal', 'complete'],
          ['Hibiscus', 'missing'],
        ],
        replication: [
          ['Caracal', 'partial'],
          ['Gazpacho', null],
        ],
        qos: [
          ['Caracal', 'missing'],
          ['Hibiscus', 'missing'],
        ],
      },
    }),
    cinder(now, 'Zeta NVMe', {
      verification: {
        Hibiscus: record(runs(now, 1, 'FFFPP')),
        Gazpacho: record(runs(now, 1, 'PPP', 8000)),
      },
    }),
    cinder(now, 'Zeta iSCSI', {
      // Near miss of failing: 2 of the newest 3 failed, and half of 6 passed.
      verification: { Hibiscus: record(runs(now, 1, 'FFPPPF')), Gazpacho: record(runs(now, 1, 'FFF', 8000)) },
    }),
    cinder(now, 'Eta NFS', { verification: { Hibiscus: record(runs(now, 45, 'PPP')) } }),
    cinder(now, 'Eta iSCSI', { verification: { Hibiscus: record(runs(now, 30, 'PPP')) } }),
    cinder(now, 'Theta FC', { releases: ['Dalmatian', 'Epoxy'] }),
    cinder(now, 'Iota NFS', { ci: undefined, verification: undefined }),
    cinder(now, 'Kappa FC', { releases: [], inTree: ['Gazpacho', 'Hibiscus'] }),
    {
      project_id: 'openstack/ironic',
      vendor: 'Fujitsu',
      name: 'iRMC',
      releases: ['Epoxy'],
      upstream_id: 'irmc',
      upstream: { title: 'iRMC', in_tree: ['Caracal', 'Dalmatian', 'Epoxy', 'Flamingo', 'Gazpacho'] },
    },
    {
      project_id: 'openstack/ironic',
      vendor: 'Generic',
      name: 'IPMI',
      upstream_id: 'ipmi',
      upstream: { title: 'IPMI', in_tree: TREE },
    },
    {
      project_id: 'openstack/manila',
      vendor: 'NetApp',
      name: 'NetApp ONTAP',
      upstream_id: 'netapp',
      upstream_classes: ['manila.share.drivers.netapp.common.NetAppDriver'],
      upstream: { title: 'NetApp', in_tree: TREE },
    },
    {
      project_id: 'openstack/neutron',
      vendor: 'OpenStack',
      name: 'Linux bridge',
      releases: ['Caracal'],
      upstream_id: 'linuxbridge',
      upstream: { title: 'Linux bridge', in_tree: ['Caracal', 'Dalmatian'] },
    },
    {
      project_id: 'openstack/neutron',
      vendor: 'OpenStack',
      name: 'OVN',
      upstream_id: 'ovn',
      upstream: { title: 'OVN', in_tree: TREE },
    },
    {
      project_id: 'openstack/nova',
      vendor: 'OpenStack',
      name: 'Libvirt',
      upstream_id: 'libvirt-kvm',
      upstream_classes: ['nova.virt.libvirt.LibvirtDriver'],
      upstream: { title: 'Libvirt KVM', in_tree: TREE },
    },
    { project_id: 'openstack/sahara', vendor: 'Acme', name: 'Acme Hadoop plugin', releases: ['Caracal'] },
  ];
  const git = (name: string) => `https://opendev.org/openstack/${name}`;
  return {
    projects: [
      {
        id: 'openstack/cinder',
        name: 'Cinder (Block Storage)',
        upstream: {
          git: git('cinder'),
          support_matrix: 'doc/source/reference/support-matrix.ini',
          support_feature: 'supported',
          code: { paths: ['cinder/volume/drivers'], marker: 'interface.volumedriver' },
        },
        features: [
          { id: 'supported', title: 'Supported vendor driver', status: 'optional' },
          { id: 'qos', title: 'QoS', status: 'optional' },
          { id: 'multiattach', title: 'Multi-attach', status: 'optional' },
          { id: 'replication', title: 'Replication', status: 'optional' },
        ],
      },
      {
        id: 'openstack/ironic',
        name: 'Ironic (Bare Metal)',
        upstream: { git: git('ironic'), format: 'ironic-entry-points' },
      },
      {
        id: 'openstack/manila',
        name: 'Manila (Shared File Systems)',
        upstream: { git: git('manila'), support_matrix: 'doc/m.rst', format: 'manila-rst' },
      },
      {
        id: 'openstack/neutron',
        name: 'Neutron (Networking)',
        upstream: { git: git('neutron'), support_matrix: 'doc/general.ini' },
      },
      {
        id: 'openstack/nova',
        name: 'Nova (Compute)',
        upstream: { git: git('nova'), support_matrix: 'doc/n.ini' },
      },
      { id: 'openstack/sahara', name: 'Sahara (Data Processing)', retired_on: '2024-05-10' },
    ],
    releases: [
      ...RELEASES.filter((r) => ['Caracal', 'Dalmatian', 'Epoxy'].includes(r.id)),
      release('Flamingo', '2025-10-01', 'stable/2025.2', true),
      release('Gazpacho', '2026-04-01', 'stable/2026.1', true),
      release('Hibiscus', '2026-09-30', 'stable/2026.2', true),
      release(
        'Indri',
        iso(Math.max(now, Date.parse('2026-10-01')) + 120 * DAY).slice(0, 10),
        'stable/2027.1',
      ),
    ],
    drivers: drivers.map((driver) => {
      // A driver without a ci block has no records; `undefined` fields are not the file's shape.
      const copy = { ...driver };
      for (const key of Object.keys(copy) as Array<keyof Driver>)
        if (copy[key] === undefined) delete copy[key];
      return copy;
    }),
  };
}
