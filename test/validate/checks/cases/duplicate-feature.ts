import { edit, type FailingCase } from '../failing-case.ts';

export const failingCases: FailingCase[] = [
  {
    check: 'duplicate-feature',
    registry: () =>
      edit((r) => {
        r.projects[0]!.features = [
          { id: 'qos', title: 'QoS', status: 'optional' },
          { id: 'multiattach', title: 'Multi-attach', status: 'optional' },
          { id: 'qos', title: 'Quality of service', status: 'optional' },
        ];
      }),
    pointer: '/projects/0/features/2/id',
    message: /^feature id "qos" repeats features\[0\] of openstack\/cinder$/,
    hint: /driverlog sync/,
  },
];
