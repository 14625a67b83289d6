import type { Problem } from '../problem.ts';
import { quote } from '../../common/quote.ts';
import type { Check } from './check.ts';
import { listOf, stringAt } from './shape.ts';

// A driver is named "project_id:vendor:name" (check-ci --driver, the batch job's fingerprints). With a
// ":" inside a vendor or a name, vendor "A" / name "B:C" and vendor "A:B" / name "C" share the key
// "…:A:B:C": the job rescans both on every run and check-ci cannot select the second.
export const keySeparator: Check = {
  id: 'key-separator',
  description: 'No ":" in a driver\u2019s vendor or name: it separates the parts of a driver key.',
  run: ({ data }) =>
    (listOf(data, 'drivers') ?? []).flatMap((driver) =>
      (['vendor', 'name'] as const).flatMap((key): Problem[] => {
        const text = stringAt(driver.value, key);
        if (text === undefined || !text.includes(':')) return [];
        return [
          {
            check: 'key-separator',
            severity: 'error',
            pointer: `${driver.pointer}/${key}`,
            message: `${key} ${quote(text)} contains ":", which separates project, vendor and name in a driver key (project_id:vendor:name)`,
            hint: `write it without ":", e.g. ${quote(text.replaceAll(':', ' -'), 200)}, so that every driver key names one driver`,
          },
        ];
      }),
    ),
};
