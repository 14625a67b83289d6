import { compareText } from '../../../backend/model/key-order.ts';
import type { Driver, Feature, ProjectUpstream, Registry } from '../../../backend/model/types.ts';
import { coveredReleases, treeReleases } from './lifecycle.ts';
import type { ReleaseView } from './release-views.ts';
import { projectSlugs } from './slugs.ts';

export interface ProjectView {
  id: string;
  name: string;
  slug: string;
  /** The operations of the project's newest support matrix, in its order (empty without one). */
  features: Feature[];
  /** Where the project publishes its support matrix, and which feature means "supported". */
  upstream?: ProjectUpstream;
  /** Releases some driver of this project is in the matrix of, oldest first: the matrix pages. */
  matrixReleases: string[];
  /** Releases some driver of this project is in the tree of (matrix or driver classes), oldest first. */
  treeReleases: string[];
  /** Every release up to the newest of those: what its tree data covers. */
  coveredReleases: string[];
  /** The day OpenStack retired the project, YYYY-MM-DD. */
  retiredOn?: string;
  driverCount: number;
}

/** Listed projects and any a driver names, by name, with what their pages need. */
export function projectViews(
  registry: Pick<Registry, 'projects'>,
  drivers: readonly Driver[],
  releases: readonly ReleaseView[],
): ProjectView[] {
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
      const inMatrix = new Set(own.flatMap((d) => d.upstream?.in_tree ?? []));
      const inTree = new Set(own.flatMap((d) => [...treeReleases(d)]));
      const view: ProjectView = {
        id,
        name: project?.name ?? id,
        slug: slugs.get(id)!,
        features: project?.features ?? [],
        matrixReleases: releases.filter((r) => inMatrix.has(r.id)).map((r) => r.id),
        treeReleases: releases.filter((r) => inTree.has(r.id)).map((r) => r.id),
        coveredReleases: coveredReleases(
          releases.map((r) => r.id),
          [...inTree],
        ),
        driverCount: own.length,
      };
      if (project?.upstream) view.upstream = project.upstream;
      if (project?.retired_on) view.retiredOn = project.retired_on;
      return view;
    })
    .sort((a, b) => compareText(a.name, b.name));
}
