import { pointerOf } from '../../json/pointer.ts';
import { UNESCAPED_QUOTE } from '../../json/scan.ts';
import { findEmailAddress } from '../../common/email-address.ts';
import type { Problem } from '../problem.ts';
import { quote } from '../../common/quote.ts';
import type { Check } from './check.ts';
import { isRecord } from './shape.ts';

// Everything in the registry except a maintainer's `email` field is published by the dashboard and its API.
// The original DriverLog leaked maintainers' addresses; an address typed into a name or a description would
// leak the same way, and so would one in the fields the jobs write (a CI comment quoted into `verification`,
// notes copied from a support matrix into `upstream`): those are checked too.
//
// An address holds an '@'. When the text has none outside the plain string values of `email` members (an '@' can
// also be written \u0040), no published string holds one, and one native pass over the text replaces the walk
// of every value. An `email` key whose quote is escaped is inside a string, not a member.
const EMAIL_MEMBER = new RegExp(String.raw`${UNESCAPED_QUOTE}email"[ \t\n\r]*:[ \t\n\r]*"[^"\\]*"`, 'g');

/** Whether an '@' of the text is outside every `email` member (searched natively, and no text is built). */
function atOutsideEmail(text: string): boolean {
  if (text.includes('\\u0040')) return true;
  EMAIL_MEMBER.lastIndex = 0;
  let member = EMAIL_MEMBER.exec(text);
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    while (member !== null && EMAIL_MEMBER.lastIndex <= at) member = EMAIL_MEMBER.exec(text);
    if (member === null || at < member.index) return true;
  }
  return false;
}

export const publishedEmail: Check = {
  id: 'published-email',
  description:
    'No e-mail address in a field that is published (only a maintainer\u2019s `email` stays private).',
  run: ({ data, source }) => {
    const problems: Problem[] = [];
    if (source.ok && !atOutsideEmail(source.text)) return problems;
    // Every string of the registry is read: the path is kept as keys, and made a pointer only for a problem.
    const path: Array<string | number> = [];
    const walk = (value: unknown, key: string): void => {
      if (key === 'email') return;
      if (typeof value === 'string') {
        const address = value.includes('@') ? findEmailAddress(value) : undefined;
        if (address)
          problems.push({
            check: 'published-email',
            severity: 'error',
            pointer: pointerOf(...path),
            message: `${key} contains the e-mail address ${quote(address)}, which the dashboard and API would publish`,
            hint: 'remove it; maintainers can be reached through a Launchpad id or IRC nick',
          });
      } else if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          walk(value[i], key);
          path.pop();
        }
      } else if (isRecord(value)) {
        // for-in allocates no array of keys per object: JSON.parse's objects have exactly their own.
        for (const k in value) {
          path.push(k);
          walk(value[k], k);
          path.pop();
        }
      }
    };
    walk(data, '');
    return problems;
  },
};
