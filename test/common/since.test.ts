import { describe, expect, it } from 'vitest';
import { UsageError } from '../../backend/common/errors.ts';
import { resolveSince, SinceError } from '../../backend/common/since.ts';

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

  it('rejects anything else with the accepted forms, as a usage error', () => {
    for (const bad of ['2024-02-31', 'yesterday', '2024-05-09 16:41:07', '']) {
      expect(() => resolveSince(bad, now)).toThrow(SinceError);
    }
    expect(() => resolveSince('soon', now)).toThrow(/YYYY-MM-DD/);
    expect(() => resolveSince('soon', now)).toThrow(UsageError);
  });

  it('refuses windows that reach before 1970 or start in the future, instead of failing later', () => {
    expect(() => resolveSince('99999999d', now)).toThrow(/before 1970/);
    expect(() => resolveSince('999999999d', now)).toThrow(/before 1970/);
    expect(() => resolveSince('9999999999999d', now)).toThrow(SinceError);
    expect(() => resolveSince('2099-01-01', now)).toThrow(/in the future/);
    expect(resolveSince('19914d', now)).toBe(Date.parse('1970-01-01T00:00:00Z'));
  });
});
