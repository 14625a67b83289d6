import { CLOCK_SKEW_MS, timestampMs } from '../../common/time.ts';
import { appendPointer } from '../../json/pointer.ts';
import type { Problem } from '../problem.ts';
import { quote } from '../../common/quote.ts';
import type { Check } from './check.ts';
import { isRecord, listOf } from './shape.ts';

// Evidence dated in the future is forged or broken: the newest record wins, so a "passing" record dated
// 2099 would outlive every real run, and a scan position in the future would make every later scan ask
// for nothing. Clocks differ a little between Gerrit, CI and the machine validating (CLOCK_SKEW_MS).

export const futureTimestamp: Check = {
  id: 'future-timestamp',
  description: 'No evidence or scan position is dated after now (plus ten minutes of clock skew).',
  run: ({ data, now }) => {
    const problems: Problem[] = [];
    const later = (text: unknown): boolean => {
      const time = typeof text === 'string' ? timestampMs(text) : undefined;
      return time !== undefined && time > now + CLOCK_SKEW_MS;
    };
    const check = (owner: unknown, pointer: string, key: string): void => {
      const text = isRecord(owner) ? owner[key] : undefined;
      if (typeof text !== 'string' || !later(text)) return;
      problems.push({
        check: 'future-timestamp',
        severity: 'error',
        pointer: appendPointer(pointer, key),
        message: `${key} ${quote(text)} is later than now (${new Date(now).toISOString().slice(0, 19)}Z)`,
        hint: 'evidence and scan positions are written by `driverlog update` from Gerrit\u2019s answers: remove the hand-made entry and let the job write it',
      });
    };
    for (const driver of listOf(data, 'drivers') ?? []) {
      // A runs file's driver: `recent` by release.
      const recent = driver.value.recent;
      if (isRecord(recent)) {
        for (const [release, runs] of Object.entries(recent)) {
          const pointer = appendPointer(`${driver.pointer}/recent`, release);
          if (Array.isArray(runs))
            runs.forEach((run, i) => check(run, appendPointer(pointer, i), 'timestamp'));
        }
      }
      const verification = driver.value.verification;
      if (!isRecord(verification)) continue;
      for (const release in verification) {
        const record = verification[release];
        if (!isRecord(record)) continue;
        // The common case, without a pointer: no record is dated after the clock.
        if (
          !later(record.timestamp) &&
          !(isRecord(record.last_success) && later(record.last_success.timestamp))
        )
          continue;
        const pointer = appendPointer(`${driver.pointer}/verification`, release);
        check(record, pointer, 'timestamp');
        check(record.last_success, `${pointer}/last_success`, 'timestamp');
      }
    }
    const scanned = isRecord(data) && isRecord(data.scan_state) ? data.scan_state.projects : undefined;
    if (isRecord(scanned)) {
      for (const [project, state] of Object.entries(scanned)) {
        const pointer = appendPointer('/scan_state/projects', project);
        check(state, pointer, 'updated');
        check(state, pointer, 'since');
      }
    }
    return problems;
  },
};
