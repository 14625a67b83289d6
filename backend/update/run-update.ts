import { existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { writeFileAtomic } from '../common/atomic-write.ts';
import { DriverlogError } from '../common/errors.ts';
import { commitAndPush } from '../common/git-commit.ts';
import type { Io } from '../common/io.ts';
import type { FileLock } from '../common/lock.ts';
import { pool } from '../common/pool.ts';
import { toIsoSeconds } from '../common/time.ts';
import { createGerritClient, type GerritClientOptions } from '../gerrit/client.ts';
import { GerritError } from '../gerrit/errors.ts';
import type { AccountInfo } from '../gerrit/types.ts';
import { openRegistry, requireValidRegistry } from '../store/open-registry.ts';
import { runsFileOf } from '../model/runs-file.ts';
import { commitGuard, lockRegistry, registryTarget, saveRegistry } from '../store/save-registry.ts';
import { createReleaseMapper } from '../ci/release-map.ts';
import { applyScan, type ScanOutcome } from './apply.ts';
import { summarize } from './build-summary.ts';
import { evidenceSinceHead } from './commit-content.ts';
import { commitMessage } from './commit-message.ts';
import { withJobTrailer } from '../model/job-trailer.ts';
import { formatSummary, type UpdateSummary } from './format-summary.ts';
import { planScan } from './plan.ts';
import { createProgress } from './progress.ts';
import { scanProject, type ScanContext } from './scan-gerrit.ts';
import { unknownAccounts } from './unknown-accounts.ts';

export interface UpdateOptions {
  dataFile: string;
  gerritUrl: string;
  /** Window start, ms (see resolveSince). */
  since: number;
  credentials?: { username: string; password: string };
  commit?: boolean;
  push?: boolean;
  reportFile?: string;
  signal?: AbortSignal;
  /** Progress goes here while the run goes on; the outcome is for the caller to print. */
  io: Pick<Io, 'stdout' | 'stderr' | 'isTTY'>;
  now?: () => number;
  /** Extra Gerrit client options (retry pacing in tests). */
  client?: Partial<GerritClientOptions>;
  /** Projects scanned at once, default 2. */
  concurrency?: number;
  /** Changes per page, default 500. */
  pageSize?: number;
}

/** How a run ended. Failures before anything was written are thrown (DriverlogError) instead. */
export type UpdateOutcome =
  | { kind: 'aborted'; file: string; exitCode: 130; summary?: undefined }
  | {
      kind: 'scanned';
      /** 0 done; 1 a project could not be scanned (the others are written); 2 written, but not committed. */
      exitCode: 0 | 1 | 2;
      summary: UpdateSummary;
      /** Committing or pushing failed (git, hand edits, invalid text) after the file was written. */
      commitError?: DriverlogError;
    };

/** The data file does not exist: the command line names the wrong file. */
export class MissingDataFileError extends DriverlogError {
  constructor(readonly file: string) {
    super(`${file} does not exist; give the registry with --data FILE`, 'NO_DATA_FILE', 'usage');
  }
}

// Gerrit serves at most 500 changes a page (index.maxLimit): asking for that many makes the fewest
// requests. Changes stream in one at a time, so memory does not grow with the page; two projects at
// a time keep a 20,000-change scan well under 300 MB (bench/update.ts).
const CONCURRENCY = 2;
const PAGE_SIZE = 500;

/**
 * Scans Gerrit for the registry's CI comments and writes the evidence into the data file, under its lock. Throws
 * (leaving every file as it was) when the lock is held, the file is invalid or cannot be read or written.
 */
export async function runUpdate(options: UpdateOptions): Promise<UpdateOutcome> {
  const { io, dataFile } = options;
  const now = options.now ?? Date.now;
  if (!existsSync(dataFile)) throw new MissingDataFileError(dataFile);
  // Through a symlink, the lock, the write and the commit all concern the file it points to.
  const target = registryTarget(dataFile);
  const lock = lockRegistry(target, {
    onStale: (owner) =>
      io.stderr(`taking over the stale lock of pid ${owner.pid} (started ${owner.started}), which is gone\n`),
  });
  try {
    return await locked(options, now, { lock, target });
  } finally {
    lock.release();
  }
}

async function locked(
  options: UpdateOptions,
  now: () => number,
  { lock, target }: { lock: FileLock; target: string },
): Promise<UpdateOutcome> {
  const { io, dataFile, gerritUrl, since } = options;
  const started = now();
  const opened = openRegistry(dataFile);
  const registry = requireValidRegistry(opened);
  const plan = planScan(registry, gerritUrl, since);
  const progress = createProgress(io, plan.projects.length);
  const context: ScanContext = {
    gerritUrl,
    since,
    mapRelease: createReleaseMapper(registry.releases ?? []),
    accountLookups: new Map<string, Promise<AccountInfo | undefined>>(),
    onPage: (project, pages, changes) => progress.page(project, pages, changes),
    pageSize: options.pageSize ?? PAGE_SIZE,
    now,
  };
  const totals = { requests: 0, bytes: 0, retries: 0 };
  const requestsByProject = new Map<string, number>();
  const outcomes = await pool(
    plan.projects,
    options.concurrency ?? CONCURRENCY,
    async (project): Promise<ScanOutcome> => {
      // One client per project: its stats are that project's requests; pages are sequential anyway.
      const client = createGerritClient({
        baseUrl: gerritUrl,
        ...(options.credentials ? { credentials: options.credentials } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...options.client,
        maxInFlight: 1,
      });
      progress.projectStarted(project.project, project.full ? `full: ${project.reason}` : 'incremental');
      try {
        const result = await scanProject(client, project, context);
        progress.projectDone(project.project, result.changes, result.pages);
        return { plan: project, result };
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        if (!(error instanceof GerritError && error.code === 'ABORTED'))
          progress.projectFailed(project.project, failure);
        return { plan: project, error: failure };
      } finally {
        for (const key of ['requests', 'bytes', 'retries'] as const) totals[key] += client.stats[key];
        requestsByProject.set(project.project, client.stats.requests);
      }
    },
  );
  if (options.signal?.aborted) {
    progress.finish();
    return { kind: 'aborted', file: dataFile, exitCode: 130 };
  }

  const unknown = unknownAccounts(registry, gerritUrl, outcomes);
  const next = applyScan({ registry, plan, outcomes, gerritUrl, since, unknownCiAccounts: unknown.ids });
  // When no project could be scanned, a state that differs is only the old one re-encoded for a
  // new URL or a first run: writing (and committing) it would record a scan that never happened.
  const scannedAny = outcomes.some((outcome) => !('error' in outcome));
  const changed =
    next.changes.length > 0 ||
    (scannedAny && !isDeepStrictEqual(registry.scan_state, next.registry.scan_state));
  // The lock keeps other updates out, not people: saveRegistry never overwrites an edit made during the scan.
  const saved = changed
    ? saveRegistry(dataFile, next.registry, {
        expectText: opened.text,
        expectRunsText: opened.runs?.text,
        lock,
      })
    : undefined;
  const written = saved?.written === true;
  const summary = summarize({
    file: dataFile,
    gerritUrl,
    since: toIsoSeconds(since),
    started,
    finished: now(),
    written,
    ...(saved?.runs?.written ? { runsFile: saved.runs.path } : {}),
    plan,
    outcomes,
    changes: next.changes,
    ignored: next.ignored,
    unknown: unknown.reports,
    totals,
    requestsByProject,
  });
  // A commit failure comes after the file is written: the summary and report still say what changed.
  let commitError: DriverlogError | undefined;
  if (options.commit || options.push) {
    try {
      const describe = (headText: string, current: string, runsChanged: boolean) =>
        withJobTrailer(commitMessage(evidenceSinceHead(dataFile, headText, current), runsChanged), 'update');
      const commit = await commitAndPush(target, describe, commitGuard(saved), options.push === true, [
        runsFileOf(target),
      ]);
      if (commit) summary.commit = commit;
    } catch (error) {
      if (!(error instanceof DriverlogError)) throw error;
      commitError = error;
    }
  }
  progress.finish();
  if (options.reportFile) writeFileAtomic(options.reportFile, JSON.stringify(summary, null, 2) + '\n');
  const exitCode = commitError ? 2 : summary.failed_projects.length > 0 ? 1 : 0;
  return { kind: 'scanned', exitCode, summary, ...(commitError ? { commitError } : {}) };
}

/** What a person reads at the end of a run (`update` and each `schedule` run print it). */
export function describeOutcome(outcome: UpdateOutcome): { stdout: string; stderr: string } {
  if (outcome.kind === 'aborted') return { stdout: '', stderr: `aborted; ${outcome.file} left unchanged\n` };
  return {
    stdout: `${formatSummary(outcome.summary)}\n`,
    stderr: outcome.commitError ? `${outcome.commitError.message}\n` : '',
  };
}
