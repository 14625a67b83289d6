import { edit, type FailingCase } from '../failing-case.ts';

export const failingCases: FailingCase[] = [
  {
    check: 'unknown-support-feature',
    registry: () =>
      edit((r) => {
        r.projects[0]!.upstream = {
          git: 'https://opendev.org/openstack/cinder',
          support_matrix: 'm.ini',
          support_feature: 'suported',
        };
        r.projects[0]!.features = [{ id: 'supported', title: 'Supported', status: 'optional' }];
      }),
    pointer: '/projects/0/upstream/support_feature',
    message: /^support_feature "suported" is not one of openstack\/cinder's features$/,
    hint: /^write one of: supported$/,
  },
];

export const passingCases: Array<[string, () => unknown]> = [
  [
    'a support_feature before sync has written any feature',
    () =>
      edit((r) => {
        r.projects[0]!.upstream = {
          git: 'https://opendev.org/openstack/cinder',
          support_matrix: 'm.ini',
          support_feature: 'supported',
        };
      }),
  ],
];
