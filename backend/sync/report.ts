import type { DeliverablesReport } from './run-deliverables.ts';
import type { ProjectChanges } from './changes.ts';
import type { CodeReport } from './code-report.ts';
import { describeChanges } from './describe-changes.ts';
import type { ProjectMerge } from './merge.ts';
import type { ProjectRead, ReleaseRead } from './read-project.ts';

/** What `driverlog sync` did, per project; `--report FILE` writes it as JSON. */
export interface SyncReport {
  file: string;
  /** --check: nothing is written; `would_change` says whether the file is behind its matrices. */
  check: boolean;
  would_change: boolean;
  written: boolean;
  commit?: { sha: string; subject: string };
  projects: ProjectReport[];
  /** With --deliverables: what openstack/releases says of the drivers shipped outside the projects' trees. */
  deliverables?: DeliverablesReport;
}

export interface ProjectReport {
  project: string;
  /** The repository read (a path or URL) and its default branch's commit. */
  git: string;
  head: string;
  releases: ReleaseRead[];
  /** Features of the newest matrix. */
  features: number;
  drivers: {
    /** Drivers the newest matrix lists. */
    in_tree: number;
    /** Registry drivers with an upstream after the run. */
    linked: number;
    /** Added by --add-new: their vendor is a guess to review. */
    added_need_review: ProjectMerge['added'];
    /** Matrix drivers no registry driver links to. */
    in_tree_not_in_registry: ProjectMerge['notInRegistry'];
    /** Registry drivers whose upstream_id no matrix lists. */
    linked_not_in_matrix: ProjectMerge['notInMatrix'];
  };
  /** What changed, as sentences, and in detail. */
  summary: string[];
  changes: ProjectChanges;
  warnings: string[];
  /** The driver classes read, for a project with upstream.code. */
  code?: CodeReport;
}

export function projectReport(
  project: string,
  git: string,
  read: ProjectRead,
  merge: ProjectMerge,
  changes: ProjectChanges,
  code?: CodeReport,
): ProjectReport {
  const newest = read.matrices.at(-1)?.matrix;
  return {
    project,
    git,
    head: read.head,
    releases: read.releases,
    features: newest?.features.length ?? 0,
    drivers: {
      in_tree: newest?.drivers.length ?? 0,
      linked: merge.registry.drivers.filter((driver) => driver.project_id === project && driver.upstream)
        .length,
      added_need_review: merge.added,
      in_tree_not_in_registry: merge.notInRegistry,
      linked_not_in_matrix: merge.notInMatrix,
    },
    summary: describeChanges(changes),
    changes,
    warnings: read.warnings,
    ...(code ? { code } : {}),
  };
}
