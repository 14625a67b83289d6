import { toIsoSeconds } from '../common/time.ts';
import { driverKey } from '../model/driver-key.ts';
import type { Driver, ProjectScanState, Registry, ScanState, VerificationRecord } from '../model/types.ts';
import { parseGerritTimestamp } from '../gerrit/time.ts';
import { candidatesFromRecord, dateAfter, mergeCandidates, recordOf, type Candidates } from './evidence.ts';
import type { ProjectPlan, ScanPlan } from './plan.ts';
import type { ProjectScanReport } from './scan-gerrit.ts';
import { recordsEqual } from './records-equal.ts';

export type ScanOutcome =
  { plan: ProjectPlan; result: ProjectScanReport } | { plan: ProjectPlan; error: Error };

export interface RecordChange {
  driver: string;
  vendor: string;
  name: string;
  project: string;
  release: string;
  /** verified/failing: the result flipped or is new; updated: newer evidence, same result. */
  kind: 'verified' | 'failing' | 'updated' | 'dropped';
  record?: VerificationRecord;
}

/** Evidence or a scan position in the file dated after Gerrit's clock: left out of the new file. */
export interface IgnoredFromFile {
  project: string;
  what: 'record' | 'scan position';
  /** The record's driver and release; absent for a scan position. */
  driver?: string;
  release?: string;
  /** The date that is too late, as the file had it. */
  date: string;
  /** Gerrit's clock plus the allowed skew, ISO. */
  not_after: string;
}

export interface ApplyInput {
  registry: Registry;
  plan: ScanPlan;
  outcomes: ScanOutcome[];
  gerritUrl: string;
  since: number;
  unknownCiAccounts: string[];
}

/** The registry after a run: only `verification` of scanned drivers and `scan_state` differ. */
export function applyScan(input: ApplyInput): {
  registry: Registry;
  changes: RecordChange[];
  ignored: IgnoredFromFile[];
} {
  const { registry, plan } = input;
  const old = registry.scan_state;
  const sameServer = old?.gerrit_url === input.gerritUrl;
  const drivers = [...registry.drivers];
  const changes: RecordChange[] = [];
  const ignored: IgnoredFromFile[] = [];
  const releaseOrder = (registry.releases ?? []).map((release) => release.id);
  const projects: Record<string, ProjectScanState> = {};
  const fingerprints: Record<string, string> = {};
  let allScanned = true;

  for (const index of plan.ciRemoved) {
    const driver = drivers[index];
    if (driver?.verification === undefined) continue;
    changes.push(...recordChanges(driver, driver.verification, {}));
    drivers[index] = withVerification(driver, {}, releaseOrder);
  }

  for (const outcome of input.outcomes) {
    const { project } = outcome.plan;
    const saved = sameServer ? old?.projects[project] : undefined;
    if ('error' in outcome) {
      allScanned = false;
      if (saved !== undefined) projects[project] = saved;
      for (const planned of outcome.plan.drivers) {
        const previous = sameServer ? old?.ci_fingerprints?.[planned.key] : undefined;
        if (previous !== undefined) fingerprints[planned.key] = previous;
      }
      continue;
    }
    const { result } = outcome;
    const notAfter = result.notAfter;
    const late = { project, not_after: toIsoSeconds(notAfter) };
    let kept = saved?.updated;
    // A position past Gerrit's clock would make every later run ask for nothing new, for good.
    if (kept !== undefined && parseGerritTimestamp(kept) > notAfter) {
      ignored.push({ ...late, what: 'scan position', date: kept });
      kept = undefined;
    }
    const updated = result.newestUpdated ?? kept;
    if (updated !== undefined) {
      const since = outcome.plan.full
        ? toIsoSeconds(input.since)
        : (saved?.since ?? toIsoSeconds(input.since));
      projects[project] = { updated, since };
    }
    for (const planned of outcome.plan.drivers) {
      fingerprints[planned.key] = planned.fingerprint;
      const driver = drivers[planned.index];
      if (driver === undefined) continue;
      const before = driver.verification ?? {};
      const base: Record<string, VerificationRecord> = planned.ciChanged ? {} : { ...before };
      const fresh = result.candidates.get(planned.index) ?? new Map<string, Candidates>();
      for (const release of new Set([...Object.keys(base), ...fresh.keys()])) {
        const existing = base[release];
        const future = existing === undefined ? undefined : dateAfter(existing, notAfter);
        if (future !== undefined)
          ignored.push({ ...late, what: 'record', driver: planned.key, release, date: future });
        const incoming = fresh.get(release);
        if (incoming === undefined && future === undefined) continue;
        const fromFile = existing === undefined ? {} : candidatesFromRecord(existing, notAfter);
        const record = recordOf(mergeCandidates(fromFile, incoming ?? {}));
        if (record === undefined) delete base[release];
        else base[release] = record;
      }
      const found = recordChanges(driver, before, base);
      if (found.length === 0) continue;
      changes.push(...found);
      drivers[planned.index] = withVerification(driver, base, releaseOrder);
    }
  }

  const state: ScanState = {
    gerrit_url: input.gerritUrl,
    projects: sortKeys(projects),
    ci_fingerprints: sortKeys(fingerprints),
    // A failed project must still see a release change next time: keep the old digest until all ran.
    releases_fingerprint:
      allScanned || old?.releases_fingerprint === undefined
        ? plan.releasesFingerprint
        : old.releases_fingerprint,
  };
  if (input.unknownCiAccounts.length > 0) state.unknown_ci_accounts = [...input.unknownCiAccounts].sort();
  return { registry: { ...registry, drivers, scan_state: state }, changes, ignored };
}

/** How one driver's records changed, release by release. */
export function recordChanges(
  driver: Driver,
  before: Record<string, VerificationRecord>,
  after: Record<string, VerificationRecord>,
): RecordChange[] {
  const base = {
    driver: driverKey(driver),
    vendor: driver.vendor,
    name: driver.name,
    project: driver.project_id,
  };
  const changes: RecordChange[] = [];
  for (const release of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[release];
    const now = after[release];
    if (now === undefined) {
      if (was !== undefined) changes.push({ ...base, release, kind: 'dropped' });
    } else if (was === undefined || was.ci_result !== now.ci_result) {
      changes.push({ ...base, release, kind: now.ci_result ? 'verified' : 'failing', record: now });
    } else if (!recordsEqual(was, now)) {
      changes.push({ ...base, release, kind: 'updated', record: now });
    }
  }
  return changes;
}

/** Records in the registry's release order (unlisted ids last, sorted), so order never depends on history. */
function withVerification(
  driver: Driver,
  records: Record<string, VerificationRecord>,
  releaseOrder: string[],
): Driver {
  const { verification: _old, ...rest } = driver;
  const rank = (id: string) => {
    const at = releaseOrder.indexOf(id);
    return at === -1 ? releaseOrder.length : at;
  };
  const ids = Object.keys(records).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  if (ids.length === 0) return rest;
  return { ...rest, verification: Object.fromEntries(ids.map((id) => [id, records[id]!])) };
}

function sortKeys<T>(map: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
