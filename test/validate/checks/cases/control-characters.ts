import { acme, edit, type FailingCase } from '../failing-case.ts';

export const failingCases: FailingCase[] = [
  {
    // Renders as "Acme iSCSI driver", so it looked like the real driver and took its page.
    check: 'control-characters',
    registry: () => edit((r) => (acme(r).name = 'Acme\tiSCSI driver')),
    pointer: '/drivers/0/name',
    message: /^name "Acme\\tiSCSI driver" contains a tab \(at character 5\)$/,
    hint: /^write it on one line with ordinary spaces: "Acme iSCSI driver"$/,
  },
  {
    check: 'control-characters',
    registry: () => edit((r) => (acme(r).vendor = 'Acme\u0007')),
    pointer: '/drivers/0/vendor',
    message: /contains the control character U\+0007/,
  },
  {
    check: 'control-characters',
    registry: () => edit((r) => (r.projects[0]!.name = 'Cinder\n(Block Storage)')),
    pointer: '/projects/0/name',
    message: /contains a line break/,
  },
  {
    check: 'control-characters',
    registry: () => edit((r) => (acme(r).maintainers![0]!.name = 'Jane\rDoe')),
    pointer: '/drivers/0/maintainers/0/name',
    message: /contains a carriage return/,
  },
];

export const passingCases: Array<[string, () => unknown]> = [
  [
    'letters beyond ASCII are ordinary characters',
    () => edit((r) => (acme(r).name = 'Acme Überdrive iSCSI')),
  ],
];
