import { acme, edit, type FailingCase } from '../failing-case.ts';

export const failingCases: FailingCase[] = [
  {
    check: 'key-separator',
    registry: () => edit((r) => (acme(r).name = 'Acme: iSCSI driver')),
    pointer: '/drivers/0/name',
    message:
      /^name "Acme: iSCSI driver" contains ":", which separates project, vendor and name in a driver key/,
    hint: /write it without ":", e\.g\. "Acme - iSCSI driver"/,
  },
  {
    // Vendor "Acme:Block" / name "X" and vendor "Acme" / name "Block:X" would share one key.
    check: 'key-separator',
    registry: () => edit((r) => (acme(r).vendor = 'Acme:Block')),
    pointer: '/drivers/0/vendor',
    message: /^vendor "Acme:Block" contains ":"/,
  },
];
