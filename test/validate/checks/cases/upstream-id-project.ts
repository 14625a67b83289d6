import { acme, edit, type FailingCase } from '../failing-case.ts';

export const failingCases: FailingCase[] = [
  {
    check: 'upstream-id-project',
    registry: () => edit((r) => (acme(r).upstream_id = 'acme_iscsi')),
    pointer: '/drivers/0/upstream_id',
    message:
      /^upstream_id "acme_iscsi" names a support-matrix driver, but project openstack\/cinder has no "upstream"$/,
    hint: /add "upstream".* to openstack\/cinder, or remove upstream_id/,
  },
];
