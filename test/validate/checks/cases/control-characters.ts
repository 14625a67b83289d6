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
  {
    // sync wrote a matrix title's NUL byte into the registry, and validate then reported nothing.
    check: 'control-characters',
    registry: () => edit((r) => (acme(r).upstream = { title: 'Acme\u0000iSCSI', in_tree: ['Rocky'] })),
    pointer: '/drivers/0/upstream/title',
    message: /^title "Acme\\u0000iSCSI" contains the control character U\+0000 \(at character 5\)$/,
    hint: /only `driverlog sync` writes this/,
  },
  {
    check: 'control-characters',
    registry: () =>
      edit(
        (r) => (r.projects[0]!.features = [{ id: 'qos', title: 'QoS', status: 'optional', notes: 'a\tb' }]),
      ),
    pointer: '/projects/0/features/0/notes',
    message: /contains a tab/,
  },
  {
    check: 'control-characters',
    registry: () => edit((r) => (acme(r).verification!.Rocky!.comment = 'acme-iscsi \u001b[2J: SUCCESS')),
    pointer: '/drivers/0/verification/Rocky/comment',
    message: /contains the control character U\+001B/,
    hint: /only `driverlog update` writes this/,
  },
];

export const passingCases: Array<[string, () => unknown]> = [
  [
    'letters beyond ASCII are ordinary characters',
    () => edit((r) => (acme(r).name = 'Acme Überdrive iSCSI')),
  ],
  [
    'notes continue over lines, as matrices write them',
    () =>
      edit(
        (r) =>
          (r.projects[0]!.features = [{ id: 'qos', title: 'QoS', status: 'optional', notes: 'one\ntwo' }]),
      ),
  ],
];
