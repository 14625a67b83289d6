import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { listOf } from './shape.ts';
import { quote } from '../../common/quote.ts';

export const repeatedRelease: Check = {
  id: 'repeated-release',
  description: "A driver's releases list names each release once.",
  run: ({ data }) => {
    const problems: Problem[] = [];
    for (const driver of listOf(data, 'drivers') ?? []) {
      const releases = driver.value.releases;
      if (!Array.isArray(releases) || unique(releases)) continue;
      const seen = new Map<unknown, number>();
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
    }
    return problems;
  },
};

/** Whether no item repeats: a driver lists a few releases, compared pairwise without allocating. */
function unique(items: readonly unknown[]): boolean {
  if (items.length > 32) return new Set(items).size === items.length;
  for (let i = 1; i < items.length; i++) for (let j = 0; j < i; j++) if (items[i] === items[j]) return false;
  return true;
}
