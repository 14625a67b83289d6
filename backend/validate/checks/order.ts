import { compareDrivers, compareProjects, compareReleases } from '../../model/key-order.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { driverLabel, listOf, stringAt, type Item, type Json } from './shape.ts';

// A fixed order keeps diffs small and merge conflicts rare; `driverlog format` restores it, so this
// check only has to say what is out of place.
export const order: Check = {
  id: 'order',
  description: 'Projects are sorted by id, releases by date, drivers by project_id, vendor and name.',
  run: ({ data }) => [
    ...outOfPlace(
      listOf(data, 'projects'),
      compareProjects,
      'projects are sorted by id',
      (p) => `project "${stringAt(p, 'id')}"`,
    ),
    ...outOfPlace(
      listOf(data, 'releases'),
      compareReleases,
      'releases are sorted by start date',
      (r) => `release "${stringAt(r, 'id')}" (${stringAt(r, 'start')})`,
    ),
    ...outOfPlace(
      listOf(data, 'drivers'),
      compareDrivers,
      'drivers are sorted by project_id, vendor and name',
      (d) => `driver ${driverLabel(d)} of ${stringAt(d, 'project_id')}`,
    ),
  ],
};

function outOfPlace(
  items: Item[] | undefined,
  compare: (a: unknown, b: unknown) => number,
  rule: string,
  label: (value: Json) => string,
): Problem[] {
  if (!items) return [];
  const problems: Problem[] = [];
  items.forEach((item, i) => {
    const previous = items[i - 1];
    if (!previous || compare(previous.value, item.value) <= 0) return;
    const before = items.find((other) => compare(other.value, item.value) > 0)!;
    problems.push({
      check: 'order',
      severity: 'error',
      pointer: item.pointer,
      message: `${label(item.value)} is out of place: it belongs before ${label(before.value)} (${rule})`,
      hint: 'run `driverlog format` to sort the file',
    });
  });
  return problems;
}
