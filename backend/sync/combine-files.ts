import type { Feature } from '../model/types.ts';
import { fileStem } from '../model/upstream-tables.ts';
import type { Matrix, MatrixDriver } from './matrix.ts';

// A project may publish several matrix files (octavia one per API object, neutron two): at each release
// they are one matrix. A driver is one driver across files; a feature id two files share (octavia's
// `admin_state_up`, in every file) is prefixed with each file's stem wherever it appears, in every release,
// so that an id means one row of one file for the whole history.

export interface FileMatrix {
  path: string;
  matrix: Matrix;
}

/** The feature ids that two different files of the project use, in any release. */
export function sharedFeatureIds(releases: readonly FileMatrix[][]): Set<string> {
  const fileOf = new Map<string, string>();
  const shared = new Set<string>();
  for (const files of releases) {
    for (const { path, matrix } of files) {
      for (const { id } of matrix.features) {
        const first = fileOf.get(id);
        if (first === undefined) fileOf.set(id, path);
        else if (first !== path) shared.add(id);
      }
    }
  }
  return shared;
}

/**
 * One release's files as one matrix: features in file order (each with `matrix`, its file, when the project
 * has several), drivers in order of first appearance, titles and statuses from the first file that lists
 * the driver.
 */
export function combineFiles(
  files: readonly FileMatrix[],
  shared: ReadonlySet<string>,
  several: boolean,
): Matrix {
  if (files.length === 1 && shared.size === 0 && !several) return files[0]!.matrix;
  const features: Feature[] = [];
  const drivers = new Map<string, MatrixDriver>();
  const warnings: string[] = [];
  let statuses: Matrix['statuses'];
  for (const { path, matrix } of files) {
    const rename = (id: string) => (shared.has(id) ? `${fileStem(path)}.${id}` : id);
    for (const feature of matrix.features) {
      const renamed: Feature = { ...feature, id: rename(feature.id) };
      if (several) renamed.matrix = path;
      features.push(renamed);
    }
    for (const driver of matrix.drivers) {
      let merged = drivers.get(driver.id);
      if (!merged) {
        merged = { ...driver, values: new Map(), notes: new Map() };
        drivers.set(driver.id, merged);
      }
      for (const [id, value] of driver.values) merged.values.set(rename(id), value);
      for (const [id, notes] of driver.notes) merged.notes.set(rename(id), notes);
    }
    warnings.push(...matrix.warnings);
    statuses ??= matrix.statuses;
  }
  const combined: Matrix = { features, drivers: [...drivers.values()], warnings };
  if (statuses !== undefined) combined.statuses = statuses;
  return combined;
}
