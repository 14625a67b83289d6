import type { Driver, DriverUpstream, Registry } from '../../../../backend/model/types.ts';
import { acme, edit, type FailingCase } from '../failing-case.ts';

/** A valid linked driver (releases Queens, Rocky) with `upstream` changed by `change`. */
const linked = (change: (upstream: DriverUpstream, r: Registry) => void) =>
  edit((r) => {
    r.projects[0]!.upstream = { git: 'https://opendev.org/openstack/cinder', support_matrix: 'm.ini' };
    const driver: Driver = acme(r);
    driver.upstream_id = 'acme_iscsi';
    driver.upstream = {
      title: 'Acme Driver (iSCSI)',
      in_tree: ['Queens', 'Rocky'],
      features: {
        qos: [
          ['Queens', 'missing'],
          ['Rocky', 'complete'],
        ],
      },
    };
    change(driver.upstream, r);
  });

export const failingCases: FailingCase[] = [
  {
    check: 'upstream-releases',
    registry: () => linked((u) => (u.in_tree = ['Rocky', 'Queens'])),
    pointer: '/drivers/0/upstream/in_tree/1',
    message: /^in_tree release "Queens" is out of release order \(or repeated\)$/,
    hint: /oldest first/,
  },
  {
    check: 'upstream-releases',
    registry: () => linked((u) => (u.in_tree = ['Queens', 'Rocki'])),
    pointer: '/drivers/0/upstream/in_tree/1',
    message: /^in_tree release "Rocki" is not in the releases list$/,
  },
  {
    check: 'upstream-releases',
    registry: () =>
      linked((u) => {
        u.in_tree = ['Rocky'];
        u.features = {
          qos: [
            ['Queens', 'missing'],
            ['Rocky', 'complete'],
          ],
        };
      }),
    pointer: '/drivers/0/upstream/features/qos/0/0',
    message: /^feature "qos" has a value for Queens, a release the driver is not in the tree in$/,
  },
  {
    check: 'upstream-releases',
    registry: () =>
      linked(
        (u) =>
          (u.features = {
            qos: [
              ['Rocky', 'complete'],
              ['Queens', 'missing'],
            ],
          }),
      ),
    pointer: '/drivers/0/upstream/features/qos/1/0',
    message: /^feature "qos" release "Queens" is out of release order/,
  },
  {
    check: 'upstream-releases',
    registry: () => linked((_u, r) => (r.projects[0]!.upstream!.refs = { Bobcat: '23.2.0' })),
    pointer: '/projects/0/upstream/refs/Bobcat',
    message: /^upstream.refs names release "Bobcat" is not in the releases list$/,
  },
];

export const passingCases: Array<[string, () => unknown]> = [
  ['a linked driver sync wrote', () => linked(() => {})],
];
