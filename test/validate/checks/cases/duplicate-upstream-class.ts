import type { Registry } from '../../../../backend/model/types.ts';
import { acme, edit, type FailingCase } from '../failing-case.ts';

const RBD = 'cinder.volume.drivers.rbd.RBDDriver';

const second = (r: Registry, classes: string[], project = 'openstack/cinder') =>
  r.drivers.push({
    project_id: project,
    vendor: 'Acme',
    name: 'Acme NVMe driver',
    upstream_classes: classes,
  });

export const failingCases: FailingCase[] = [
  {
    check: 'duplicate-upstream-class',
    registry: () =>
      edit((r) => {
        acme(r).upstream_classes = ['cinder.volume.drivers.acme.AcmeISCSIDriver', RBD];
        second(r, ['cinder.volume.drivers.acme.AcmeNVMeDriver', RBD]);
      }),
    pointer: '/drivers/2/upstream_classes/1',
    message:
      /^upstream class cinder\.volume\.drivers\.rbd\.RBDDriver of openstack\/cinder is already linked by drivers\[0\] "Acme \/ Acme iSCSI driver"$/,
    hint: /remove it from the upstream_classes of one of the two/,
  },
];

export const passingCases: Array<[string, () => unknown]> = [
  [
    'one class path in two projects is two classes',
    () =>
      edit((r) => {
        acme(r).upstream_classes = [RBD];
        second(r, [RBD], 'openstack/nova');
      }),
  ],
  [
    'several classes of one driver',
    () => edit((r) => (acme(r).upstream_classes = [RBD, 'cinder.volume.drivers.rbd.RBDISCSIDriver'])),
  ],
];
