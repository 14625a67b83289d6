import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { ciPatterns, jobPatterns } from './shape.ts';
import { quote } from '../../common/quote.ts';

// A pattern that matches the empty string ("", ".*", "(SUCCESS)?") matches every line of every
// comment, so the first line of the CI's newest comment would decide the result. A jobs entry is matched
// against whole job names: one that matches any name (".*", ".+") picks out nothing, and reads like a
// restriction that is not there.
// Job names are never empty: ".+" matches every one as surely as ".*".
const ANY_JOB_NAMES = ['a', 'tempest-full', 'Other_CI.job/9'];

export const matchesEverything: Check = {
  id: 'matches-everything',
  description:
    'No CI pattern matches the empty string (and so every line), and no ci.jobs entry every job name.',
  run: ({ data, compile }) => [
    ...ciPatterns(data, compile).flatMap(({ field, pointer, source, compiled }): Problem[] =>
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
    ...jobPatterns(data, compile).flatMap(({ pointer, source, compiled }): Problem[] => {
      if (!compiled.ok) return [];
      // Whole-name matching, as the update reads jobs; the entry compiled alone first, so the group is its own.
      const whole = compile(`^(?:${source})$`);
      if (!whole.ok || !ANY_JOB_NAMES.every((name) => whole.test(name))) return [];
      return [
        {
          check: 'matches-everything',
          severity: 'error',
          pointer,
          message: `jobs entry ${quote(source)} matches every job name, so it picks none of the driver's jobs out`,
          hint: 'name the driver\'s own jobs, e.g. "cinder-tempest-acme-.*", or leave "jobs" out to count every job of the report',
        },
      ];
    }),
  ],
};
