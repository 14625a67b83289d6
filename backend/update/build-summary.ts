import type { RecordChange, ScanOutcome } from './apply.ts';
import type { ScanPlan } from './plan.ts';
import { countDrivers, type UpdateSummary } from './format-summary.ts';
import type { UnknownAccountReport } from './unknown-accounts.ts';

export interface SummaryInput {
  file: string;
  gerritUrl: string;
  since: string;
  started: number;
  finished: number;
  written: boolean;
  plan: ScanPlan;
  outcomes: ScanOutcome[];
  changes: RecordChange[];
  unknown: UnknownAccountReport[];
  totals: { requests: number; bytes: number; retries: number };
  requestsByProject: Map<string, number>;
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
    drivers: countDrivers(input.changes, scanned),
    records: input.changes.map((change) => ({
      driver: change.driver,
      release: change.release,
      kind: change.kind,
      ...(change.record ? { review_url: change.record.review_url, comment: change.record.comment } : {}),
    })),
    changes_read: input.outcomes.reduce((sum, o) => sum + ('error' in o ? 0 : o.result.changes), 0),
    unmapped_comments: input.outcomes.reduce((sum, o) => sum + ('error' in o ? 0 : o.result.unmapped), 0),
    unknown_accounts: input.unknown,
    failed_projects: input.outcomes.flatMap((o) =>
      'error' in o ? [{ project: o.plan.project, error: o.error.message }] : [],
    ),
    driver_problems: input.plan.problems.map((p) => ({ driver: p.key, message: p.message })),
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
  };
}
