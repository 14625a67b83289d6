import { acme, edit, type FailingCase } from '../failing-case.ts';

export const failingCases: FailingCase[] = [
  {
    // The batch job quotes the CI's line into `verification`, and the dashboard shows it.
    check: 'published-email',
    registry: () =>
      edit(
        (r) =>
          (acme(r).verification!.Rocky!.comment =
            '- acme-iscsi-tempest : SUCCESS (ask ci-admin@acme.example)'),
      ),
    pointer: '/drivers/0/verification/Rocky/comment',
    message: /^comment contains the e-mail address "ci-admin@acme\.example"/,
  },
  {
    check: 'published-email',
    registry: () => edit((r) => (acme(r).description = 'A'.repeat(100_000) + '@acme.example')),
    pointer: '/drivers/0/description',
    message: /^description contains the e-mail address "A{80}…" \(100,013 characters\)/,
  },
];

export const passingCases: Array<[string, () => unknown]> = [
  // Once quadratic: 80,000 letters took seconds, a megabyte never finished.
  ['a long run of letters with no address', () => edit((r) => (acme(r).description = 'A'.repeat(4_000)))],
];
