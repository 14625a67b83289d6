import { describe, expect, it } from 'vitest';
import type { GerritErrorCode } from '../../backend/gerrit/errors.ts';
import {
  isRetryable,
  isRetryableStatus,
  parseRetryAfter,
  retryDecision,
  type RetryDecision,
  type RetryInput,
} from '../../backend/gerrit/retry.ts';

const now = Date.UTC(2024, 4, 9, 12, 0, 0);

function decide(attempt: number, input: Partial<RetryInput> = {}): RetryDecision {
  return retryDecision(attempt, { code: 'NETWORK', retries: 4, random: () => 0.5, now, ...input });
}

function delay(decision: RetryDecision): number | undefined {
  return decision.retry ? decision.delayMs : undefined;
}

describe('retryDecision', () => {
  it('backs off exponentially with full jitter, capped', () => {
    const top = (attempt: number) => delay(decide(attempt, { random: () => 0.999999, retries: 30 }));
    expect(top(0)).toBe(499);
    expect(top(1)).toBe(999);
    expect(top(3)).toBe(3999);
    expect(top(20)).toBe(29_999);
    expect(delay(decide(3, { random: () => 0 }))).toBe(0);
    expect(delay(decide(2, { baseMs: 100 }))).toBe(200);
    // The operator's wait cap also caps the backoff.
    expect(delay(decide(20, { random: () => 0.999999, retries: 30, maxRetryWaitMs: 10_000 }))).toBe(9_999);
  });

  it('stops after the allowed retries', () => {
    expect(decide(3, { retries: 4 }).retry).toBe(true);
    expect(decide(4, { retries: 4 })).toEqual({ retry: false, why: 'exhausted' });
    expect(decide(0, { retries: 0 })).toEqual({ retry: false, why: 'exhausted' });
  });

  it('retries dropped connections, timeouts, 408, 429 and 5xx only', () => {
    expect(decide(0, { code: 'NETWORK' }).retry).toBe(true);
    expect(decide(0, { code: 'TIMEOUT' }).retry).toBe(true);
    for (const status of [408, 429, 500, 502, 503, 504]) {
      expect(decide(0, { code: 'HTTP_STATUS', status }).retry).toBe(true);
    }
    for (const status of [400, 401, 403, 404, 405, 409, 422]) {
      expect(decide(0, { code: 'HTTP_STATUS', status })).toEqual({ retry: false, why: 'permanent' });
      expect(isRetryableStatus(status)).toBe(false);
    }
  });

  it('never retries an address where nothing answers, nor an answer DriverLog refuses', () => {
    const permanent: GerritErrorCode[] = [
      'CONNECTION_REFUSED',
      'DNS',
      'TLS',
      'PORT_BLOCKED',
      'TOO_LARGE',
      'REDIRECT',
      'REPEATED_PAGE',
      'NO_PREFIX',
      'BAD_JSON',
      'PAGE_LIMIT',
      'ABORTED',
    ];
    for (const code of permanent) {
      expect(isRetryable(code)).toBe(false);
      expect(decide(0, { code })).toEqual({ retry: false, why: 'permanent' });
    }
  });

  it('honours Retry-After in seconds or as an HTTP date', () => {
    const http = { code: 'HTTP_STATUS' as const, status: 429 };
    expect(delay(decide(0, { ...http, retryAfterHeader: '7' }))).toBe(7000);
    const date = new Date(now + 12_000).toUTCString();
    expect(delay(decide(0, { ...http, status: 503, retryAfterHeader: date }))).toBe(12_000);
    expect(delay(decide(0, { ...http, retryAfterHeader: 'soon' }))).toBe(250);
  });

  it('does not retry when Retry-After asks for longer than the operator allows', () => {
    const http = { code: 'HTTP_STATUS' as const, status: 429 };
    expect(decide(0, { ...http, retryAfterHeader: '999999' })).toEqual({
      retry: false,
      why: 'wait-too-long',
      askedMs: 999_999_000,
      maxRetryWaitMs: 60_000,
    });
    expect(delay(decide(0, { ...http, retryAfterHeader: '60' }))).toBe(60_000);
    expect(decide(0, { ...http, retryAfterHeader: '61' })).toMatchObject({ why: 'wait-too-long' });
    expect(delay(decide(0, { ...http, retryAfterHeader: '600', maxRetryWaitMs: 600_000 }))).toBe(600_000);
    // Said even when the retries are used up: it is the better reason to give.
    expect(decide(4, { ...http, retryAfterHeader: '999999' })).toMatchObject({ why: 'wait-too-long' });
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
