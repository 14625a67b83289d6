import { GENERIC_CI_LINES } from '../../ci/generic-ci-lines.ts';
import { lineSet } from '../accepted-pattern.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { ciPatterns, type PatternField } from './shape.ts';
import { quote } from '../../common/quote.ts';

// The original data still carried a driver whose success pattern was "Build failed.": it was shown
// passing exactly when it failed. Test each pattern on lines of the opposite outcome, and on the
// pattern's own words.
const OPPOSITE: Record<PatternField, 'success' | 'failure'> = {
  success_pattern: 'failure',
  failure_pattern: 'success',
};
const LINES = {
  success: lineSet(GENERIC_CI_LINES.filter((line) => line.outcome === 'success')),
  failure: lineSet(GENERIC_CI_LINES.filter((line) => line.outcome === 'failure')),
};
const WORDS: Record<'success' | 'failure', RegExp> = {
  success: /succe|pass|\bok\b/i,
  failure: /fail|error|unstable|timed_out/i,
};

export const swappedPatterns: Check = {
  id: 'swapped-patterns',
  description:
    'The success pattern does not match failure lines, and the failure pattern does not match success lines.',
  run: ({ data, compile }) =>
    ciPatterns(data, compile).flatMap(({ field, pointer, source, compiled }): Problem[] => {
      if (!compiled.ok || compiled.test('')) return [];
      const wrong = OPPOSITE[field];
      const own = wrong === 'success' ? 'failure' : 'success';
      const line = compiled.find(LINES[wrong]);
      const wordy = WORDS[wrong].test(source) && !WORDS[own].test(source);
      if (!line && !wordy) return [];
      return [
        {
          check: 'swapped-patterns',
          severity: 'warning',
          pointer,
          message: line
            ? `${field} ${quote(source)} matches the ${wrong} line ${JSON.stringify(line.text)}`
            : `${field} ${quote(source)} reads like a ${wrong} pattern`,
          hint: 'are success_pattern and failure_pattern swapped? success_pattern must match only passing results',
        },
      ];
    }),
};
