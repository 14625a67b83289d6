// Pure retry policy: the client asks here how long to wait and does the sleeping itself.

export interface RetryInput {
  /** HTTP status of the failed attempt; undefined for network errors and timeouts. */
  status?: number;
  retryAfterHeader?: string | null;
  random: () => number;
  now: number;
  baseMs?: number;
  maxMs?: number;
  /** A server asking for longer than this gets this; an hour-long Retry-After would stall the job. */
  maxRetryAfterMs?: number;
}

export const RETRY_DEFAULTS = { baseMs: 500, maxMs: 30_000, maxRetryAfterMs: 120_000 };

/** 408, 429 and 5xx are worth another try; other statuses will answer the same again. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Retry-After as seconds or an HTTP date → ms to wait (≥ 0), or undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP dates name the weekday and "GMT"; Date.parse alone would also take "-3" as a year.
  if (!/^[A-Za-z]{3}, .* GMT$/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait before retry number `attempt + 1` (attempt counts from 0), or undefined when the failure
 * is not worth retrying. Exponential backoff with full jitter, unless the server said when.
 */
export function retryDelay(attempt: number, input: RetryInput): number | undefined {
  if (input.status !== undefined && !isRetryableStatus(input.status)) return undefined;
  const { baseMs, maxMs, maxRetryAfterMs } = { ...RETRY_DEFAULTS, ...definedOnly(input) };
  const asked = parseRetryAfter(input.retryAfterHeader, input.now);
  if (asked !== undefined) return Math.min(asked, maxRetryAfterMs);
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.floor(input.random() * ceiling);
}

function definedOnly(input: RetryInput): Partial<typeof RETRY_DEFAULTS> {
  const out: Partial<typeof RETRY_DEFAULTS> = {};
  if (input.baseMs !== undefined) out.baseMs = input.baseMs;
  if (input.maxMs !== undefined) out.maxMs = input.maxMs;
  if (input.maxRetryAfterMs !== undefined) out.maxRetryAfterMs = input.maxRetryAfterMs;
  return out;
}
