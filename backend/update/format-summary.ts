import { basename } from 'node:path';
import { printable } from '../common/escape.ts';
import { runWords } from '../ci/run-words.ts';
import type { Run } from '../model/types.ts';
import type { RecordChange } from './apply.ts';

export interface ProjectSummary {
  project: string;
  mode: 'full' | 'incremental';
  reason: string;
  changes?: number;
  pages?: number;
  requests?: number;
  error?: string;
}

/** What `--report FILE` writes and the last lines of every run say. */
export interface UpdateSummary {
  file: string;
  gerrit_url: string;
  since: string;
  started: string;
  duration_ms: number;
  /** Whether the data file or its runs file was rewritten. */
  written: boolean;
  /** The runs file, when this run rewrote it (model/runs-file.ts). */
  runs_file?: string;
  drivers: { scanned: number; newly_verified: number; newly_failing: number; unchanged: number };
  records: Array<
    Pick<RecordChange, 'driver' | 'release' | 'kind'> & { review_url?: string; comment?: string; run?: Run }
  >;
  changes_read: number;
  unmapped_comments: number;
  unknown_accounts: Array<{ driver: string; ci_id: string; message: string }>;
  failed_projects: Array<{ project: string; error: string }>;
  driver_problems: Array<{ driver: string; message: string }>;
  projects: ProjectSummary[];
  requests: number;
  bytes: number;
  retries: number;
  commit?: { sha: string; subject: string; pushed: boolean };
  /** Changes Gerrit sent malformed: skipped, the rest of their project counted. */
  skipped_changes?: Array<{ project: string; change: string; problem: string }>;
  /** Dates after Gerrit's clock (plus the allowed skew): never evidence, never a scan position. */
  future_dated?: FutureDated[];
  /** How many such dates there were in all (the list names the first few of each project). */
  future_dated_total?: number;
}

export interface FutureDated {
  project: string;
  /** updated/comment: what Gerrit sent; record/scan position: what the file had, and the run left out. */
  what: 'updated' | 'comment' | 'record' | 'scan position';
  change?: number;
  driver?: string;
  release?: string;
  date: string;
  /** Gerrit's clock plus the allowed skew (ISO). */
  not_after: string;
}

export function countDrivers(changes: RecordChange[], scanned: string[]): UpdateSummary['drivers'] {
  const verified = new Set(changes.filter((c) => c.kind === 'verified').map((c) => c.driver));
  const failing = new Set(changes.filter((c) => c.kind === 'failing').map((c) => c.driver));
  const touched = new Set(changes.map((c) => c.driver));
  return {
    scanned: scanned.length,
    newly_verified: verified.size,
    newly_failing: failing.size,
    unchanged: scanned.filter((key) => !touched.has(key)).length,
  };
}

const LISTED_RECORDS = 25;

export function formatSummary(summary: UpdateSummary): string {
  const d = summary.drivers;
  const lines = [
    `Summary: ${plural(d.scanned, 'driver')} scanned: ${d.newly_verified} with a release newly verified, ${d.newly_failing} with a release newly failing, ${d.unchanged} unchanged`,
    `  ${plural(summary.changes_read, 'change')} read, ${plural(summary.unmapped_comments, 'counting comment')} on branches of no listed release`,
    `  ${plural(summary.requests, 'request')} (${plural(summary.retries, 'retry', 'retries')}), ${formatBytes(summary.bytes)} received, ${(summary.duration_ms / 1000).toFixed(1)} s`,
  ];
  // A first run changes every driver's records: a log of a thousand lines hides the failures below it.
  for (const record of summary.records.slice(0, LISTED_RECORDS)) {
    const run = record.run ? `: ${runWords(record.run)}` : '';
    lines.push(
      `  ${record.kind.padEnd(8)} ${record.driver} on ${record.release}${run}${record.review_url ? ` ${record.review_url}` : ''}`,
    );
  }
  if (summary.records.length > LISTED_RECORDS)
    lines.push(
      `  … and ${summary.records.length - LISTED_RECORDS} more changed records (--report FILE lists them all)`,
    );
  for (const unknown of summary.unknown_accounts)
    lines.push(`  warning: ${unknown.driver}: ${unknown.message}`);
  for (const problem of summary.driver_problems)
    lines.push(`  skipped: ${problem.driver}: ${problem.message}`);
  for (const skipped of summary.skipped_changes ?? [])
    lines.push(`  skipped: ${skipped.change} of ${skipped.project}: ${skipped.problem}`);
  const future = summary.future_dated ?? [];
  for (const dated of future) lines.push(`  ignored: ${futureWords(dated)}`);
  const unlisted = (summary.future_dated_total ?? future.length) - future.length;
  if (unlisted > 0)
    lines.push(`  … and ${plural(unlisted, 'more date')} after Gerrit's clock (--report FILE)`);
  for (const failed of summary.failed_projects) lines.push(`  FAILED: ${failed.project}: ${failed.error}`);
  const runs = summary.runs_file === undefined ? '' : ` (and its runs file, ${basename(summary.runs_file)})`;
  lines.push(summary.written ? `  ${summary.file} updated${runs}` : `  ${summary.file} unchanged`);
  if (summary.commit) {
    lines.push(
      `  committed ${summary.commit.sha.slice(0, 12)} "${summary.commit.subject}"${summary.commit.pushed ? ', pushed' : ''}`,
    );
  }
  // Each line quotes data and Gerrit's answers: escaped, so none can split into forged lines or colour a log.
  return lines.map(printable).join('\n');
}

/** "change 123 of openstack/cinder: updated 9999-12-31 23:59:59.000000000 is after Gerrit's clock (…); …" */
export function futureWords(dated: FutureDated): string {
  const after = `is after Gerrit's clock (${dated.not_after} with the allowed skew)`;
  switch (dated.what) {
    case 'updated':
      return `change ${dated.change} of ${dated.project}: updated ${dated.date} ${after}; not used as the scan position`;
    case 'comment':
      return `change ${dated.change} of ${dated.project}: a CI comment dated ${dated.date} ${after}; not evidence`;
    case 'record':
      return `${dated.driver} on ${dated.release}: the file's evidence dated ${dated.date} ${after}; left out`;
    case 'scan position':
      return `${dated.project}: the file's scan position ${dated.date} ${after}; rescanning the window next run`;
  }
}

function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : many}`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
