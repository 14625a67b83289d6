import { searchLine } from '../pattern.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { ciBlocks, PATTERN_FIELDS } from './shape.ts';

// A pattern that matches the empty string ("", ".*", "(SUCCESS)?") matches every line of every
// comment, so the first line of the CI's newest comment would decide the result.
export const matchesEverything: Check = {
  id: 'matches-everything',
  description: 'No CI pattern matches the empty string (and so every line).',
  run: ({ data, compile }) =>
    ciBlocks(data).flatMap(({ ci, pointer }) =>
      PATTERN_FIELDS.flatMap((field): Problem[] => {
        const source = ci[field];
        const compiled = typeof source === 'string' ? compile(source) : undefined;
        if (!compiled?.ok || !searchLine(compiled.regex, '')) return [];
        return [
          {
            check: 'matches-everything',
            severity: 'error',
            pointer: `${pointer}/${field}`,
            message: `${field} ${JSON.stringify(source)} matches the empty string, so it matches every line`,
            hint: 'require the text of the result, e.g. "my-job \\S+ : SUCCESS" instead of making every part optional',
          },
        ];
      }),
    ),
};
