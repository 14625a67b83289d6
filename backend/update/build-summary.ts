import { toIsoSeconds } from '../common/time.ts';
import type { IgnoredFromFile, RecordChange, ScanOutcome } from './apply.ts';
import type { ScanPlan } from './plan.ts';
import { countDrivers, type FutureDated, type UpdateSummary } from './format-summary.ts';
import type { UnknownAccountReport } from './unknown-accounts.ts';
import type { UnresolvedAccount } from './ci-accounts.ts';

export interface SummaryInput {
  file: string;
  gerritUrl: string;
  since: string;
  started: number;
  finished: number;
  written: boolean;
  /** The runs file, when it was rewritten. */
  runsFile?: string;
  plan: ScanPlan;
  outcomes: ScanOutcome[];
  changes: RecordChange[];
  unknown: UnknownAccountReport[];
  /** Wiki-named drivers whose account was not found, or found more than once: not scanned. */
  unresolved?: UnresolvedAccount[];
  /** Requests made to find accounts by wiki name (in `totals` too). */
  accountRequests?: number;
  totals: { requests: number; bytes: number; retries: number };
  requestsByProject: Map<string, number>;
  /** Evidence and scan positions in the file dated after Gerrit's clock, which the run left out. */
  ignored?: IgnoredFromFile[];
}

export function summarize(input: SummaryInput): UpdateSummary {
  const scanned = input.outcomes.flatMap((o) => ('error' in o ? [] : o.plan.drivers.map((d) => d.key)));
  return {
    file: input.file,
    gerrit_url: input.gerritUrl,
    since: input.since,
    started: new Date(input.started).toISOString(),
    duration_ms: input.finished - input.started,
    written: input.written,
    ...(input.runsFile === undefined ? {} : { runs_file: input.runsFile }),
    drivers: countDrivers(input.changes, scanned),
    records: input.changes.map((change) => ({
      driver: change.driver,
      release: change.release,
      kind: change.kind,
      ...(change.record
        ? {
            review_url: change.record.review_url,
            comment: change.record.comment,
            judged_by: change.record.judged_by ?? 'patterns',
            run: {
              timestamp: change.record.timestamp,
              change_number: change.record.change_number,
              patch_set: change.record.patch_set,
              ci_result: change.record.ci_result,
            },
          }
        : {}),
    })),
    changes_read: input.outcomes.reduce((sum, o) => sum + ('error' in o ? 0 : o.result.changes), 0),
    unmapped_comments: input.outcomes.reduce((sum, o) => sum + ('error' in o ? 0 : o.result.unmapped), 0),
    unknown_accounts: input.unknown,
    unresolved_accounts: input.unresolved ?? [],
    account_requests: input.accountRequests ?? 0,
    judged_by: judgedBy(input.changes),
    failed_projects: input.outcomes.flatMap((o) =>
      'error' in o ? [{ project: o.plan.project, error: o.error.message }] : [],
    ),
    driver_problems: input.plan.problems.map((p) => ({ driver: p.key, message: p.message })),
    ...(input.plan.retired.length > 0 ? { retired_projects: input.plan.retired } : {}),
    projects: input.outcomes.map((o) => ({
      project: o.plan.project,
      mode: o.plan.full ? 'full' : 'incremental',
      reason: o.plan.reason,
      requests: input.requestsByProject.get(o.plan.project) ?? 0,
      ...('error' in o ? { error: o.error.message } : { changes: o.result.changes }),
    })),
    requests: input.totals.requests,
    bytes: input.totals.bytes,
    retries: input.totals.retries,
    skipped_changes: input.outcomes.flatMap((o) =>
      'error' in o ? [] : o.result.skipped.map((skip) => ({ project: o.plan.project, ...skip })),
    ),
    future_dated: [...fromGerrit(input.outcomes), ...(input.ignored ?? [])],
    future_dated_total:
      input.outcomes.reduce((sum, o) => sum + ('error' in o ? 0 : o.result.futureCount), 0) +
      (input.ignored?.length ?? 0),
  };
}

function fromGerrit(outcomes: ScanOutcome[]): FutureDated[] {
  return outcomes.flatMap((o) =>
    'error' in o
      ? []
      : o.result.future.map((dated) => ({
          project: o.plan.project,
          ...dated,
          not_after: toIsoSeconds(o.result.notAfter),
        })),
  );
}

/** How the run's new and changed records were judged: by their patterns, a Zuul report's jobs, or a vote. */
function judgedBy(changes: RecordChange[]): UpdateSummary['judged_by'] {
  const counts = { patterns: 0, zuul: 0, vote: 0 };
  for (const change of changes) if (change.record) counts[change.record.judged_by ?? 'patterns'] += 1;
  return counts;
}
