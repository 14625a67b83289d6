import { GENERIC_CI_LINES } from '../../ci/generic-ci-lines.ts';
import { lineSet } from '../accepted-pattern.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { ciPatterns } from './shape.ts';
import { quote } from '../../common/quote.ts';

const GENERIC = lineSet(GENERIC_CI_LINES);

export const broadPattern: Check = {
  id: 'broad-pattern',
  description: "CI patterns do not match generic lines any CI posts (they must name the driver's own job).",
  run: ({ data, compile }) =>
    ciPatterns(data, compile).flatMap(({ field, pointer, source, compiled }): Problem[] => {
      // Patterns matching everything are matches-everything's to report.
      if (!compiled.ok || compiled.test('')) return [];
      const line = compiled.find(GENERIC);
      if (!line) return [];
      return [
        {
          check: 'broad-pattern',
          severity: 'warning',
          pointer,
          message: `${field} ${quote(source)} also matches ${JSON.stringify(line.text)} (a generic ${line.origin}), so another job's or another CI's result would count for this driver`,
          hint: `anchor the pattern on the driver's own job name, e.g. "my-driver-job \\S+ : ${field === 'success_pattern' ? 'SUCCESS' : 'FAILURE'}"`,
        },
      ];
    }),
};
