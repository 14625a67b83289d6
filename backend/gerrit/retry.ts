// Pure retry policy: the client asks here whether and how long to wait, and does the sleeping itself.
import type { GerritErrorCode } from './errors.ts';

export interface RetryInput {
  /** What failed: the error's code, and the HTTP status when the server answered. */
  code: GerritErrorCode;
  status?: number;
  retryAfterHeader?: string | null;
  /** Retries allowed after the first attempt. */
  retries: number;
  random: () => number;
  now: number;
  baseMs?: number;
  maxMs?: number;
  /** The longest wait before one retry that DriverLog accepts; a server asking for more is not retried. */
  maxRetryWaitMs?: number;
}

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; why: 'permanent' | 'exhausted' }
  /** The server's Retry-After asks for longer than the operator allows: fail now, not after a futile wait. */
  | { retry: false; why: 'wait-too-long'; askedMs: number; maxRetryWaitMs: number };

export const RETRY_DEFAULTS = { baseMs: 500, maxMs: 30_000, maxRetryWaitMs: 60_000 };

/** 408, 429 and 5xx are worth another try; other statuses will answer the same again. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Failures that a later attempt may not see: a dropped connection or a slow answer, and the statuses
 * above. A refused connection, an unknown host or a failed TLS handshake answer the same within
 * milliseconds, and so do answers DriverLog refuses to use: retrying them only delays the message.
 */
export function isRetryable(code: GerritErrorCode, status?: number): boolean {
  if (code === 'NETWORK' || code === 'TIMEOUT') return true;
  return code === 'HTTP_STATUS' && status !== undefined && isRetryableStatus(status);
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

/** The wait a Retry-After asks for when it is longer than DriverLog may wait (then no retry), else undefined. */
export function waitBeyondCap(
  header: string | null | undefined,
  now: number,
  maxRetryWaitMs: number = RETRY_DEFAULTS.maxRetryWaitMs,
): number | undefined {
  const asked = parseRetryAfter(header, now);
  return asked !== undefined && asked > maxRetryWaitMs ? asked : undefined;
}

/**
 * Whether attempt number `attempt` (from 0) is followed by another, and after how long: exponential
 * backoff with full jitter, unless the server said when.
 */
export function retryDecision(attempt: number, input: RetryInput): RetryDecision {
  if (!isRetryable(input.code, input.status)) return { retry: false, why: 'permanent' };
  const { baseMs, maxMs, maxRetryWaitMs } = { ...RETRY_DEFAULTS, ...definedOnly(input) };
  const tooLong = waitBeyondCap(input.retryAfterHeader, input.now, maxRetryWaitMs);
  if (tooLong !== undefined) return { retry: false, why: 'wait-too-long', askedMs: tooLong, maxRetryWaitMs };
  const asked = parseRetryAfter(input.retryAfterHeader, input.now);
  if (attempt >= input.retries) return { retry: false, why: 'exhausted' };
  if (asked !== undefined) return { retry: true, delayMs: asked };
  const ceiling = Math.min(maxMs, maxRetryWaitMs, baseMs * 2 ** attempt);
  return { retry: true, delayMs: Math.floor(input.random() * ceiling) };
}

function definedOnly(input: RetryInput): Partial<typeof RETRY_DEFAULTS> {
  const out: Partial<typeof RETRY_DEFAULTS> = {};
  if (input.baseMs !== undefined) out.baseMs = input.baseMs;
  if (input.maxMs !== undefined) out.maxMs = input.maxMs;
  if (input.maxRetryWaitMs !== undefined) out.maxRetryWaitMs = input.maxRetryWaitMs;
  return out;
}
