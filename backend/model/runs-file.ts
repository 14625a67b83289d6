import { pointerOf } from '../json/pointer.ts';
import { driverKey } from './driver-key.ts';
import type { Driver, DriverRuns, Registry, RunsFile, StoredRegistry, VerificationRecord } from './types.ts';

// A record's `recent` runs live in a file of their own beside the registry. They are most of the evidence
// by size (ten one-line runs per driver and release against one record) and change with every CI run,
// while the registry is the file vendors edit and review: kept apart, the registry stays small and a
// vendor's diff shows claims, not CI traffic. In memory the two are one registry; this module is the only
// place that knows how they are split and joined.

/** The runs file of a registry file: `default_data.runs.json` beside `default_data.json`. */
export function runsFileOf(registryFile: string): string {
  return registryFile.endsWith('.json')
    ? `${registryFile.slice(0, -'.json'.length)}.runs.json`
    : `${registryFile}.runs.json`;
}

/** The registry a runs file belongs to: `default_data.json` for `default_data.runs.json`. */
export function registryFileOf(runsFile: string): string {
  return `${runsFile.slice(0, -'.runs.json'.length)}.json`;
}

/** Whether a path names a runs file rather than a registry. */
export function isRunsFile(file: string): boolean {
  return file.endsWith('.runs.json');
}

/** Runs in the file that belong to no record: a renamed or removed driver, or a dropped record. */
export interface UnmatchedRuns {
  /** JSON pointer in the runs file. */
  pointer: string;
  driver: string;
  release?: string;
}

/** The registry as its two files hold it: records without runs, and the runs by driver and release. */
export function splitRuns(registry: Registry): { stored: StoredRegistry; runs: RunsFile } {
  const entries: DriverRuns[] = [];
  const drivers = registry.drivers.map((driver) => {
    if (driver.verification === undefined) return driver;
    const recent: Record<string, NonNullable<VerificationRecord['recent']>> = {};
    const verification: Record<string, VerificationRecord> = {};
    for (const [release, { recent: runs, ...record }] of Object.entries(driver.verification)) {
      verification[release] = record;
      if (runs !== undefined && runs.length > 0) recent[release] = runs;
    }
    if (Object.keys(recent).length > 0) {
      entries.push({ project_id: driver.project_id, vendor: driver.vendor, name: driver.name, recent });
    }
    return { ...driver, verification };
  });
  const schema = runsSchemaBeside(registry.$schema);
  return {
    stored: { ...registry, drivers },
    runs: { ...(schema === undefined ? {} : { $schema: schema }), drivers: entries },
  };
}

/**
 * The registry with each record's runs from the runs file (absent: no runs yet). Runs of a driver or release
 * without a record are left out, and listed: the next save drops them.
 */
export function joinRuns(
  stored: StoredRegistry,
  runs: RunsFile | undefined,
): { registry: Registry; unmatched: UnmatchedRuns[] } {
  const byDriver = new Map<string, { entry: DriverRuns; index: number }>();
  (runs?.drivers ?? []).forEach((entry, index) => {
    const key = identity(entry);
    // A repeated driver is a `duplicate-driver` error in the runs file; the first entry is the one read.
    if (!byDriver.has(key)) byDriver.set(key, { entry, index });
  });
  const used = new Set<string>();
  const drivers = stored.drivers.map((driver): Driver => {
    const found = byDriver.get(identity(driver));
    if (found === undefined || driver.verification === undefined) return driver;
    const verification: Record<string, VerificationRecord> = {};
    for (const [release, record] of Object.entries(driver.verification)) {
      const recent = Object.hasOwn(found.entry.recent, release) ? found.entry.recent[release] : undefined;
      verification[release] = recent === undefined ? record : { ...record, recent };
      if (recent !== undefined) used.add(`${found.index} ${release}`);
    }
    return { ...driver, verification };
  });
  const unmatched: UnmatchedRuns[] = [];
  for (const { entry, index } of byDriver.values()) {
    for (const release of Object.keys(entry.recent)) {
      if (used.has(`${index} ${release}`)) continue;
      unmatched.push({
        pointer: pointerOf('drivers', index, 'recent', release),
        driver: driverKey(entry),
        release,
      });
    }
  }
  return { registry: { ...stored, drivers }, unmatched };
}

/** Exact, whatever the names hold (driverKey's ':' is unambiguous only in a registry without key-separator errors). */
const identity = (driver: Pick<Driver, 'project_id' | 'vendor' | 'name'>): string =>
  JSON.stringify([driver.project_id, driver.vendor, driver.name]);

/**
 * Whether a registry value (as parsed, any shape) keeps runs inside its records, as registries written before the
 * runs file did.
 */
export function hasInlineRuns(value: unknown): boolean {
  const drivers = (value as { drivers?: unknown } | null)?.drivers;
  if (!Array.isArray(drivers)) return false;
  return drivers.some((driver: { verification?: unknown } | null) => {
    const verification = driver?.verification;
    if (typeof verification !== 'object' || verification === null) return false;
    return Object.values(verification).some(
      (record: unknown) => typeof record === 'object' && record !== null && 'recent' in record,
    );
  });
}

/** The runs file's `$schema`, beside the registry's: editors find both schemas the same way. */
function runsSchemaBeside(registrySchema: string | undefined): string | undefined {
  if (registrySchema === undefined || !/driverlog\.schema\.json$/.test(registrySchema)) return undefined;
  return registrySchema.replace(/driverlog\.schema\.json$/, 'runs.schema.json');
}
