import { GerritError } from './errors.ts';
import type { RequestLabel } from './json-array-stream.ts';
import { GERRIT_LIMITS, MB, settingName } from './settings.ts';

/**
 * The body's chunks as they arrive, counted in `onBytes`, cut off with TOO_LARGE (not retried) once
 * past `maxBytes`: a huge answer is never buffered, and a Content-Length over the cap is refused unread.
 * Leaving early cancels the body, which frees the connection.
 */
export async function* cappedChunks(
  response: Response,
  maxBytes: number,
  request: RequestLabel,
  onBytes: (count: number) => void,
): AsyncGenerator<Uint8Array> {
  const announced = Number(response.headers.get('content-length') ?? Number.NaN);
  if (announced > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(request, maxBytes, `announces ${formatMb(announced)}`);
  }
  if (response.body === null) return;
  const reader = response.body.getReader();
  let total = 0;
  // Open until the body ends or fails; leaving it open (too large, or the caller stopped) cancels it.
  let open = true;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        open = false;
        throw error;
      }
      if (next.done) {
        open = false;
        return;
      }
      total += next.value.length;
      onBytes(next.value.length);
      if (total > maxBytes) throw tooLarge(request, maxBytes, 'went past it');
      yield next.value;
    }
  } finally {
    if (open) await reader.cancel();
  }
}

/** The whole (capped) body as text: for small answers, and for error excerpts. */
export async function readText(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return new TextDecoder().decode(Buffer.concat(parts));
}

/** At most `limit` bytes of the body as text, then the rest is cancelled unread: enough for an error message. */
export async function readStart(chunks: AsyncIterable<Uint8Array>, limit: number): Promise<string> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    total += chunk.length;
    if (total >= limit) break;
  }
  return new TextDecoder().decode(Buffer.concat(parts).subarray(0, limit));
}

function tooLarge(request: RequestLabel, maxBytes: number, what: string): GerritError {
  return new GerritError(
    `the answer is larger than the ${formatMb(maxBytes)} limit (it ${what}), so DriverLog stopped reading it and will not retry; a page of Gerrit changes is normally a few MiB: check that the URL is Gerrit's, or raise the limit with ${settingName(GERRIT_LIMITS.maxResponseMb)}`,
    { code: 'TOO_LARGE', ...request },
  );
}

function formatMb(bytes: number): string {
  const mb = bytes / MB;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MiB`;
}
