import type { Registry } from '../../../../backend/model/types.ts';
import { acme, edit, type FailingCase } from '../failing-case.ts';

const cinderUpstream = (r: Registry) => {
  r.projects[0]!.upstream = {
    git: 'https://opendev.org/openstack/cinder',
    support_matrix: 'doc/source/reference/support-matrix.ini',
  };
};

export const failingCases: FailingCase[] = [
  {
    check: 'duplicate-upstream-id',
    registry: () =>
      edit((r) => {
        cinderUpstream(r);
        acme(r).upstream_id = 'acme_iscsi';
        r.drivers.push({
          project_id: 'openstack/cinder',
          vendor: 'Acme',
          name: 'Acme NVMe driver',
          upstream_id: 'acme_iscsi',
        });
      }),
    pointer: '/drivers/2/upstream_id',
    message:
      /^upstream_id "acme_iscsi" of openstack\/cinder is already drivers\[0\] "Acme \/ Acme iSCSI driver"$/,
    hint: /remove upstream_id from one of the two/,
  },
];

export const passingCases: Array<[string, () => unknown]> = [
  [
    'one upstream_id in two projects is two matrix drivers',
    () =>
      edit((r) => {
        cinderUpstream(r);
        r.projects[1]!.upstream = { git: 'https://opendev.org/openstack/nova', support_matrix: 'm.ini' };
        acme(r).upstream_id = 'acme';
        r.drivers[1]!.upstream_id = 'acme';
      }),
  ],
];
