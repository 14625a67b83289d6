import { existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { writeFileAtomic } from '../common/atomic-write.ts';
import { DriverlogError } from '../common/errors.ts';
import type { Io } from '../common/io.ts';
import { toIsoSeconds } from '../common/time.ts';
import type { Registry } from '../model/types.ts';
import { editRegistry, type Edit, type Edited } from '../store/edit-registry.ts';
import { requireValidRegistry, type OpenedRegistry } from '../store/open-registry.ts';
import { applyScan } from './apply.ts';
import { summarize } from './build-summary.ts';
import { evidenceSinceHead } from './commit-content.ts';
import { commitMessage } from './commit-message.ts';
import { formatSummary, type UpdateSummary } from './format-summary.ts';
import { planScan, type ScanPlan } from './plan.ts';
import { createProgress, type Progress } from './progress.ts';
import { scanProjects, type ScanSettings, type ScannedProjects } from './scan-projects.ts';
import { unknownAccounts, type UnknownAccountReport } from './unknown-accounts.ts';

export interface UpdateOptions extends ScanSettings {
  dataFile: string;
  commit?: boolean;
  push?: boolean;
  reportFile?: string;
  /** Progress goes here while the run goes on; the outcome is for the caller to print. */
  io: Pick<Io, 'stdout' | 'stderr' | 'isTTY'>;
  now?: () => number;
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

/** What one run's scan made of the registry it read. */
type ScanRun =
  | { kind: 'aborted'; progress: Progress }
  | {
      kind: 'scanned';
      progress: Progress;
      plan: ScanPlan;
      scanned: ScannedProjects;
      applied: ReturnType<typeof applyScan>;
      unknown: { ids: string[]; reports: UnknownAccountReport[] };
    };

/**
 * Scans Gerrit for the registry's CI comments and writes the evidence into the data file, under its lock. Throws
 * (leaving every file as it was) when the lock is held, the file is invalid or cannot be read or written.
 */
export async function runUpdate(options: UpdateOptions): Promise<UpdateOutcome> {
  const { io, dataFile } = options;
  const now = options.now ?? Date.now;
  if (!existsSync(dataFile)) throw new MissingDataFileError(dataFile);
  const started = now();
  // The lock is held for the whole run: it keeps other updates out, not people (the save refuses a file edited
  // during the scan).
  const edited = await editRegistry(dataFile, 'update', (opened) => scan(opened, options, now), {
    hold: {
      onStale: (owner) =>
        io.stderr(
          `taking over the stale lock of pid ${owner.pid} (started ${owner.started}), which is gone\n`,
        ),
    },
  });
  const run = edited.result;
  if (run.kind === 'aborted') {
    run.progress.finish();
    return { kind: 'aborted', file: dataFile, exitCode: 130 };
  }
  const summary = summaryOf(run, edited, options, { started, finished: now() });
  // A commit failure comes after the file is written: the summary and report still say what changed.
  if (edited.commit) summary.commit = edited.commit;
  run.progress.finish();
  if (options.reportFile) writeFileAtomic(options.reportFile, JSON.stringify(summary, null, 2) + '\n');
  const { commitError } = edited;
  const exitCode = commitError ? 2 : summary.failed_projects.length > 0 ? 1 : 0;
  return { kind: 'scanned', exitCode, summary, ...(commitError ? { commitError } : {}) };
}

async function scan(
  opened: OpenedRegistry,
  options: UpdateOptions,
  now: () => number,
): Promise<Edit<ScanRun>> {
  const { gerritUrl, since } = options;
  const registry = requireValidRegistry(opened);
  const plan = planScan(registry, gerritUrl, since);
  const progress = createProgress(options.io, plan.projects.length);
  const scanned = await scanProjects(registry, plan, options, progress, now);
  if (options.signal?.aborted) return { result: { kind: 'aborted', progress } };
  const unknown = unknownAccounts(registry, gerritUrl, scanned.outcomes);
  const applied = applyScan({
    registry,
    plan,
    outcomes: scanned.outcomes,
    gerritUrl,
    since,
    unknownCiAccounts: unknown.ids,
  });
  return {
    ...(changedBy(registry, applied, scanned) ? { next: applied.registry } : {}),
    result: { kind: 'scanned', progress, plan, scanned, applied, unknown },
    ...(options.commit || options.push
      ? {
          commit: {
            describe: (headText: string, current: string, runsChanged: boolean) =>
              commitMessage(evidenceSinceHead(options.dataFile, headText, current), runsChanged),
            push: options.push === true,
          },
        }
      : {}),
  };
}

/**
 * Whether the run changed anything worth writing. When no project could be scanned, a state that differs is only
 * the old one re-encoded for a new URL or a first run: writing (and committing) it would record a scan that never
 * happened.
 */
function changedBy(
  registry: Registry,
  applied: ReturnType<typeof applyScan>,
  scanned: ScannedProjects,
): boolean {
  const scannedAny = scanned.outcomes.some((outcome) => !('error' in outcome));
  return (
    applied.changes.length > 0 ||
    (scannedAny && !isDeepStrictEqual(registry.scan_state, applied.registry.scan_state))
  );
}

function summaryOf(
  run: Extract<ScanRun, { kind: 'scanned' }>,
  edited: Edited<ScanRun>,
  options: UpdateOptions,
  times: { started: number; finished: number },
): UpdateSummary {
  const { saved } = edited;
  return summarize({
    file: options.dataFile,
    gerritUrl: options.gerritUrl,
    since: toIsoSeconds(options.since),
    ...times,
    written: saved?.written === true,
    ...(saved?.runs?.written ? { runsFile: saved.runs.path } : {}),
    plan: run.plan,
    outcomes: run.scanned.outcomes,
    changes: run.applied.changes,
    ignored: run.applied.ignored,
    unknown: run.unknown.reports,
    totals: run.scanned.totals,
    requestsByProject: run.scanned.requestsByProject,
  });
}

/** What a person reads at the end of a run (`update` and each `schedule` run print it). */
export function describeOutcome(outcome: UpdateOutcome): { stdout: string; stderr: string } {
  if (outcome.kind === 'aborted') return { stdout: '', stderr: `aborted; ${outcome.file} left unchanged\n` };
  return {
    stdout: `${formatSummary(outcome.summary)}\n`,
    stderr: outcome.commitError ? `${outcome.commitError.message}\n` : '',
  };
}
