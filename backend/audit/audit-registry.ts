import { DAY_MS, toIsoSeconds } from '../common/time.ts';
import { gerritProject } from '../model/driver-key.ts';
import type { Driver, Project, Registry } from '../model/types.ts';
import { inTree, supportedByProject } from '../model/upstream-signals.ts';
import { AUDIT_KINDS, type AuditKind, type AuditReport, type Finding } from './finding.ts';
import { failingRule, lastReport, newestFirst, passedNewestStreak, runsOf } from './run-history.ts';
import { auditedReleases, developmentRelease } from './scope.ts';
import { commentSearchUrl } from '../gerrit/change-url.ts';

export interface AuditOptions {
  /** "Now", ms: every age is measured from it, so a report can be reproduced. */
  asOf: number;
  /** A CI whose newest counting comment is older than this many days is silent. */
  silentDays: number;
}

/** What a project lead acts on, from the registry alone: no network, no clock but `asOf`. */
export function auditRegistry(registry: Registry, options: AuditOptions): AuditReport {
  const releases = registry.releases ?? [];
  const scope = auditedReleases(releases, options.asOf);
  const projects = new Map((registry.projects ?? []).map((project) => [project.id, project]));
  const gerritUrl = registry.scan_state?.gerrit_url;
  const unknown = new Set(registry.scan_state?.unknown_ci_accounts ?? []);
  const findings = registry.drivers.flatMap((driver) =>
    driverFindings(driver, {
      ...options,
      scope,
      releases,
      project: projects.get(driver.project_id),
      gerritUrl,
      unknown,
    }),
  );
  const order = new Map(releases.map((release, index) => [release.id, index]));
  findings.sort((a, b) => compareFindings(a, b, order));
  const development = developmentRelease(releases, options.asOf);
  return {
    as_of: toIsoSeconds(options.asOf),
    silent_days: options.silentDays,
    releases: scope,
    ...(development !== undefined ? { development_release: development } : {}),
    counts: Object.fromEntries(
      AUDIT_KINDS.map((kind) => [kind, findings.filter((f) => f.kind === kind).length]),
    ) as Record<AuditKind, number>,
    findings,
  };
}

interface DriverContext extends AuditOptions {
  scope: string[];
  releases: NonNullable<Registry['releases']>;
  project: Project | undefined;
  gerritUrl: string | undefined;
  unknown: Set<string>;
}

function driverFindings(driver: Driver, ctx: DriverContext): Finding[] {
  const who = { project_id: driver.project_id, vendor: driver.vendor, name: driver.name };
  const ci = driver.ci;
  const search =
    ci && ctx.gerritUrl
      ? { search_url: commentSearchUrl(ctx.gerritUrl, gerritProject(driver), ci.id ?? ci.wiki_name ?? '') }
      : {};
  const findings: Finding[] = [];
  const records = driver.verification ?? {};

  const last = lastReport(driver);
  const newestRecord = Object.values(records).sort(
    (a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp),
  )[0];
  const silent = ci !== undefined && (last === undefined || ctx.asOf - last > ctx.silentDays * DAY_MS);
  const silence = {
    last_report: last === undefined ? null : toIsoSeconds(last),
    ...(last === undefined ? {} : { days_since_report: Math.floor((ctx.asOf - last) / DAY_MS) }),
  };
  if (ci !== undefined && silent) {
    findings.push({
      kind: 'silent',
      ...who,
      ci_id: ci.id,
      ...silence,
      ...(newestRecord ? { review_url: newestRecord.review_url } : search),
    });
  }
  if (ci?.id !== undefined && ctx.unknown.has(ci.id)) {
    findings.push({ kind: 'account-not-found', ...who, ci_id: ci.id });
  }

  for (const release of ctx.scope) {
    const record = records[release];
    const runs = newestFirst(runsOf(record));
    const tally = {
      runs: runs.length,
      passed: runs.filter((run) => run.ci_result).length,
      ...(runs[0] ? { last_report: runs[0].timestamp } : {}),
      ...(record ? { review_url: record.review_url } : search),
    };
    const rule = ci === undefined ? undefined : failingRule(runs);
    if (rule !== undefined)
      findings.push({ kind: 'failing', ...who, release, ci_id: ci!.id, ...tally, rule });
    if (record === undefined && (driver.releases ?? []).includes(release)) {
      findings.push({
        kind: 'claim-without-evidence',
        ...who,
        release,
        ...(ci ? { ci_id: ci.id } : {}),
        ...search,
      });
    }
    if (ci === undefined || ctx.project === undefined || !inTree(driver, release)) continue;
    if (supportedByProject(ctx.project, driver, release, ctx.releases)) {
      const because = [...(silent ? ['silent' as const] : []), ...(rule ? ['failing' as const] : [])];
      if (because.length > 0) {
        findings.push({
          kind: 'unsupported-candidate',
          ...who,
          release,
          ci_id: ci.id,
          because,
          ...tally,
          ...(silent ? silence : {}),
          ...(rule ? { rule } : {}),
        });
      }
    } else if (passedNewestStreak(runs)) {
      findings.push({ kind: 'restore-candidate', ...who, release, ci_id: ci.id, ...tally });
    }
  }
  return findings;
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** By project, vendor, driver and release (registry order; whole-driver findings first), then kind. */
function compareFindings(a: Finding, b: Finding, releaseOrder: Map<string, number>): number {
  const rank = (release: string | undefined) =>
    release === undefined ? -1 : (releaseOrder.get(release) ?? releaseOrder.size);
  return (
    text(a.project_id, b.project_id) ||
    text(a.vendor, b.vendor) ||
    text(a.name, b.name) ||
    rank(a.release) - rank(b.release) ||
    AUDIT_KINDS.indexOf(a.kind) - AUDIT_KINDS.indexOf(b.kind)
  );
}
