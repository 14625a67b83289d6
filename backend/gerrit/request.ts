import { setTimeout as sleepTimer } from 'node:timers/promises';
import { AttemptTimer } from './attempt-timer.ts';
import { GerritError } from './errors.ts';
import { jsonArrayElements } from './json-array-stream.ts';
import { openResponse } from './open-response.ts';
import { cappedChunks, readText } from './response-body.ts';
import { parseGerritBody } from './response.ts';
import { retryDecision } from './retry.ts';
import type { RequestContext, Sleep } from './request-context.ts';
import { transportError } from './transport-error.ts';

// Its own module, so open-response.ts can take it without importing this one back.
export type { RequestContext, Sleep } from './request-context.ts';

type Attempt<T> = (response: Response, request: { method: string; url: string }) => AsyncIterable<T>;

export const defaultSleep: Sleep = async (ms, signal) => {
  await sleepTimer(ms, undefined, signal ? { signal } : {});
};

/** GET a small Gerrit JSON resource, whole. */
export async function getJson(ctx: RequestContext, url: string): Promise<unknown> {
  for await (const value of withRetries(ctx, url, async function* (response, request) {
    const chunks = cappedChunks(response, ctx.maxResponseBytes, request, (n) => (ctx.stats.bytes += n));
    yield parseGerritBody(await readText(chunks), request);
  })) {
    return value;
  }
  throw new Error(`unreachable: no value from ${url}`);
}

/**
 * GET a Gerrit JSON array and yield its elements one at a time as they arrive, each with its index in
 * the answer. When an attempt fails part-way and is retried, the indexes start again from 0.
 */
export function streamArray(
  ctx: RequestContext,
  url: string,
): AsyncGenerator<{ index: number; value: unknown }> {
  return withRetries(ctx, url, async function* (response, request) {
    const chunks = cappedChunks(response, ctx.maxResponseBytes, request, (n) => (ctx.stats.bytes += n));
    let index = 0;
    for await (const value of jsonArrayElements(chunks, request)) yield { index: index++, value };
  });
}

/**
 * Attempts with a timeout each, the shared in-flight limit, and the retry policy of retry.ts between
 * them. The attempt's clock runs only while it waits for the server, not while the caller holds a value.
 */
async function* withRetries<T>(ctx: RequestContext, url: string, read: Attempt<T>): AsyncGenerator<T> {
  const request = { method: 'GET', url };
  for (let attempt = 0; ; attempt++) {
    const release = await acquire(ctx, url);
    const timer = new AttemptTimer(ctx.timeoutMs);
    const signal = ctx.signal ? AbortSignal.any([ctx.signal, timer.signal]) : timer.signal;
    let failure: GerritError;
    try {
      if (ctx.signal?.aborted) throw new GerritError('aborted', { code: 'ABORTED', ...request });
      timer.run();
      const response = await openResponse(ctx, url, attempt, signal);
      for await (const value of read(response, request)) {
        timer.pause();
        yield value;
        timer.run();
      }
      return;
    } catch (error) {
      failure =
        error instanceof GerritError
          ? error
          : transportError(request, error, {
              aborted: ctx.signal?.aborted === true,
              timedOut: timer.expired,
              timeoutMs: ctx.timeoutMs,
            });
    } finally {
      timer.pause();
      release();
    }
    const decision = retryDecision(attempt, {
      code: failure.code,
      ...(failure.status === undefined ? {} : { status: failure.status }),
      retryAfterHeader: failure.retryAfter ?? null,
      retries: ctx.retries,
      random: ctx.random,
      now: ctx.now(),
      maxRetryWaitMs: ctx.maxRetryWaitMs,
    });
    if (!decision.retry) throw failure;
    ctx.stats.retries++;
    ctx.onEvent({
      type: 'retry',
      method: 'GET',
      url,
      attempt: attempt + 1,
      delayMs: decision.delayMs,
      reason: failure.code,
    });
    try {
      await ctx.sleep(decision.delayMs, ctx.signal);
    } catch (cause) {
      throw new GerritError('aborted while waiting to retry', { code: 'ABORTED', ...request, cause });
    }
  }
}

async function acquire(ctx: RequestContext, url: string): Promise<() => void> {
  try {
    return await ctx.semaphore.acquire(ctx.signal);
  } catch (cause) {
    throw new GerritError('aborted while waiting for a free connection', {
      code: 'ABORTED',
      method: 'GET',
      url,
      cause,
    });
  }
}
