import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { listOf, stringAt } from './shape.ts';

// A driver's upstream facts come from one place: the project's own matrix (upstream_id), or the release
// that ships it as a deliverable of its own (upstream_deliverable). With both, "in the tree in" would mean
// two things at once, and each sync pass would undo the other's.
export const upstreamLink: Check = {
  id: 'upstream-link',
  description:
    'A driver links its project’s matrix (upstream_id) or a deliverable (upstream_deliverable), not both.',
  run: ({ data }) => {
    const problems: Problem[] = [];
    for (const driver of listOf(data, 'drivers') ?? []) {
      const id = stringAt(driver.value, 'upstream_id');
      const deliverable = stringAt(driver.value, 'upstream_deliverable');
      if (id === undefined || deliverable === undefined) continue;
      problems.push({
        check: 'upstream-link',
        severity: 'error',
        pointer: `${driver.pointer}/upstream_deliverable`,
        message: `upstream_deliverable "${deliverable}" and upstream_id "${id}" both link this driver`,
        hint: 'keep upstream_id when the project’s matrix lists the driver, upstream_deliverable when OpenStack ships it outside the project’s tree',
      });
    }
    return problems;
  },
};
