import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { isRecord, listOf, stringAt } from './shape.ts';

// upstream_id names a [driver.X] of the project's support matrix: without the project's `upstream`,
// sync has no matrix to find it in and the link means nothing.
export const upstreamIdProject: Check = {
  id: 'upstream-id-project',
  description: 'A driver with an upstream_id belongs to a project that has "upstream".',
  run: ({ data }) => {
    const withUpstream = new Set(
      (listOf(data, 'projects') ?? []).flatMap((project) =>
        isRecord(project.value.upstream) ? (stringAt(project.value, 'id') ?? []) : [],
      ),
    );
    const known = new Set((listOf(data, 'projects') ?? []).flatMap((p) => stringAt(p.value, 'id') ?? []));
    const problems: Problem[] = [];
    for (const driver of listOf(data, 'drivers') ?? []) {
      const project = stringAt(driver.value, 'project_id');
      const id = stringAt(driver.value, 'upstream_id');
      // An unknown project is unknown-project's to report.
      if (project === undefined || id === undefined || !known.has(project) || withUpstream.has(project))
        continue;
      problems.push({
        check: 'upstream-id-project',
        severity: 'error',
        pointer: `${driver.pointer}/upstream_id`,
        message: `upstream_id "${id}" names a support-matrix driver, but project ${project} has no "upstream"`,
        hint: `add "upstream": { "git": …, "support_matrix": … } to ${project}, or remove upstream_id`,
      });
    }
    return problems;
  },
};
