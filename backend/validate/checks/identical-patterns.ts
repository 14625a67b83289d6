import type { Check } from './check.ts';
import { ciBlocks, driverLabel } from './shape.ts';
import { quote } from '../../common/quote.ts';

// With equal patterns every matching line counts as a success (the success pattern is tried first),
// so the driver could never be shown failing.
export const identicalPatterns: Check = {
  id: 'identical-patterns',
  description: 'A CI success_pattern differs from its failure_pattern.',
  run: ({ data }) =>
    ciBlocks(data).flatMap(({ ci, pointer, driver }) =>
      typeof ci.success_pattern === 'string' && ci.success_pattern === ci.failure_pattern
        ? [
            {
              check: 'identical-patterns',
              severity: 'error' as const,
              pointer: `${pointer}/failure_pattern`,
              message: `success_pattern and failure_pattern of driver ${driverLabel(driver.value)} are both ${quote(ci.success_pattern)}`,
              hint: 'each must match only its own outcome, e.g. "my-job \\S+ : SUCCESS" and "my-job \\S+ : FAILURE"',
            },
          ]
        : [],
    ),
};
