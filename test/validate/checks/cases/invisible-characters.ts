import { acme, edit, type FailingCase } from '../failing-case.ts';

export const failingCases: FailingCase[] = [
  {
    check: 'invisible-characters',
    severity: 'warning',
    registry: () =>
      edit((r) => {
        // One "Acme" with a zero-width space, looking exactly like the other.
        acme(r).vendor = 'Acme\u200b';
      }),
    pointer: '/drivers/0/vendor',
    message:
      /^vendor "Acme\u200b" contains invisible or text-direction characters \(U\+200B\), so it can look like another vendor$/,
    hint: /^write "Acme"$/,
  },
  {
    check: 'invisible-characters',
    severity: 'warning',
    registry: () => edit((r) => (acme(r).name = '\u202eAcme iSCSI driver')),
    pointer: '/drivers/0/name',
    message: /U\+202E/,
  },
];
