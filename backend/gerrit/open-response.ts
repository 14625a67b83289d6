import { GerritError, bodyExcerpt, statusHint } from './errors.ts';
import type { RequestContext } from './request-context.ts';
import { cappedChunks, readStart } from './response-body.ts';
import { waitBeyondCap } from './retry.ts';
import { GERRIT_LIMITS, settingName } from './settings.ts';

const MAX_REDIRECTS = 5;
const EXCERPT_BYTES = 4096;

/**
 * One attempt's answer with a 2xx status, its body still unread. Redirects within the configured origin
 * are followed; one to another origin is refused (REDIRECT), so evidence is never credited to the
 * configured Gerrit when another host answered. Other statuses become HTTP_STATUS with the start of the
 * body and the server's Retry-After.
 */
export async function openResponse(
  ctx: RequestContext,
  url: string,
  attempt: number,
  signal: AbortSignal,
): Promise<Response> {
  let current = url;
  for (let hop = 0; ; hop++) {
    ctx.stats.requests++;
    ctx.onEvent({ type: 'request', method: 'GET', url: current, attempt });
    const response = await ctx.fetch(current, { headers: ctx.headers, signal, redirect: 'manual' });
    noteServerDate(ctx, response.headers.get('date'));
    const request = { method: 'GET', url: current };
    if (response.status >= 300 && response.status <= 399 && response.headers.has('location')) {
      await response.body?.cancel();
      current = redirectTarget(ctx.origin, request, response.headers.get('location')!, hop);
      continue;
    }
    if (response.status >= 200 && response.status <= 299) return response;
    throw await statusError(ctx, request, response);
  }
}

function redirectTarget(
  origin: string,
  request: { method: string; url: string },
  location: string,
  hop: number,
): string {
  let target: URL;
  try {
    target = new URL(location, request.url);
  } catch (cause) {
    throw new GerritError(`redirected to ${JSON.stringify(location.slice(0, 200))}, which is not a URL`, {
      code: 'REDIRECT',
      ...request,
      cause,
    });
  }
  if (target.origin !== origin) {
    throw new GerritError(
      `redirected to ${target.origin}, another origin than the configured ${origin}; DriverLog does not follow, because evidence from that server would be credited to ${origin} (if ${target.origin} is the Gerrit to scan, give it as --gerrit-url)`,
      { code: 'REDIRECT', ...request },
    );
  }
  if (hop + 1 > MAX_REDIRECTS) {
    throw new GerritError(
      `more than ${MAX_REDIRECTS} redirects (the last to ${target.href}); check the Gerrit URL`,
      {
        code: 'REDIRECT',
        ...request,
      },
    );
  }
  return target.href;
}

async function statusError(
  ctx: RequestContext,
  request: { method: string; url: string },
  response: Response,
): Promise<GerritError> {
  const text = await readStart(
    cappedChunks(response, ctx.maxResponseBytes, request, (count) => (ctx.stats.bytes += count)),
    EXCERPT_BYTES,
  );
  const excerpt = bodyExcerpt(text);
  const retryAfter = response.headers.get('retry-after');
  const hint = waitHint(ctx, retryAfter) ?? statusHint(response.status);
  const message = `${response.status} ${response.statusText}${excerpt ? `: "${excerpt}"` : ''} (${hint})`;
  return new GerritError(message, {
    code: 'HTTP_STATUS',
    ...request,
    status: response.status,
    bodyStart: text.slice(0, 200),
    ...(retryAfter === null ? {} : { retryAfter }),
  });
}

/** When the server asks for a longer pause than the operator allows, say so: the request is not retried. */
function waitHint(ctx: RequestContext, retryAfter: string | null): string | undefined {
  const asked = waitBeyondCap(retryAfter, ctx.now(), ctx.maxRetryWaitMs);
  if (asked === undefined) return undefined;
  return `the server asks to wait ${Math.ceil(asked / 1000)} s before trying again, longer than the ${ctx.maxRetryWaitMs / 1000} s DriverLog waits, so it did not retry; try again later, or allow longer waits with ${settingName(GERRIT_LIMITS.maxRetryWait)}`;
}

/** Remember the server's clock from an HTTP `Date` header; an unreadable one is ignored, not guessed. */
function noteServerDate(ctx: RequestContext, header: string | null): void {
  if (header === null) return;
  const ms = Date.parse(header);
  if (!Number.isNaN(ms)) ctx.serverDate = ms;
}
