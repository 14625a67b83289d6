import type { Run } from '../model/types.ts';

// How DriverLog words a CI run, everywhere people read one: check-ci, the update summary and report, and the
// dashboard. Pure: "now" is given, never read from the clock.

const DAY = 86_400_000;
const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['day', DAY],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "2 days ago", "yesterday", "in 3 hours": how long before `now` the instant `at` was. */
export function ageWords(at: number, now: number): string {
  const diff = at - now;
  for (const [unit, size] of STEPS) {
    if (Math.abs(diff) >= size) return RELATIVE.format(Math.trunc(diff / size), unit);
  }
  return 'just now';
}

/** "on 2024-05-01 10:00 UTC": a moment worded the same whatever day it is read. */
export function dateWords(at: number): string {
  const iso = new Date(at).toISOString();
  return `on ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * "passed 2 days ago, change 912345 patch set 3"; without `now`, "failed on 2024-05-01 10:00 UTC, change 912345
 * patch set 3".
 */
export function runWords(run: Run, now?: number): string {
  const at = Date.parse(run.timestamp);
  // A run read from a report file is input like any other: an unreadable date is shown as it is.
  const when = Number.isNaN(at)
    ? `at ${run.timestamp}`
    : now === undefined
      ? dateWords(at)
      : ageWords(at, now);
  return `${run.ci_result ? 'passed' : 'failed'} ${when}, change ${run.change_number} patch set ${run.patch_set}`;
}

/** "8 of the last 10 passed, last report 2 days ago"; "no runs recorded" for none. */
export function recentSummary(recent: readonly Run[], now: number): string {
  if (recent.length === 0) return 'no runs recorded';
  const passed = recent.filter((run) => run.ci_result).length;
  const newest = Math.max(
    ...recent.map((run) => Date.parse(run.timestamp)).filter((at) => !Number.isNaN(at)),
  );
  const share =
    recent.length === 1
      ? `the last run ${passed === 1 ? 'passed' : 'failed'}`
      : `${passed} of the last ${recent.length} passed`;
  return Number.isFinite(newest) ? `${share}, last report ${ageWords(newest, now)}` : share;
}
