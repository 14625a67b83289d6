import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { ciPatterns } from './shape.ts';
import { quote } from '../quote.ts';

// A pattern that matches the empty string ("", ".*", "(SUCCESS)?") matches every line of every
// comment, so the first line of the CI's newest comment would decide the result.
export const matchesEverything: Check = {
  id: 'matches-everything',
  description: 'No CI pattern matches the empty string (and so every line).',
  run: ({ data, compile }) =>
    ciPatterns(data, compile).flatMap(({ field, pointer, source, compiled }): Problem[] =>
      !compiled.ok || !compiled.test('')
        ? []
        : [
            {
              check: 'matches-everything',
              severity: 'error',
              pointer,
              message: `${field} ${quote(source)} matches the empty string, so it matches every line`,
              hint: 'require the text of the result, e.g. "my-job \\S+ : SUCCESS" instead of making every part optional',
            },
          ],
    ),
};
