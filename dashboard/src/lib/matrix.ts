// A project's support matrix for one release, as the project page shows it.
import { inTree } from '../../../backend/model/upstream-signals.ts';
import type { Feature } from '../../../backend/model/types.ts';
import type { LiveStatus } from './live-status.ts';
import type { DriverView } from './driver-view.ts';
import type { ProjectView } from './project-views.ts';
import type { ReleaseView } from './release-views.ts';
import { cellValue, treeSignal, type CellValue } from './signals.ts';
import { findRelease } from './status.ts';

export interface MatrixCell {
  feature: Feature;
  value: CellValue;
  /** The driver-notes the matrix gives for this feature, if any. */
  note?: string;
}

export interface MatrixRow {
  driver: DriverView;
  supported: boolean;
  /** The CI status for this release alone (its evidence only: the page carries no more). */
  live: LiveStatus;
  cells: MatrixCell[];
}

export interface Matrix {
  release: string;
  rows: MatrixRow[];
  /** Drivers of the project claimed for the release but not in its tree. */
  claimedOutside: DriverView[];
}

export function projectMatrix(
  project: ProjectView,
  /** The project's drivers. */
  drivers: readonly DriverView[],
  release: string,
  releases: readonly ReleaseView[],
  staleDays: number,
): Matrix {
  const rows = drivers
    .filter((d) => inTree(d, release))
    .map((driver): MatrixRow => {
      const evidenceKey = findRelease(Object.keys(driver.status.evidence), release);
      const live: LiveStatus = {
        input: {
          hasCi: driver.status.hasCi,
          scanned: driver.status.scanned,
          claims: driver.claims.filter((id) => id === release),
          evidence: evidenceKey ? { [evidenceKey]: driver.status.evidence[evidenceKey]! } : {},
        },
        release,
        roles: {},
        staleDays,
        brief: true,
      };
      return {
        driver,
        supported: treeSignal(driver, project, release, releases) === 'supported',
        live,
        cells: project.features.map((feature) => {
          const cell: MatrixCell = {
            feature,
            value: cellValue(driver, feature.id, release, releases) ?? 'not-stated',
          };
          const note = driver.upstream?.notes?.[feature.id];
          if (note) cell.note = note;
          return cell;
        }),
      };
    });
  const claimedOutside = drivers.filter((d) => d.claims.includes(release) && !inTree(d, release));
  return { release, rows, claimedOutside };
}

/** The release a project's own page shows: the newest its matrix lists a driver in. */
export function newestMatrixRelease(project: Pick<ProjectView, 'matrixReleases'>): string | undefined {
  return project.matrixReleases.at(-1);
}
