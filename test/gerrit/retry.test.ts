import { describe, expect, it } from 'vitest';
import { isRetryableStatus, parseRetryAfter, retryDelay } from '../../backend/gerrit/retry.ts';

const now = Date.UTC(2024, 4, 9, 12, 0, 0);

describe('retryDelay', () => {
  it('backs off exponentially with full jitter, capped', () => {
    const top = (attempt: number) => retryDelay(attempt, { random: () => 0.999999, now });
    expect(top(0)).toBe(499);
    expect(top(1)).toBe(999);
    expect(top(3)).toBe(3999);
    expect(top(20)).toBe(29_999);
    expect(retryDelay(5, { random: () => 0, now })).toBe(0);
    expect(retryDelay(2, { random: () => 0.5, now, baseMs: 100 })).toBe(200);
  });

  it('retries network errors, 408, 429 and 5xx only', () => {
    expect(retryDelay(0, { random: () => 0.5, now })).toBeDefined();
    for (const status of [408, 429, 500, 502, 503, 504]) {
      expect(retryDelay(0, { status, random: () => 0.5, now })).toBeDefined();
    }
    for (const status of [400, 401, 403, 404, 405, 409, 422]) {
      expect(retryDelay(0, { status, random: () => 0.5, now })).toBeUndefined();
      expect(isRetryableStatus(status)).toBe(false);
    }
  });

  it('honours Retry-After in seconds or as an HTTP date, within a cap', () => {
    expect(retryDelay(0, { status: 429, retryAfterHeader: '7', random: () => 0.5, now })).toBe(7000);
    const date = new Date(now + 12_000).toUTCString();
    expect(retryDelay(0, { status: 503, retryAfterHeader: date, random: () => 0.5, now })).toBe(12_000);
    expect(retryDelay(0, { status: 429, retryAfterHeader: '86400', random: () => 0.5, now })).toBe(120_000);
    expect(retryDelay(0, { status: 429, retryAfterHeader: 'soon', random: () => 0.5, now })).toBe(250);
  });
});

describe('parseRetryAfter', () => {
  it('reads both forms and never goes negative', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(new Date(now - 5000).toUTCString(), now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
  });
});
