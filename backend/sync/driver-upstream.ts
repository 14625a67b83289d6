import type { DriverUpstream, Feature, SupportValue } from '../model/types.ts';
import type { Matrix, MatrixDriver } from './matrix.ts';

/** One release's matrix; a project's list is in the registry's release order. */
export interface ReleaseMatrix {
  release: string;
  matrix: Matrix;
}

/** Per release, the matrix's drivers by id: built once per run, looked up for every driver. */
export type MatrixIndex = Array<{ release: string; drivers: Map<string, MatrixDriver> }>;

export function indexMatrices(matrices: readonly ReleaseMatrix[]): MatrixIndex {
  return matrices.map(({ release, matrix }) => ({
    release,
    drivers: new Map(matrix.drivers.map((driver) => [driver.id, driver])),
  }));
}

/** The newest release's listing of a driver. */
export function newestListing(id: string, index: MatrixIndex): MatrixDriver | undefined {
  for (const { drivers } of [...index].reverse()) {
    const driver = drivers.get(id);
    if (driver) return driver;
  }
  return undefined;
}

/** Every driver id any release lists, newest releases' drivers first. */
export function matrixDriverIds(index: MatrixIndex): string[] {
  const ids = new Set<string>();
  for (const { drivers } of [...index].reverse()) for (const id of drivers.keys()) ids.add(id);
  return [...ids];
}

/**
 * What the matrices say of one driver, or undefined when none lists it: title, link, notes and maintainers
 * from the newest release that lists it; per feature of `features`, a [release, value] pair where the value
 * differs from the previous release that lists it (null where that release's matrix states nothing); and
 * the project's status word, a [release, word] pair where it changes.
 */
export function driverUpstream(
  id: string,
  index: MatrixIndex,
  features: readonly Feature[],
): DriverUpstream | undefined {
  const listed = index.flatMap(({ release, drivers }) => {
    const driver = drivers.get(id);
    return driver ? [{ release, driver }] : [];
  });
  const newest = listed.at(-1)?.driver;
  if (!newest) return undefined;
  const upstream: DriverUpstream = { title: newest.title, in_tree: listed.map(({ release }) => release) };
  if (newest.link !== undefined) upstream.link = newest.link;
  const entries = features.map(({ id: feature }) => {
    const pairs: Array<[string, SupportValue | null]> = [];
    let previous: SupportValue | null | undefined;
    for (const { release, driver } of listed) {
      const value = driver.values.get(feature) ?? null;
      if (pairs.length === 0 || value !== previous) pairs.push([release, value]);
      previous = value;
    }
    return [feature, pairs] as const;
  });
  // fromEntries, not assignment: a feature may be called "__proto__".
  if (entries.length > 0) upstream.features = Object.fromEntries(entries);
  if (newest.notes.size > 0) upstream.notes = Object.fromEntries(newest.notes);
  const status = statusSteps(listed);
  if (status.length > 0) upstream.status = status;
  if (newest.maintainers && newest.maintainers.length > 0) upstream.maintainers = newest.maintainers;
  return upstream;
}

/** The project's status word for the driver, as [release, word] where it changes (releases without one skipped). */
function statusSteps(listed: Array<{ release: string; driver: MatrixDriver }>): Array<[string, string]> {
  const steps: Array<[string, string]> = [];
  for (const { release, driver } of listed) {
    if (driver.status !== undefined && steps.at(-1)?.[1] !== driver.status)
      steps.push([release, driver.status]);
  }
  return steps;
}
