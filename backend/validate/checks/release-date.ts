import { parseReleaseDate } from '../../model/releases.ts';
import type { Check } from './check.ts';
import { listOf, stringAt } from './shape.ts';

// The schema checks the form; this checks the day exists (2018-Feb-30 has the form). A wrong date
// misfiles every master-branch result, which goes to the newest release dated before it.
const FORM = /^\d{4}-(?:[A-Z][a-z]{2}|\d{2})-\d{2}$/;

export const releaseDate: Check = {
  id: 'release-date',
  description: "Each release's start is a real calendar date.",
  run: ({ data }) =>
    (listOf(data, 'releases') ?? []).flatMap((release) => {
      const start = stringAt(release.value, 'start');
      if (start === undefined || !FORM.test(start) || parseReleaseDate(start) !== undefined) return [];
      return [
        {
          check: 'release-date',
          severity: 'error' as const,
          pointer: `${release.pointer}/start`,
          message: `"${start}" is not a calendar date`,
          hint: 'use a day that exists, as YYYY-MM-DD (e.g. 2018-08-30) or YYYY-Mon-DD (e.g. 2018-Aug-30)',
        },
      ];
    }),
};
