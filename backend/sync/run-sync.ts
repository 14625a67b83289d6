import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DriverlogError } from '../common/errors.ts';
import type { Project, ProjectUpstream, Registry } from '../model/types.ts';
import { diffProject, type ProjectChanges } from './changes.ts';
import { syncCommitMessage } from './describe-changes.ts';
import { SyncAbortedError, SyncInputError } from './errors.ts';
import { mergeProject } from './merge.ts';
import { readProjects } from './read-projects.ts';
import { editRegistry, type Edit } from '../store/edit-registry.ts';
import { requireValidRegistry, type OpenedRegistry } from '../store/open-registry.ts';
import { checkReportPath, writeReport } from '../store/report-file.ts';
import { formatFiles } from '../format/format-files.ts';
import { UPSTREAM_GIT_HINT, upstreamGitProblem } from '../model/upstream-git.ts';
import { openRepo, repositoryName } from './repo.ts';
import {
  DELIVERABLE_GIT_BASE,
  deliverablesPass,
  RELEASES_GIT,
  type DeliverablesReport,
} from './run-deliverables.ts';
import { syncCode } from './sync-code.ts';
import { projectReport, type SyncReport } from './report.ts';

export interface SyncOptions {
  /** The registry file, relative to cwd. */
  dataFile: string;
  cwd: string;
  /** Only these projects (default: every project with `upstream`). */
  projects?: string[];
  /** Read this repository (path or URL) instead of the project's `upstream.git`: one project only. */
  git?: string;
  /** Read each repository from this folder (`<folder>/<name>` or `<folder>/<name>.git`) instead of its URL. */
  repos?: string;
  addNew?: boolean;
  /** Write nothing; the outcome says whether the file would change. */
  check?: boolean;
  reportFile?: string;
  commit?: boolean;
  /** Where URLs are cloned; default .driverlog-cache/ beside the data file. */
  cacheDir?: string;
  /** Read openstack/releases (`git`, else its URL) for the drivers linked by upstream_deliverable instead of matrices. */
  deliverables?: boolean;
  /** Deliverable name → the path or URL of its repository, read with addNew instead of its opendev URL. */
  deliverableGit?: Record<string, string>;
  /** SIGINT/SIGTERM: git is stopped and nothing is written. */
  signal?: AbortSignal;
}

export type SyncOutcome =
  | {
      /** 0 done (or up to date with --check), 1 --check found the file behind its matrices, 2 no report. */
      exitCode: 0 | 1 | 2;
      report: SyncReport;
      /** The registry was written (and committed), but the report file was not. */
      reportError?: DriverlogError;
    }
  | { exitCode: 130; aborted: true };

/** Reads each project's matrices into the registry; an abort (SIGINT/SIGTERM) stops git and writes nothing. */
export async function runSync(options: SyncOptions): Promise<SyncOutcome> {
  try {
    return await syncRegistry(options);
  } catch (error) {
    if (error instanceof SyncAbortedError) return { exitCode: 130, aborted: true };
    throw error;
  }
}

type Upstreamed = Project & { upstream: ProjectUpstream };

/**
 * Reads each project's support matrices release by release and brings the registry's features, drivers'
 * upstream and (with addNew) new drivers in line with them. Any error leaves every file as it was.
 */
async function syncRegistry(options: SyncOptions): Promise<SyncOutcome> {
  if (options.reportFile) checkReportPath(options.reportFile, options.dataFile, options.cwd);
  const edited = await editRegistry(options.dataFile, 'sync', (opened) => syncProjects(opened, options), {
    cwd: options.cwd,
  });
  if (edited.commitError) throw edited.commitError;
  const report: SyncReport = { ...edited.result, written: edited.saved?.written === true };
  if (edited.commit) report.commit = { sha: edited.commit.sha, subject: edited.commit.subject };
  const exitCode = options.check && report.would_change ? 1 : 0;
  if (!options.reportFile) return { exitCode, report };
  const written = report.written
    ? `${options.dataFile} was written${report.commit ? ` and committed (${report.commit.sha.slice(0, 12)})` : ''}`
    : undefined;
  const reportError = writeReport(
    resolve(options.cwd, options.reportFile),
    JSON.stringify(report, null, 2) + '\n',
    written,
  );
  return reportError ? { exitCode: 2, report, reportError } : { exitCode, report };
}

/** Every chosen project's matrices merged into the registry; what would change, and the report of it. */
async function syncProjects(opened: OpenedRegistry, options: SyncOptions): Promise<Edit<SyncReport>> {
  const registry = requireValidRegistry(opened);
  const cacheDir = options.cacheDir ?? join(dirname(opened.path), '.driverlog-cache');
  let next: Registry = registry;
  const reports: SyncReport['projects'] = [];
  const changes: ProjectChanges[] = [];
  let deliverables: DeliverablesReport | undefined;
  if (options.deliverables) {
    const pass = await syncDeliverables(registry, options, cacheDir);
    next = pass.registry;
    changes.push(...pass.changes);
    deliverables = pass.report;
  }
  // Each repository is read while the one before is merged: most of a project's read is waiting on git.
  const chosen = options.deliverables ? [] : chooseProjects(registry, options);
  const reading = readProjects(
    chosen,
    registry.releases ?? [],
    (project) => options.git ?? localCopy(options, httpsUpstream(project)),
    { cwd: options.cwd, cacheDir, signal: options.signal },
  );
  try {
    for (const [index, project] of chosen.entries()) {
      const settled = await reading[index]!;
      if (!settled.ok) throw settled.error;
      const { repo, read, location } = settled;
      if (read.matrices.length === 0) {
        throw new SyncInputError(
          `${project.id}: no release has ${read.paths.join(' or ')} in ${location}`,
          'check upstream.support_matrix (a path inside the repository) and the repository',
        );
      }
      const merged = mergeProject(next, project.id, read.matrices, { addNew: options.addNew === true });
      const { code } = project.upstream;
      const coded = code
        ? await syncCode(
            merged.registry,
            { ...project, upstream: { ...project.upstream, code } },
            registry.releases ?? [],
            repo,
            { cacheDir, addNew: options.addNew === true, before: next },
          )
        : undefined;
      repo.close();
      const after = coded?.registry ?? merged.registry;
      const diff = { ...diffProject(next, after, project.id), ...(coded ? { code: coded.changes } : {}) };
      next = after;
      changes.push(diff);
      reports.push(
        projectReport(
          project.id,
          location,
          { ...read, warnings: [...repo.notes, ...read.warnings] },
          merged,
          diff,
          coded?.report,
        ),
      );
    }
  } finally {
    for (const settled of await Promise.all(reading)) if (settled.ok) settled.repo.close();
  }
  if (options.signal?.aborted) throw new SyncAbortedError();
  // Sync changes no runs: its question is whether the registry's own text changes.
  const wouldChange = formatFiles(next).text !== opened.text;
  const check = options.check === true;
  return {
    ...(!check && wouldChange ? { next } : {}),
    result: {
      file: options.dataFile,
      check,
      would_change: wouldChange,
      written: false,
      projects: reports,
      ...(deliverables ? { deliverables } : {}),
    },
    ...(options.commit && !check
      ? { commit: { describe: () => syncCommitMessage(changes), push: false } }
      : {}),
  };
}

/** The deliverables pass, over the chosen projects (default: all), with openstack/releases opened and closed. */
async function syncDeliverables(registry: Registry, options: SyncOptions, cacheDir: string) {
  const ids = options.projects?.length ? options.projects : registry.projects.map((project) => project.id);
  for (const id of ids) {
    if (!registry.projects.some((project) => project.id === id)) {
      throw new SyncInputError(
        `--project ${id}: no such project in ${options.dataFile}`,
        `projects: ${registry.projects.map((p) => p.id).join(', ')}`,
        'usage',
      );
    }
  }
  const location = options.git ?? localCopy(options, RELEASES_GIT);
  const repo = await openRepo(location, { cwd: options.cwd, cacheDir, signal: options.signal });
  // A deliverable's repository is cloned like any project's, from where openstack/releases says it is.
  const openDeliverable = (name: string, repoName: string) =>
    openRepo(options.deliverableGit?.[name] ?? localCopy(options, `${DELIVERABLE_GIT_BASE}${repoName}`), {
      cwd: options.cwd,
      cacheDir,
      signal: options.signal,
    });
  try {
    return await deliverablesPass(
      registry,
      ids,
      { location, repo },
      options.addNew ? openDeliverable : undefined,
    );
  } finally {
    repo.close();
  }
}

/** A repository's URL, or with --repos its copy in that folder (named as the URL's last part). */
function localCopy(options: SyncOptions, url: string): string {
  if (options.repos === undefined) return url;
  const name = repositoryName(url);
  const folder = resolve(options.cwd, options.repos);
  const bare = join(folder, `${name}.git`);
  return existsSync(join(folder, name)) || !existsSync(bare) ? join(folder, name) : bare;
}

/** The registry's upstream.git, refused unless it is an https:// URL (a path is for --git alone). */
function httpsUpstream(project: Upstreamed): string {
  const problem = upstreamGitProblem(project.upstream.git);
  if (problem === undefined) return project.upstream.git;
  throw new SyncInputError(
    `${project.id}: upstream.git ${JSON.stringify(project.upstream.git)} ${problem}`,
    UPSTREAM_GIT_HINT,
  );
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
