import { formatRegistry } from '../../../../backend/format/canonical.ts';
import type { Registry } from '../../../../backend/model/types.ts';
import { acme, edit, type FailingCase } from '../failing-case.ts';

/** The valid registry's text with one change to the text itself: for what JSON writes in more than one way. */
const retyped = (change: (text: string) => string) => () => {
  const text = formatRegistry(edit(() => {}) as Registry);
  const changed = change(text);
  if (changed === text) throw new Error('the change found nothing to change');
  return changed;
};

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
  // The text is read before any walk (the check skips the walk when no '@' is outside an `email` member): an
  // address it spells otherwise, or a key that only ends in "email", is still found.
  {
    check: 'published-email',
    text: retyped((text) =>
      text.replace('"name": "Acme iSCSI driver"', '"name": "Acme iSCSI (ci\\u0040acme.example)"'),
    ),
    pointer: '/drivers/0/name',
    message: /^name contains the e-mail address "ci@acme\.example"/,
  },
  {
    check: 'published-email',
    text: retyped((text) =>
      text.replace(
        '"name": "Acme iSCSI driver"',
        '"name": "Acme iSCSI driver", "x\\"email": "ci@acme.example"',
      ),
    ),
    pointer: '/drivers/0/x"email',
    message: /^x"email contains the e-mail address "ci@acme\.example"/,
  },
];

export const passingCases: Array<[string, () => unknown]> = [
  // Once quadratic: 80,000 letters took seconds, a megabyte never finished.
  ['a long run of letters with no address', () => edit((r) => (acme(r).description = 'A'.repeat(4_000)))],
];
