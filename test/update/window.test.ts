import { describe, expect, it } from 'vitest';
import { resolveSince, SinceError } from '../../backend/update/window.ts';

const now = Date.parse('2024-07-10T15:30:00Z');

describe('resolveSince', () => {
  it('defaults to the start of the UTC day 180 days ago', () => {
    expect(new Date(resolveSince(undefined, now)).toISOString()).toBe('2024-01-12T00:00:00.000Z');
  });

  it('reads dates, ISO times (to the second) and day counts', () => {
    expect(resolveSince('2024-01-01', now)).toBe(Date.parse('2024-01-01T00:00:00Z'));
    expect(resolveSince('2024-05-09T16:41:07.900Z', now)).toBe(Date.parse('2024-05-09T16:41:07Z'));
    expect(resolveSince('30d', now)).toBe(Date.parse('2024-06-10T00:00:00Z'));
  });

  it('rejects anything else with the accepted forms', () => {
    for (const bad of ['2024-02-31', 'yesterday', '2024-05-09 16:41:07', '']) {
      expect(() => resolveSince(bad, now)).toThrow(SinceError);
    }
    expect(() => resolveSince('soon', now)).toThrow(/YYYY-MM-DD/);
  });
});
