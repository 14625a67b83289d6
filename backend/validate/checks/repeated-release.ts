import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { listOf } from './shape.ts';
import { quote } from '../../common/quote.ts';

export const repeatedRelease: Check = {
  id: 'repeated-release',
  description: "A driver's releases list names each release once.",
  run: ({ data }) =>
    (listOf(data, 'drivers') ?? []).flatMap((driver) => {
      const releases = driver.value.releases;
      if (!Array.isArray(releases)) return [];
      const seen = new Map<unknown, number>();
      const problems: Problem[] = [];
      releases.forEach((id, index) => {
        const first = seen.get(id);
        if (first === undefined) seen.set(id, index);
        else {
          problems.push({
            check: 'repeated-release',
            severity: 'warning',
            pointer: `${driver.pointer}/releases/${index}`,
            message: `release ${quote(id)} is listed twice (also at releases[${first}])`,
            hint: 'remove the repeated entry',
          });
        }
      });
      return problems;
    }),
};
