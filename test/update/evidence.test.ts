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
