import { describe, expect, it } from 'vitest';
import { recentSummary } from '../../../backend/ci/run-words.ts';
import { decodeRuns, encodeRuns, runMarks } from '../../../dashboard/src/lib/run-strip.ts';

const DAY = 86_400_000;
const now = Date.UTC(2024, 4, 31);
const run = (daysAgo: number, ok: boolean, change: number) => ({
  timestamp: new Date(now - daysAgo * DAY).toISOString().replace('.000Z', 'Z'),
  change_number: change,
  patch_set: 2,
  ci_result: ok,
});

describe('the run strip', () => {
  it('has a mark per run, at most 10, each linked to its review and said in words true on any day', () => {
    const recent = Array.from({ length: 12 }, (_, i) => run(i + 2, i % 5 !== 2, 500 - i));
    const marks = runMarks(
      recent,
      'https://review.example.org/c/1',
      'https://gerrit.test',
      'openstack/cinder',
    );
    expect(marks).toHaveLength(10);
    expect(marks[0]).toEqual({
      ok: true,
      at: now - 2 * DAY,
      href: 'https://review.example.org/c/openstack/cinder/+/500/2',
      words: 'passed on 2024-05-29 00:00 UTC, change 500 patch set 2',
    });
    expect(marks[2]!.words).toBe('failed on 2024-05-27 00:00 UTC, change 498 patch set 2');
  });

  it('carries what its summary needs to be reworded on the day it is read', () => {
    const recent = Array.from({ length: 12 }, (_, i) => run(i + 2, i % 5 !== 2, 500 - i));
    const decoded = decodeRuns(encodeRuns(recent));
    expect(decoded).toHaveLength(10);
    expect(recentSummary(decoded, now)).toBe('8 of the last 10 passed, last report 2 days ago');
    expect(recentSummary(decoded, now + 5 * DAY)).toBe('8 of the last 10 passed, last report 7 days ago');
  });
});
