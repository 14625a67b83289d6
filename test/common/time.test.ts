import { describe, expect, it } from 'vitest';
import { gerritTimestampMs, timestampMs } from '../../backend/common/time.ts';

describe('timestampMs', () => {
  it('reads the registry form and Gerrit form as UTC', () => {
    expect(timestampMs('2024-05-09T16:41:07Z')).toBe(Date.UTC(2024, 4, 9, 16, 41, 7));
    expect(timestampMs('2024-05-09 16:41:07.123000000')).toBe(Date.UTC(2024, 4, 9, 16, 41, 7, 123));
  });

  it('is undefined for anything else, impossible days included', () => {
    for (const text of ['2024-05-09', '2024-05-09T16:41:07+02:00', '2024-02-31 00:00:00', 'soon', ''])
      expect(timestampMs(text), text).toBeUndefined();
    expect(gerritTimestampMs('2024-13-01 00:00:00')).toBeUndefined();
  });
});
