import { acme, edit, type FailingCase } from '../failing-case.ts';

export const failingCases: FailingCase[] = [
  {
    check: 'upstream-link',
    registry: () =>
      edit((r) => {
        r.projects[0]!.upstream = { git: 'https://opendev.org/openstack/cinder', support_matrix: 'm.ini' };
        acme(r).upstream_id = 'acme_iscsi';
        acme(r).upstream_deliverable = 'networking-acme';
      }),
    pointer: '/drivers/0/upstream_deliverable',
    message: /^upstream_deliverable "networking-acme" and upstream_id "acme_iscsi" both link this driver$/,
    hint: /keep upstream_id when the project’s matrix lists the driver/,
  },
];

export const passingCases: Array<[string, () => unknown]> = [
  [
    'a driver linked to a deliverable alone',
    () => edit((r) => (acme(r).upstream_deliverable = 'networking-acme')),
  ],
];
