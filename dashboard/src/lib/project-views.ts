import type { Driver, Registry } from '../../../backend/model/types.ts';
import type { ProjectView, ReleaseView } from './model.ts';
import { projectSlugs } from './slugs.ts';
import { collator } from './text.ts';

/** Listed projects and any a driver names, by name, with what their pages need. */
export function projectViews(
  registry: Registry,
  drivers: readonly Driver[],
  releases: readonly ReleaseView[],
) {
  const listed = new Map(registry.projects.map((p) => [p.id, p]));
  const ids = [...new Set([...listed.keys(), ...drivers.map((d) => d.project_id)])];
  const slugs = projectSlugs(ids);
  const driversOf = new Map<string, Driver[]>();
  for (const d of drivers) {
    const own = driversOf.get(d.project_id);
    if (own) own.push(d);
    else driversOf.set(d.project_id, [d]);
  }
  return ids
    .map((id): ProjectView => {
      const project = listed.get(id);
      const own = driversOf.get(id) ?? [];
      const inTree = new Set(own.flatMap((d) => d.upstream?.in_tree ?? []));
      const view: ProjectView = {
        id,
        name: project?.name ?? id,
        slug: slugs.get(id)!,
        features: project?.features ?? [],
        matrixReleases: releases.filter((r) => inTree.has(r.id)).map((r) => r.id),
        driverCount: own.length,
      };
      if (project?.upstream) view.upstream = project.upstream;
      return view;
    })
    .sort((a, b) => collator.compare(a.name, b.name));
}
