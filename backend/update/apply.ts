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

/** What a run builds up, project by project, into the registry after it. */
interface Applying {
  input: ApplyInput;
  old: ScanState | undefined;
  /** The file's scan positions and fingerprints are this server's (another server's start afresh). */
  sameServer: boolean;
  drivers: Driver[];
  changes: RecordChange[];
  ignored: IgnoredFromFile[];
  releaseOrder: string[];
  projects: Record<string, ProjectScanState>;
  fingerprints: Record<string, string>;
  allScanned: boolean;
}

/** The registry after a run: only `verification` of scanned drivers and `scan_state` differ. */
export function applyScan(input: ApplyInput): {
  registry: Registry;
  changes: RecordChange[];
  ignored: IgnoredFromFile[];
} {
  const { registry, plan } = input;
  const run: Applying = {
    input,
    old: registry.scan_state,
    sameServer: registry.scan_state?.gerrit_url === input.gerritUrl,
    drivers: [...registry.drivers],
    changes: [],
    ignored: [],
    releaseOrder: (registry.releases ?? []).map((release) => release.id),
    projects: {},
    fingerprints: {},
    allScanned: true,
  };
  for (const index of plan.ciRemoved) {
    const driver = run.drivers[index];
    if (driver?.verification === undefined) continue;
    run.changes.push(...recordChanges(driver, driver.verification, {}));
    run.drivers[index] = withVerification(driver, {}, run.releaseOrder);
  }
  for (const outcome of input.outcomes) {
    if ('error' in outcome) keepFailed(run, outcome.plan);
    else applyProject(run, outcome.plan, outcome.result);
  }
  return {
    registry: { ...registry, drivers: run.drivers, scan_state: scanState(run) },
    changes: run.changes,
    ignored: run.ignored,
  };
}

/** A project that could not be scanned keeps its previous scan position and its drivers' fingerprints. */
function keepFailed(run: Applying, plan: ProjectPlan): void {
  run.allScanned = false;
  const saved = run.sameServer ? run.old?.projects[plan.project] : undefined;
  if (saved !== undefined) run.projects[plan.project] = saved;
  for (const planned of plan.drivers) {
    const previous = run.sameServer ? run.old?.ci_fingerprints?.[planned.key] : undefined;
    if (previous !== undefined) run.fingerprints[planned.key] = previous;
  }
}

function applyProject(run: Applying, plan: ProjectPlan, result: ProjectScanReport): void {
  const late = { project: plan.project, not_after: toIsoSeconds(result.notAfter) };
  const position = scanPosition(run, plan, result);
  if (position !== undefined) run.projects[plan.project] = position;
  for (const planned of plan.drivers) {
    run.fingerprints[planned.key] = planned.fingerprint;
    const driver = run.drivers[planned.index];
    if (driver === undefined) continue;
    const before = driver.verification ?? {};
    const after = driverRecords(run, planned, before, result, late);
    const found = recordChanges(driver, before, after);
    if (found.length === 0) continue;
    run.changes.push(...found);
    run.drivers[planned.index] = withVerification(driver, after, run.releaseOrder);
  }
}

/** The project's scan position after the run: the newest `updated` seen, never one past Gerrit's clock. */
function scanPosition(
  run: Applying,
  plan: ProjectPlan,
  result: ProjectScanReport,
): ProjectScanState | undefined {
  const saved = run.sameServer ? run.old?.projects[plan.project] : undefined;
  let kept = saved?.updated;
  // A position past Gerrit's clock would make every later run ask for nothing new, for good.
  if (kept !== undefined && parseGerritTimestamp(kept) > result.notAfter) {
    run.ignored.push({
      project: plan.project,
      not_after: toIsoSeconds(result.notAfter),
      what: 'scan position',
      date: kept,
    });
    kept = undefined;
  }
  const updated = result.newestUpdated ?? kept;
  if (updated === undefined) return undefined;
  const since = plan.full ? toIsoSeconds(run.input.since) : (saved?.since ?? toIsoSeconds(run.input.since));
  return { updated, since };
}

/** One scanned driver's records: the file's (unless its ci changed) merged with the scan's, release by release. */
function driverRecords(
  run: Applying,
  planned: ProjectPlan['drivers'][number],
  before: Record<string, VerificationRecord>,
  result: ProjectScanReport,
  late: { project: string; not_after: string },
): Record<string, VerificationRecord> {
  const base: Record<string, VerificationRecord> = planned.ciChanged ? {} : { ...before };
  const fresh = result.candidates.get(planned.index) ?? new Map<string, Candidates>();
  for (const release of new Set([...Object.keys(base), ...fresh.keys()])) {
    const existing = base[release];
    const future = existing === undefined ? undefined : dateAfter(existing, result.notAfter);
    if (future !== undefined)
      run.ignored.push({ ...late, what: 'record', driver: planned.key, release, date: future });
    const incoming = fresh.get(release);
    if (incoming === undefined && future === undefined) continue;
    const fromFile = existing === undefined ? {} : candidatesFromRecord(existing, result.notAfter);
    const record = recordOf(mergeCandidates(fromFile, incoming ?? {}));
    if (record === undefined) delete base[release];
    else base[release] = record;
  }
  return base;
}

function scanState(run: Applying): ScanState {
  const { input, old } = run;
  const state: ScanState = {
    gerrit_url: input.gerritUrl,
    projects: sortKeys(run.projects),
    ci_fingerprints: sortKeys(run.fingerprints),
    // A failed project must still see a release change next time: keep the old digest until all ran.
    releases_fingerprint:
      run.allScanned || old?.releases_fingerprint === undefined
        ? input.plan.releasesFingerprint
        : old.releases_fingerprint,
  };
  if (input.unknownCiAccounts.length > 0) state.unknown_ci_accounts = [...input.unknownCiAccounts].sort();
  return state;
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
