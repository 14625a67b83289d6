import { edit, type FailingCase } from '../failing-case.ts';

// Inserted after the Acme iSCSI driver, in canonical order (cinder before nova).
const add = (name: string, vendor = 'Acme') =>
  edit((r) => r.drivers.splice(1, 0, { project_id: 'openstack/cinder', vendor, name }));

export const failingCases: FailingCase[] = [
  {
    // The real name in quotes: it passed validate and took the real driver's page and passing badge.
    check: 'slug-collision',
    registry: () => add('"Acme iSCSI driver"'),
    pointer: '/drivers/0',
    message:
      /^driver "Acme \/ Acme iSCSI driver" has the permalink of drivers\[1\] "Acme \/ \\"Acme iSCSI driver\\"": both are drivers\/cinder-acme-acme-iscsi-driver\/ \(and its feed and badges\)$/,
    hint: /^rename one of them/,
  },
  {
    check: 'slug-collision',
    registry: () => add('Acme iSCSI Driver!'),
    pointer: '/drivers/1',
    message: /has the permalink of drivers\[0\] "Acme \/ Acme iSCSI driver"/,
  },
  {
    check: 'slug-collision',
    registry: () => add('iSCSI driver', 'Acme / Acme'.replace(' / ', ' ')),
    pointer: '/drivers/1',
    message: /both are drivers\/cinder-acme-acme-iscsi-driver\//,
  },
];

export const passingCases: Array<[string, () => unknown]> = [
  ['names that differ in a letter', () => add('Acme iSCSI drivers')],
  ['the same name in another project', () => edit((r) => (r.drivers[1]!.name = 'Acme iSCSI driver'))],
];
