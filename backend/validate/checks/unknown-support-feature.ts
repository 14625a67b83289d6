import type { Check } from './check.ts';
import { isRecord, listOf, stringAt } from './shape.ts';

// A misspelt support_feature would never be "missing", so every driver would look supported.
export const unknownSupportFeature: Check = {
  id: 'unknown-support-feature',
  description: "A project's upstream.support_feature is one of its features (once sync has written them).",
  run: ({ data }) =>
    (listOf(data, 'projects') ?? []).flatMap((project) => {
      const upstream = project.value.upstream;
      const feature = stringAt(upstream, 'support_feature');
      const features = project.value.features;
      if (!isRecord(upstream) || feature === undefined || !Array.isArray(features) || features.length === 0)
        return [];
      const ids = features.flatMap((f) => stringAt(f, 'id') ?? []);
      if (ids.includes(feature)) return [];
      return [
        {
          check: 'unknown-support-feature',
          severity: 'error' as const,
          pointer: `${project.pointer}/upstream/support_feature`,
          message: `support_feature "${feature}" is not one of ${stringAt(project.value, 'id')}'s features`,
          hint: `write one of: ${ids.join(', ')}`,
        },
      ];
    }),
};
