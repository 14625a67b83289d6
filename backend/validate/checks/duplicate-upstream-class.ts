import { appendPointer } from '../../json/pointer.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { driverLabel, listOf, stringAt } from './shape.ts';

// A driver class of a project is one registry driver: sync writes each class's CI_WIKI_NAME and SUPPORTED
// into the driver that links it, and could not tell which of two to write.
export const duplicateUpstreamClass: Check = {
  id: 'duplicate-upstream-class',
  description: 'No two drivers of a project link the same upstream class.',
  run: ({ data }) => {
    const first = new Map<string, { index: number; label: string }>();
    const problems: Problem[] = [];
    for (const driver of listOf(data, 'drivers') ?? []) {
      const project = stringAt(driver.value, 'project_id');
      const classes = driver.value.upstream_classes;
      if (project === undefined || !Array.isArray(classes)) continue;
      classes.forEach((path, i) => {
        if (typeof path !== 'string') return;
        const key = JSON.stringify([project, path]);
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, { index: driver.index, label: driverLabel(driver.value) });
          return;
        }
        // The schema's uniqueItems reports a class listed twice by one driver.
        if (earlier.index === driver.index) return;
        problems.push({
          check: 'duplicate-upstream-class',
          severity: 'error',
          pointer: appendPointer(`${driver.pointer}/upstream_classes`, String(i)),
          message: `upstream class ${path} of ${project} is already linked by drivers[${earlier.index}] ${earlier.label}`,
          hint: 'a driver class is one registry driver: remove it from the upstream_classes of one of the two',
        });
      });
    }
    return problems;
  },
};
