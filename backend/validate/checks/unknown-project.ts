import { closest } from '../../common/closest.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { listOf, stringAt } from './shape.ts';
import { quote } from '../quote.ts';

export const unknownProject: Check = {
  id: 'unknown-project',
  description: "Every driver's project_id is one of the listed projects.",
  run: ({ data }) => {
    const projects = listOf(data, 'projects');
    if (!projects) return [];
    const ids = projects.flatMap((project) => stringAt(project.value, 'id') ?? []);
    const known = new Set(ids);
    return (listOf(data, 'drivers') ?? []).flatMap((driver): Problem[] => {
      const id = stringAt(driver.value, 'project_id');
      if (id === undefined || known.has(id)) return [];
      const suggestion = closest(id, ids);
      return [
        {
          check: 'unknown-project',
          severity: 'error',
          pointer: `${driver.pointer}/project_id`,
          message: `project ${quote(id)} is not in the projects list`,
          hint: suggestion ? `did you mean "${suggestion}"?` : 'add the project to "projects", or fix the id',
        },
      ];
    });
  },
};
