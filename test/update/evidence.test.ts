import { describe, expect, it } from 'vitest';
import {
  candidatesFromRecord,
  changeNumberOfUrl,
  mergeCandidates,
  offer,
  recordOf,
  type Candidates,
  type Evidence,
} from '../../backend/update/evidence.ts';

const base = Date.parse('2024-05-01T00:00:00Z') / 1000;
function evidence(result: boolean, offsetSeconds: number, changeNumber: number, seq = 0): Evidence {
  return {
    result,
    seconds: base + offsetSeconds,
    changeNumber,
    seq,
    reviewUrl: `https://r/c/p/+/${changeNumber}`,
    patchSet: 1,
    branch: 'stable/2024.1',
    ciId: 'ci',
    comment: result ? 'ok' : 'bad',
  };
}
const reduce = (items: Evidence[], start: Candidates = {}) => items.reduce(offer, start);

describe('evidence merging', () => {
  it('keeps the newest comment, ties broken by change number then message order', () => {
    expect(recordOf(reduce([evidence(true, 5, 1), evidence(false, 3, 9)]))?.change_number).toBe(1);
    expect(recordOf(reduce([evidence(true, 5, 2), evidence(false, 5, 1)]))?.ci_result).toBe(true);
    expect(recordOf(reduce([evidence(false, 5, 2, 3), evidence(true, 5, 2, 4)]))?.ci_result).toBe(true);
  });

  it('gives last_success only to a failure, from the newest older pass', () => {
    const record = recordOf(reduce([evidence(true, 1, 1), evidence(true, 2, 2), evidence(false, 3, 3)]));
    expect(record?.last_success).toEqual({
      review_url: 'https://r/c/p/+/2',
      timestamp: '2024-05-01T00:00:02Z',
    });
    expect(recordOf(reduce([evidence(false, 1, 1), evidence(true, 3, 3)]))?.last_success).toBeUndefined();
  });

  it('does not depend on order or on splitting the stream across runs', () => {
    const all = [evidence(true, 1, 1), evidence(false, 4, 4), evidence(true, 2, 7), evidence(false, 4, 3)];
    const whole = recordOf(reduce(all));
    expect(recordOf(reduce([...all].reverse()))).toEqual(whole);
    for (let cut = 0; cut <= all.length; cut++) {
      const first = recordOf(reduce(all.slice(0, cut)));
      const fromFile = first ? candidatesFromRecord(first) : {};
      expect(recordOf(mergeCandidates(fromFile, reduce(all.slice(cut))))).toEqual(whole);
      // Re-reading comments already in the file changes nothing.
      expect(recordOf(mergeCandidates(fromFile, reduce(all.slice(0, cut))))).toEqual(first);
    }
  });

  it('reads the change number back from a review URL', () => {
    expect(changeNumberOfUrl('https://review.opendev.org/c/openstack/cinder/+/912345')).toBe(912345);
    expect(changeNumberOfUrl('https://example.org/whatever')).toBe(0);
  });
});

describe('recent runs', () => {
  const runs = (record: ReturnType<typeof recordOf>) =>
    (record?.recent ?? []).map((r) => `${r.change_number}:${r.timestamp.slice(11, 19)}:${r.ci_result}`);

  it('keeps the newest 10, newest first, whatever the order and however the stream is split', () => {
    const all = Array.from({ length: 14 }, (_, i) => evidence(i % 3 !== 0, (i * 7) % 11, 100 + i, i));
    const whole = recordOf(reduce(all));
    expect(whole?.recent).toHaveLength(10);
    const order = whole!.recent!.map((r) => [Date.parse(r.timestamp), r.change_number] as const);
    expect(order).toEqual([...order].sort((a, b) => b[0] - a[0] || b[1] - a[1]));
    expect(recordOf(reduce([...all].reverse()))).toEqual(whole);
    for (let cut = 0; cut <= all.length; cut++) {
      const first = recordOf(reduce(all.slice(0, cut)));
      const fromFile = first ? candidatesFromRecord(first) : {};
      expect(runs(recordOf(mergeCandidates(fromFile, reduce(all.slice(cut)))))).toEqual(runs(whole));
      // Twice the same comments are the same runs.
      expect(recordOf(mergeCandidates(fromFile, reduce(all.slice(0, cut))))).toEqual(first);
    }
  });

  it('counts several comments on one change (rechecks) as several runs', () => {
    const record = recordOf(
      reduce([evidence(true, 1, 7, 1), evidence(false, 2, 7, 2), evidence(true, 3, 7, 3)]),
    );
    expect(runs(record)).toEqual(['7:00:00:03:true', '7:00:00:02:false', '7:00:00:01:true']);
  });

  it("starts a record written before recent existed with the record's own comment", () => {
    const { recent: _recent, ...legacy } = recordOf(reduce([evidence(true, 1, 5)]))!;
    expect(
      runs(recordOf(mergeCandidates(candidatesFromRecord(legacy), reduce([evidence(false, 9, 6)])))),
    ).toEqual(['6:00:00:09:false', '5:00:00:01:true']);
  });

  it('leaves out every part of a record dated after the limit', () => {
    const record = recordOf(reduce([evidence(true, 1, 1), evidence(false, 5, 2)]))!;
    record.recent = [
      { timestamp: '2099-01-01T00:00:00Z', change_number: 9, patch_set: 1, ci_result: true },
      ...record.recent!,
    ];
    const limit = (base + 6) * 1000;
    const kept = recordOf(candidatesFromRecord(record, limit));
    expect(kept).toMatchObject({
      change_number: 2,
      ci_result: false,
      last_success: { review_url: 'https://r/c/p/+/1' },
    });
    expect(runs(kept)).toEqual(['2:00:00:05:false', '1:00:00:01:true']);
    // A record whose own comment is too late has nothing left to say which line, branch and CI: it goes.
    expect(recordOf(candidatesFromRecord(record, (base + 4) * 1000))).toBeUndefined();
    expect(candidatesFromRecord(record)).toEqual(candidatesFromRecord(record, Infinity));
  });
});
