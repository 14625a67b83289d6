import { appendPointer } from '../../json/pointer.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { listOf, stringAt } from './shape.ts';

// Drivers' upstream.features are keyed by feature id: two features with one id would share one history.
export const duplicateFeature: Check = {
  id: 'duplicate-feature',
  description: "A project's feature ids are unique.",
  run: ({ data }) =>
    (listOf(data, 'projects') ?? []).flatMap((project) => {
      const features = project.value.features;
      if (!Array.isArray(features)) return [];
      const first = new Map<string, number>();
      const problems: Problem[] = [];
      features.forEach((feature, index) => {
        const id = stringAt(feature, 'id');
        if (id === undefined) return;
        const earlier = first.get(id);
        if (earlier === undefined) {
          first.set(id, index);
          return;
        }
        problems.push({
          check: 'duplicate-feature',
          severity: 'error',
          pointer: `${appendPointer(`${project.pointer}/features`, index)}/id`,
          message: `feature id "${id}" repeats features[${earlier}] of ${stringAt(project.value, 'id') ?? 'this project'}`,
          hint: '`driverlog sync` writes features from the matrix: run it again rather than editing them',
        });
      });
      return problems;
    }),
};
