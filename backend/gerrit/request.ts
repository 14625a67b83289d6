import { setTimeout as sleepTimer } from 'node:timers/promises';
import { GerritError, bodyExcerpt, statusHint } from './errors.ts';
import type { GerritEvent, GerritStats } from './events.ts';
import { parseGerritBody } from './response.ts';
import { isRetryableStatus, retryDelay } from './retry.ts';
import type { Semaphore } from './semaphore.ts';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Everything a request needs; built once per client. */
export interface RequestContext {
  fetch: typeof fetch;
  headers: Record<string, string>;
  timeoutMs: number;
  retries: number;
  semaphore: Semaphore;
  signal?: AbortSignal;
  sleep: Sleep;
  random: () => number;
  now: () => number;
  stats: GerritStats;
  onEvent: (event: GerritEvent) => void;
}

type Attempt = { ok: true; value: unknown } | { ok: false; error: GerritError; retryAfter: string | null };

export const defaultSleep: Sleep = async (ms, signal) => {
  await sleepTimer(ms, undefined, signal ? { signal } : {});
};

/** GET a Gerrit JSON resource with timeout, retries and the shared in-flight limit. */
export async function getJson(ctx: RequestContext, url: string): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    let release: () => void;
    try {
      release = await ctx.semaphore.acquire(ctx.signal);
    } catch (cause) {
      throw new GerritError('aborted while waiting for a free connection', {
        code: 'ABORTED',
        method: 'GET',
        url,
        cause,
      });
    }
    let outcome: Attempt;
    try {
      outcome = await attemptOnce(ctx, url, attempt);
    } finally {
      release();
    }
    if (outcome.ok) return outcome.value;
    const { error } = outcome;
    const delay =
      attempt < ctx.retries && isRetryable(error)
        ? retryDelay(attempt, {
            status: error.status,
            retryAfterHeader: outcome.retryAfter,
            random: ctx.random,
            now: ctx.now(),
          })
        : undefined;
    if (delay === undefined) throw error;
    ctx.stats.retries++;
    ctx.onEvent({
      type: 'retry',
      method: 'GET',
      url,
      attempt: attempt + 1,
      delayMs: delay,
      reason: error.code,
    });
    try {
      await ctx.sleep(delay, ctx.signal);
    } catch (cause) {
      throw new GerritError('aborted while waiting to retry', { code: 'ABORTED', method: 'GET', url, cause });
    }
  }
}

function isRetryable(error: GerritError): boolean {
  if (error.code === 'NETWORK' || error.code === 'TIMEOUT') return true;
  return error.code === 'HTTP_STATUS' && error.status !== undefined && isRetryableStatus(error.status);
}

async function attemptOnce(ctx: RequestContext, url: string, attempt: number): Promise<Attempt> {
  const request = { method: 'GET', url };
  if (ctx.signal?.aborted) {
    return {
      ok: false,
      error: new GerritError('aborted', { code: 'ABORTED', ...request }),
      retryAfter: null,
    };
  }
  ctx.stats.requests++;
  ctx.onEvent({ type: 'request', ...request, attempt });
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  let status: number;
  let statusText: string;
  let retryAfter: string | null;
  let body: string;
  try {
    const response = await ctx.fetch(url, { headers: ctx.headers, signal });
    status = response.status;
    statusText = response.statusText;
    retryAfter = response.headers.get('retry-after');
    const bytes = await response.arrayBuffer();
    ctx.stats.bytes += bytes.byteLength;
    body = new TextDecoder().decode(bytes);
  } catch (cause) {
    return { ok: false, error: transportError(ctx, timeout, request, cause), retryAfter: null };
  }
  if (status < 200 || status > 299) {
    const excerpt = bodyExcerpt(body);
    const message = `${status} ${statusText}${excerpt ? `: "${excerpt}"` : ''} (${statusHint(status)})`;
    const error = new GerritError(message, {
      code: 'HTTP_STATUS',
      ...request,
      status,
      bodyStart: body.slice(0, 200),
    });
    return { ok: false, error, retryAfter };
  }
  try {
    return { ok: true, value: parseGerritBody(body, request) };
  } catch (error) {
    if (error instanceof GerritError) return { ok: false, error, retryAfter: null };
    throw error;
  }
}

function transportError(
  ctx: RequestContext,
  timeout: AbortSignal,
  request: { method: string; url: string },
  cause: unknown,
): GerritError {
  if (ctx.signal?.aborted) return new GerritError('aborted', { code: 'ABORTED', ...request, cause });
  if (timeout.aborted) {
    return new GerritError(`no complete answer within ${ctx.timeoutMs} ms (raise the timeout or try later)`, {
      code: 'TIMEOUT',
      ...request,
      cause,
    });
  }
  return new GerritError(`network error: ${describe(cause)} (check the URL and the connection)`, {
    code: 'NETWORK',
    ...request,
    cause,
  });
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return `${cause.message}${inner}`;
}
