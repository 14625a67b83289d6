import { describe, expect, it } from 'vitest';
import { recentSummary, runWords } from '../../backend/ci/run-words.ts';
import type { Run } from '../../backend/model/types.ts';

const NOW = Date.parse('2025-03-10T12:00:00Z');
const run = (timestamp: string, ci_result: boolean, change_number = 912345): Run => ({
  timestamp,
  change_number,
  patch_set: 3,
  ci_result,
});

describe('runWords', () => {
  it('says passed or failed, when, and on which change and patch set', () => {
    expect(runWords(run('2025-03-08T09:00:00Z', true), NOW)).toBe(
      'passed 2 days ago, change 912345 patch set 3',
    );
    expect(runWords(run('2025-03-09T11:00:00Z', false), NOW)).toBe(
      'failed yesterday, change 912345 patch set 3',
    );
    expect(runWords(run('2025-03-10T11:59:30Z', true), NOW)).toBe(
      'passed just now, change 912345 patch set 3',
    );
  });

  it('gives the date and time without a "now"', () => {
    expect(runWords(run('2025-03-08T09:05:59Z', false))).toBe(
      'failed on 2025-03-08 09:05 UTC, change 912345 patch set 3',
    );
  });
});

describe('recentSummary', () => {
  it('counts the passes and says how old the newest report is', () => {
    const recent = [
      ...Array.from({ length: 8 }, (_, i) => run(`2025-03-0${8 - (i % 5)}T10:00:00Z`, true, 100 + i)),
      run('2025-02-01T10:00:00Z', false),
      run('2025-01-01T10:00:00Z', false),
    ];
    expect(recentSummary(recent, NOW)).toBe('8 of the last 10 passed, last report 2 days ago');
  });

  it('finds the newest report whatever the order, and words one run and none', () => {
    expect(recentSummary([run('2025-01-01T00:00:00Z', true), run('2025-03-10T06:00:00Z', false)], NOW)).toBe(
      '1 of the last 2 passed, last report 6 hours ago',
    );
    expect(recentSummary([run('2024-12-01T00:00:00Z', false)], NOW)).toBe(
      'the last run failed, last report 3 months ago',
    );
    expect(recentSummary([], NOW)).toBe('no runs recorded');
  });
});
