import { failingRule, isSilent, lastReport, runsOf } from '../audit/run-history.ts';
import { toIsoSeconds } from '../common/time.ts';
import { commentSearchUrl } from '../gerrit/change-url.ts';
import { gerritProject } from '../model/driver-key.ts';
import type { Driver, ScanState } from '../model/types.ts';
import type { Reason } from './verdict-types.ts';

// CI at the target release, by the audit's own rules: `failing` over the release's runs, `silent` over the
// driver's newest counting comment on any release.

export interface CiContext {
  to: string;
  asOf: number;
  silentDays: number;
  scanState: ScanState | undefined;
}

export function ciReasons(driver: Driver, ctx: CiContext): Reason[] {
  const reasons: Reason[] = [];
  const { to } = ctx;
  const ci = driver.ci;
  const project = gerritProject(driver);
  const search =
    ci !== undefined && ctx.scanState?.gerrit_url !== undefined
      ? commentSearchUrl(ctx.scanState.gerrit_url, project, ci.id ?? ci.wiki_name ?? '')
      : undefined;
  const records = driver.verification ?? {};
  const record = records[to];
  if (ci === undefined) {
    reasons.push({
      kind: 'no-ci-evidence',
      release: to,
      no_ci: true,
      source: 'the registry: the driver declares no CI (no ci block)',
      on: { type: 'ci', release: to },
    });
  } else if (record === undefined) {
    reasons.push({
      kind: 'no-ci-evidence',
      release: to,
      source: `CI records: ${scanWords(project, ctx.scanState)}`,
      ...(search !== undefined ? { url: search } : {}),
      on: { type: 'ci', release: to },
    });
  } else {
    const runs = runsOf(record);
    const rule = failingRule(runs);
    if (rule !== undefined) {
      reasons.push({
        kind: 'failing',
        release: to,
        rule,
        runs: runs.length,
        passed: runs.filter((run) => run.ci_result).length,
        source: `CI record for ${to}, newest run ${record.timestamp}`,
        url: record.review_url,
        on: { type: 'ci', release: to, review_url: record.review_url },
      });
    }
  }
  if (isSilent(driver, ctx.asOf, ctx.silentDays)) {
    const last = lastReport(driver);
    const newest = Object.entries(records).sort(
      ([, a], [, b]) => Date.parse(b.timestamp) - Date.parse(a.timestamp),
    )[0];
    reasons.push({
      kind: 'silent',
      last_report: last === undefined ? null : toIsoSeconds(last),
      source:
        newest === undefined
          ? `CI records: ${scanWords(project, ctx.scanState)}`
          : `CI record for ${newest[0]}, the newest`,
      ...(newest !== undefined ? { url: newest[1].review_url } : search !== undefined ? { url: search } : {}),
      on: newest === undefined ? { type: 'ci', release: to } : ciTarget(newest[0], newest[1].review_url),
    });
  }
  return reasons;
}

function ciTarget(release: string, reviewUrl: string): Reason['on'] {
  return { type: 'ci', release, review_url: reviewUrl };
}

/** "openstack/cinder last scanned 2026-12-01", or that it never was: no evidence then is no verdict on the CI. */
function scanWords(project: string, scanState: ScanState | undefined): string {
  const state = scanState?.projects[project];
  if (state === undefined) return `${project} not yet scanned against Gerrit`;
  const scanned = state.scanned ?? state.updated;
  return `none for this release in ${project}'s scan (last ${state.scanned ? 'scanned' : 'change seen'} ${scanned.slice(0, 10)})`;
}
