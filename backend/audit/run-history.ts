import type { Driver, Run, VerificationRecord } from '../model/types.ts';
import type { FailingRule } from './finding.ts';

// The rules over a driver's recorded runs. `recent` is written newest first, but a file edited by hand or by an
// older version must not change a verdict, so every rule sorts first.

/** Newest first: by time, then by the higher change number (the order `update` writes). */
export function newestFirst(runs: readonly Run[]): Run[] {
  return [...runs].sort(
    (a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp) || b.change_number - a.change_number,
  );
}

/** The newest counting comment over all of a driver's releases, ms; undefined when it has none. */
export function lastReport(driver: Pick<Driver, 'verification'>): number | undefined {
  let newest: number | undefined;
  for (const record of Object.values(driver.verification ?? {})) {
    for (const at of [record.timestamp, ...(record.recent ?? []).map((run) => run.timestamp)]) {
      const ms = Date.parse(at);
      if (!Number.isNaN(ms) && (newest === undefined || ms > newest)) newest = ms;
    }
  }
  return newest;
}

export const STREAK = 3;
const MIN_RUNS_FOR_SHARE = 5;

/** Which failing rule a release's runs meet: its newest 3 all failed, or under half of 5 or more passed. */
export function failingRule(runs: readonly Run[]): FailingRule | undefined {
  const sorted = newestFirst(runs);
  if (sorted.length >= STREAK && sorted.slice(0, STREAK).every((run) => !run.ci_result))
    return 'newest-3-failed';
  const passed = sorted.filter((run) => run.ci_result).length;
  if (sorted.length >= MIN_RUNS_FOR_SHARE && passed * 2 < sorted.length) return 'fewer-than-half-passed';
  return undefined;
}

/** Whether each of the newest 3 runs passed (there must be 3). */
export function passedNewestStreak(runs: readonly Run[]): boolean {
  const sorted = newestFirst(runs);
  return sorted.length >= STREAK && sorted.slice(0, STREAK).every((run) => run.ci_result);
}

export function runsOf(record: VerificationRecord | undefined): Run[] {
  return record?.recent ?? [];
}
