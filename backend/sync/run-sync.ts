import { dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../common/atomic-write.ts';
import type { Project, ProjectUpstream, Registry } from '../model/types.ts';
import { diffProject, type ProjectChanges } from './changes.ts';
import { syncCommitMessage } from './describe-changes.ts';
import { SyncInputError } from './errors.ts';
import { mergeProject } from './merge.ts';
import { readProject } from './read-project.ts';
import { editRegistry, type Edit } from '../store/edit-registry.ts';
import { requireValidRegistry, type OpenedRegistry } from '../store/open-registry.ts';
import { formatFiles } from '../format/format-files.ts';
import { openRepo } from './repo.ts';
import { projectReport, type SyncReport } from './report.ts';

export interface SyncOptions {
  /** The registry file, relative to cwd. */
  dataFile: string;
  cwd: string;
  /** Only these projects (default: every project with `upstream`). */
  projects?: string[];
  /** Read this repository (path or URL) instead of the project's `upstream.git`: one project only. */
  git?: string;
  addNew?: boolean;
  /** Write nothing; the outcome says whether the file would change. */
  check?: boolean;
  reportFile?: string;
  commit?: boolean;
  /** Where URLs are cloned; default .driverlog-cache/ beside the data file. */
  cacheDir?: string;
}

export interface SyncOutcome {
  /** 0 done (or up to date with --check), 1 --check found the file behind its matrices. */
  exitCode: 0 | 1;
  report: SyncReport;
}

type Upstreamed = Project & { upstream: ProjectUpstream };

/**
 * Reads each project's support matrices release by release and brings the registry's features, drivers'
 * upstream and (with addNew) new drivers in line with them. Any error leaves every file as it was.
 */
export async function runSync(options: SyncOptions): Promise<SyncOutcome> {
  const edited = await editRegistry(options.dataFile, 'sync', (opened) => syncProjects(opened, options), {
    cwd: options.cwd,
  });
  if (edited.commitError) throw edited.commitError;
  const report: SyncReport = { ...edited.result, written: edited.saved?.written === true };
  if (edited.commit) report.commit = { sha: edited.commit.sha, subject: edited.commit.subject };
  if (options.reportFile) {
    writeFileAtomic(resolve(options.cwd, options.reportFile), JSON.stringify(report, null, 2) + '\n');
  }
  return { exitCode: options.check && report.would_change ? 1 : 0, report };
}

/** Every chosen project's matrices merged into the registry; what would change, and the report of it. */
async function syncProjects(opened: OpenedRegistry, options: SyncOptions): Promise<Edit<SyncReport>> {
  const registry = requireValidRegistry(opened);
  const projects = chooseProjects(registry, options);
  const cacheDir = options.cacheDir ?? join(dirname(opened.path), '.driverlog-cache');
  let next: Registry = registry;
  const reports: SyncReport['projects'] = [];
  const changes: ProjectChanges[] = [];
  for (const project of projects) {
    const location = options.git ?? project.upstream.git;
    const repo = await openRepo(location, { cwd: options.cwd, cacheDir });
    const read = await readProject(project, registry.releases ?? [], repo);
    if (read.matrices.length === 0) {
      throw new SyncInputError(
        `${project.id}: no release has ${project.upstream.support_matrix} in ${location}`,
        'check upstream.support_matrix (a path inside the repository) and the repository',
      );
    }
    const merged = mergeProject(next, project.id, read.matrices, { addNew: options.addNew === true });
    const diff = diffProject(next, merged.registry, project.id);
    next = merged.registry;
    changes.push(diff);
    reports.push(projectReport(project.id, location, read, merged, diff));
  }
  // Sync changes no runs: its question is whether the registry's own text changes.
  const wouldChange = formatFiles(next).text !== opened.text;
  const check = options.check === true;
  return {
    ...(!check && wouldChange ? { next } : {}),
    result: { file: options.dataFile, check, would_change: wouldChange, written: false, projects: reports },
    ...(options.commit && !check
      ? { commit: { describe: () => syncCommitMessage(changes), push: false } }
      : {}),
  };
}

function chooseProjects(registry: Registry, options: SyncOptions): Upstreamed[] {
  const withUpstream = (project: Project): project is Upstreamed => project.upstream !== undefined;
  if (!options.projects || options.projects.length === 0) {
    if (options.git !== undefined) {
      throw new SyncInputError(
        "--git needs --project: it names one project's repository",
        'add --project ID',
        'usage',
      );
    }
    return registry.projects.filter(withUpstream);
  }
  if (options.git !== undefined && options.projects.length > 1) {
    throw new SyncInputError(
      '--git reads one repository: give a single --project with it',
      'run sync once per project',
      'usage',
    );
  }
  return options.projects.map((id) => {
    const project = registry.projects.find((candidate) => candidate.id === id);
    if (!project) {
      throw new SyncInputError(
        `--project ${id}: no such project in ${options.dataFile}`,
        `projects: ${registry.projects.map((p) => p.id).join(', ')}`,
        'usage',
      );
    }
    if (!withUpstream(project)) {
      throw new SyncInputError(
        `${id} has no "upstream" in ${options.dataFile}: sync does not know where its support matrix is`,
        'add "upstream": { "git": URL, "support_matrix": PATH } to the project',
      );
    }
    return project;
  });
}
