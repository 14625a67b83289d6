import { changeUrl } from '../gerrit/change-url.ts';
import { gerritProject } from '../model/driver-key.ts';
import type { Driver, Registry, VerificationRecord } from '../model/types.ts';

// `audit --as-of` in the past says what the audit would have said that day: the registry of today holds runs and
// evidence written after it, which nobody could have seen then. (Releases not out yet are scope.ts's.)

const after = (timestamp: string, asOf: number) => Date.parse(timestamp) > asOf;

/** The registry without the runs and evidence dated after `asOf`. */
export function registryAsOf(registry: Registry, asOf: number): Registry {
  const gerritUrl = registry.scan_state?.gerrit_url;
  return { ...registry, drivers: registry.drivers.map((driver) => driverAsOf(driver, asOf, gerritUrl)) };
}

function driverAsOf(driver: Driver, asOf: number, gerritUrl: string | undefined): Driver {
  if (driver.verification === undefined) return driver;
  const verification: NonNullable<Driver['verification']> = {};
  for (const [release, record] of Object.entries(driver.verification)) {
    const kept = recordAsOf(driver, record, asOf, gerritUrl);
    if (kept) verification[release] = kept;
  }
  return { ...driver, verification };
}

/**
 * The record as it stood at `asOf`: its runs up to then, and, when its own comment came later, the newest of those
 * runs in its place (update's record is its newest counting comment); none when every run came later.
 */
function recordAsOf(
  driver: Driver,
  record: VerificationRecord,
  asOf: number,
  gerritUrl: string | undefined,
): VerificationRecord | undefined {
  const recent = (record.recent ?? []).filter((run) => !after(run.timestamp, asOf));
  const { last_success: lastSuccess, ...rest } = record;
  const success = lastSuccess && !after(lastSuccess.timestamp, asOf) ? { last_success: lastSuccess } : {};
  if (!after(record.timestamp, asOf)) return { ...rest, ...success, recent };
  const newest = [...recent].sort(
    (a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp) || b.change_number - a.change_number,
  )[0];
  if (newest === undefined) return undefined;
  const base = gerritUrl ?? record.review_url.replace(/\/c\/.*$/, '');
  return {
    ...rest,
    timestamp: newest.timestamp,
    change_number: newest.change_number,
    patch_set: newest.patch_set,
    ci_result: newest.ci_result,
    review_url: changeUrl(base, gerritProject(driver), newest.change_number),
    recent,
  };
}
