import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { listOf, stringAt } from './shape.ts';

// Release ids are compared case-insensitively because they become branch names (stable/<id lower>):
// "Rocky" and "rocky" would be the same branch.
export const duplicateId: Check = {
  id: 'duplicate-id',
  description: 'Project ids are unique, and release ids are unique ignoring case.',
  run: ({ data }) => [
    ...repeated(data, 'projects', (id) => id),
    ...repeated(data, 'releases', (id) => id.toLowerCase()),
  ],
};

function repeated(
  data: unknown,
  list: 'projects' | 'releases',
  normalize: (id: string) => string,
): Problem[] {
  const first = new Map<string, number>();
  const problems: Problem[] = [];
  for (const item of listOf(data, list) ?? []) {
    const id = stringAt(item.value, 'id');
    if (id === undefined) continue;
    const earlier = first.get(normalize(id));
    if (earlier === undefined) first.set(normalize(id), item.index);
    else {
      problems.push({
        check: 'duplicate-id',
        severity: 'error',
        pointer: `${item.pointer}/id`,
        message: `${list === 'projects' ? 'project' : 'release'} id "${id}" repeats ${list}[${earlier}]`,
        hint: 'merge the two entries into one',
      });
    }
  }
  return problems;
}
