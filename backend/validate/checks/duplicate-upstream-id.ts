import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { driverLabel, listOf, stringAt } from './shape.ts';

// One [driver.X] of a project's matrix is one registry driver: two drivers linked to it would both show
// the matrix's facts, and sync could not tell which to write.
export const duplicateUpstreamId: Check = {
  id: 'duplicate-upstream-id',
  description: 'No two drivers of a project share an upstream_id.',
  run: ({ data }) => {
    const first = new Map<string, { index: number; label: string }>();
    const problems: Problem[] = [];
    for (const driver of listOf(data, 'drivers') ?? []) {
      const project = stringAt(driver.value, 'project_id');
      const id = stringAt(driver.value, 'upstream_id');
      if (project === undefined || id === undefined) continue;
      const key = JSON.stringify([project, id]);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, { index: driver.index, label: driverLabel(driver.value) });
        continue;
      }
      problems.push({
        check: 'duplicate-upstream-id',
        severity: 'error',
        pointer: `${driver.pointer}/upstream_id`,
        message: `upstream_id "${id}" of ${project} is already drivers[${earlier.index}] ${earlier.label}`,
        hint: 'a matrix driver is one registry driver: remove upstream_id from one of the two',
      });
    }
    return problems;
  },
};
