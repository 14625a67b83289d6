import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { Io } from '../cli/command.ts';
import { createGerritClient, type GerritClientOptions } from '../gerrit/client.ts';
import { GerritError } from '../gerrit/errors.ts';
import { toIsoSeconds } from '../gerrit/time.ts';
import type { AccountInfo } from '../gerrit/types.ts';
import type { Registry } from '../registry/types.ts';
import { applyScan, type ScanOutcome } from './apply.ts';
import { WriteError, writeFileAtomic } from '../common/atomic-write.ts';
import { evidenceSinceHead } from './commit-content.ts';
import { commitMessage } from './commit-message.ts';
import { commitAndPush, GitError } from '../common/git.ts';
import { acquireLock, LockHeldError, type FileLock } from '../common/lock.ts';
import { ConcurrentEditError, InvalidOutputError } from './errors.ts';
import { planScan } from './plan.ts';
import { pool } from '../common/pool.ts';
import { createProgress } from './progress.ts';
import { checkRegistryText, serializeRegistry } from './registry-io.ts';
import { createReleaseMapper } from '../ci/release-map.ts';
import { scanProject, type ScanContext } from './scan-gerrit.ts';
import { summarize } from './build-summary.ts';
import { formatSummary, type UpdateSummary } from './format-summary.ts';
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
  io: Pick<Io, 'stdout' | 'stderr' | 'isTTY'>;
  now?: () => number;
  /** Extra Gerrit client options (retry pacing in tests). */
  client?: Partial<GerritClientOptions>;
  /** Projects scanned at once, default 2. */
  concurrency?: number;
  /** Changes per page, default 200. */
  pageSize?: number;
}

export interface UpdateResult {
  /** 0 done; 1 a project failed or the file is invalid; 2 locked, I/O or git error; 130 aborted. */
  exitCode: number;
  summary?: UpdateSummary;
}

// Peak memory is a few pages of changes with all their messages, parsed: two projects at a time,
// 200 changes a page keeps a 20,000-change scan near 200 MB, and is no slower than more at once
// (parsing, not the network, is the bottleneck).
const CONCURRENCY = 2;
const PAGE_SIZE = 200;

export async function runUpdate(options: UpdateOptions): Promise<UpdateResult> {
  const { io, dataFile } = options;
  const now = options.now ?? Date.now;
  if (!existsSync(dataFile)) {
    io.stderr(`driverlog update: ${dataFile} does not exist; give the registry with --data FILE\n`);
    return { exitCode: 2 };
  }
  let lock: FileLock;
  try {
    lock = acquireLock(dataFile, {
      now,
      onStale: (owner) =>
        io.stderr(
          `taking over the stale lock of pid ${owner.pid} (started ${owner.started}), which is gone\n`,
        ),
    });
  } catch (error) {
    if (!(error instanceof LockHeldError)) throw error;
    io.stderr(`driverlog update: ${error.message}\n`);
    return { exitCode: 2 };
  }
  try {
    return await locked(options, now);
  } catch (error) {
    // The file is untouched (or already fully replaced) whenever one of these is thrown.
    if (!(error instanceof Error) || (!EXPECTED.some((type) => error instanceof type) && !isFsError(error)))
      throw error;
    io.stderr(`driverlog update: ${error.message}\n`);
    return { exitCode: 2 };
  } finally {
    lock.release();
  }
}

const EXPECTED = [InvalidOutputError, WriteError, GitError, ConcurrentEditError];

function isFsError(error: Error): boolean {
  return typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}

async function locked(options: UpdateOptions, now: () => number): Promise<UpdateResult> {
  const { io, dataFile, gerritUrl, since } = options;
  const started = now();
  const text = readFileSync(dataFile, 'utf8');
  const input = checkRegistryText(text, dataFile);
  if (!input.ok) {
    io.stderr(`${input.problems.join('\n')}\n${dataFile} has problems; fix them before updating.\n`);
    return { exitCode: 1 };
  }
  const registry = JSON.parse(text) as Registry;
  const plan = planScan(registry, gerritUrl, since);
  const progress = createProgress(io, plan.projects.length);
  const context: ScanContext = {
    gerritUrl,
    since,
    mapRelease: createReleaseMapper(registry.releases ?? []),
    accountLookups: new Map<string, Promise<AccountInfo | undefined>>(),
    onPage: (project, pages, changes) => progress.page(project, pages, changes),
    pageSize: options.pageSize ?? PAGE_SIZE,
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
    io.stderr(`driverlog update: aborted; ${dataFile} left unchanged\n`);
    return { exitCode: 130 };
  }

  const unknown = unknownAccounts(registry, gerritUrl, outcomes);
  const next = applyScan({ registry, plan, outcomes, gerritUrl, since, unknownCiAccounts: unknown.ids });
  // When no project could be scanned, a state that differs is only the old one re-encoded for a
  // new URL or a first run: writing (and committing) it would record a scan that never happened.
  const scannedAny = outcomes.some((outcome) => !('error' in outcome));
  const changed =
    next.changes.length > 0 ||
    (scannedAny && !isDeepStrictEqual(registry.scan_state, next.registry.scan_state));
  const guard = (candidate: string) => {
    const check = checkRegistryText(candidate, dataFile);
    if (!check.ok) throw new InvalidOutputError(check.problems);
  };
  if (changed) {
    const output = serializeRegistry(next.registry);
    guard(output);
    // The lock keeps other updates out, not people: never overwrite an edit made during the scan.
    if (readFileSync(dataFile, 'utf8') !== text) throw new ConcurrentEditError(dataFile);
    writeFileAtomic(dataFile, output);
  }
  const summary = summarize({
    file: dataFile,
    gerritUrl,
    since: toIsoSeconds(since),
    started,
    finished: now(),
    written: changed,
    plan,
    outcomes,
    changes: next.changes,
    unknown: unknown.reports,
    totals,
    requestsByProject,
  });
  // A git failure comes after the file is written: the summary and report still say what changed.
  let gitError: GitError | InvalidOutputError | undefined;
  if (options.commit || options.push) {
    try {
      const describe = (headText: string, current: string) =>
        commitMessage(evidenceSinceHead(dataFile, headText, current));
      const commit = await commitAndPush(dataFile, describe, guard, options.push === true);
      if (commit) summary.commit = commit;
    } catch (error) {
      if (!(error instanceof GitError || error instanceof InvalidOutputError)) throw error;
      gitError = error;
    }
  }
  progress.finish();
  io.stdout(`${formatSummary(summary)}\n`);
  if (options.reportFile) writeFileAtomic(options.reportFile, JSON.stringify(summary, null, 2) + '\n');
  if (gitError) {
    io.stderr(`driverlog update: ${gitError.message}\n`);
    return { exitCode: 2, summary };
  }
  return { exitCode: summary.failed_projects.length > 0 ? 1 : 0, summary };
}
