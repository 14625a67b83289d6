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

/** Every driver id any release lists, newest releases' drivers first. */
export function matrixDriverIds(index: MatrixIndex): string[] {
  const ids = new Set<string>();
  for (const { drivers } of [...index].reverse()) for (const id of drivers.keys()) ids.add(id);
  return [...ids];
}

/**
 * What the matrices say of one driver, or undefined when none lists it: title, link and notes from the
 * newest release that lists it; per feature of `features`, a [release, value] pair where the value differs
 * from the previous release that lists it (null where that release's matrix states nothing).
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
  const upstream: DriverUpstream = {
    title: newest.title,
    in_tree: listed.map(({ release }) => release),
    features: {},
  };
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
  upstream.features = Object.fromEntries(entries);
  if (newest.notes.size > 0) upstream.notes = Object.fromEntries(newest.notes);
  return upstream;
}
