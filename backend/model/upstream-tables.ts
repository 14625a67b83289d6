import type { Driver, Feature, Project } from './types.ts';

// How the project's own facts are shown: one support table per matrix file, and for each driver where it
// lives. The words and groupings are here so that the dashboard, its feeds and the exports say the same.

export interface FeatureTable {
  /** The matrix file (`feature.matrix`); undefined for a project with one file. */
  matrix?: string;
  /** The file's stem (feature-matrix-lb), or the project's name when it has one file. */
  title: string;
  features: Feature[];
}

/** The project's features as one table per matrix file, in the order sync wrote them. */
export function featureTables(project: Pick<Project, 'name' | 'features'>): FeatureTable[] {
  const tables: FeatureTable[] = [];
  for (const feature of project.features ?? []) {
    let table = tables.find((candidate) => candidate.matrix === feature.matrix);
    if (!table) {
      table = { title: feature.matrix === undefined ? project.name : fileStem(feature.matrix), features: [] };
      if (feature.matrix !== undefined) table.matrix = feature.matrix;
      tables.push(table);
    }
    table.features.push(feature);
  }
  return tables;
}

/** A file's stem: `doc/feature-matrix-lb.ini` → `feature-matrix-lb` (sync prefixes shared feature ids with it). */
export function fileStem(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export type DriverOrigin = 'in-tree' | 'out-of-tree' | 'vendor';

/**
 * Where a driver lives: in the project's tree (its matrices list it), shipped by OpenStack as a deliverable
 * of its own, or neither — maintained by its vendor outside OpenStack's releases.
 */
export function driverOrigin(driver: Pick<Driver, 'upstream'>): DriverOrigin {
  if (driver.upstream?.kind === 'out-of-tree') return 'out-of-tree';
  return (driver.upstream?.in_tree?.length ?? 0) > 0 ? 'in-tree' : 'vendor';
}

export const ORIGIN_LABELS: Record<DriverOrigin, string> = {
  'in-tree': 'in the project’s own tree',
  'out-of-tree': 'shipped by OpenStack, outside the project’s tree',
  vendor: 'vendor-maintained, outside OpenStack’s releases',
};
