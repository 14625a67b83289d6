import { GerritError } from './errors.ts';
import { streamArray, type RequestContext } from './request.ts';
import type { ChangeInfo } from './types.ts';

export interface PagingOptions {
  options: string[];
  pageSize: number;
  maxPages: number;
}

export interface PageDone {
  /** From 0. */
  page: number;
  url: string;
  /** Results in the answer, repeats included: what Gerrit counts in S=. */
  received: number;
  /** Changes not yielded before. */
  fresh: number;
  more: boolean;
}

export type PageStep = { kind: 'change'; change: ChangeInfo } | ({ kind: 'page' } & PageDone);

// Pages in a row that bring nothing new while the server says more follow: Gerrit shifts results
// when changes are updated during a scan, but not by this many whole pages.
const STALE_PAGES = 3;

/**
 * Every change of a query, one at a time as the pages stream in, then a `page` step after each page.
 * Follows `_more_changes` with `S=<results received so far>`, drops changes already yielded (offsets
 * shift while Gerrit changes), stops with REPEATED_PAGE when the server sends the same page again (a
 * proxy that drops S=), and with PAGE_LIMIT past `maxPages`.
 */
export async function* changePages(
  ctx: RequestContext,
  root: string,
  query: string,
  { options, pageSize, maxPages }: PagingOptions,
): AsyncGenerator<PageStep> {
  const seen = new Set<number>();
  let o = [...options];
  let offset = 0;
  let stale = 0;
  let previous: number[] = [];
  for (let page = 0; ; page++) {
    let url = changesUrl(root, query, pageSize, offset, o);
    let received = 0;
    let fresh = 0;
    let last: ChangeInfo | undefined;
    let numbers: number[] = [];
    attempt: for (;;) {
      for await (const { index, value } of streamArray(ctx, url)) {
        const change = asChange(value, url, index);
        // Servers before 3.10 send no current_revision_number; ask once for the revisions instead.
        if (page === 0 && !o.includes('CURRENT_REVISION') && lacksPatchSet(change)) {
          o = [...o, 'CURRENT_REVISION'];
          url = changesUrl(root, query, pageSize, offset, o);
          continue attempt;
        }
        // A retried answer starts again: count only the attempt that completed.
        if (index === 0) numbers = [];
        numbers.push(change._number);
        received = index + 1;
        last = change;
        if (seen.has(change._number)) continue;
        seen.add(change._number);
        fresh++;
        yield { kind: 'change', change };
      }
      break;
    }
    offset += received;
    const more = last?._more_changes === true;
    const done: PageDone = { page, url, received, fresh, more };
    ctx.onEvent({ type: 'page', ...done });
    yield { kind: 'page', ...done };
    if (!more || received === 0) return;
    stale = fresh > 0 ? 0 : stale + 1;
    if (stale >= STALE_PAGES || sameNumbers(numbers, previous)) throw repeating(url, page, stale);
    previous = numbers;
    if (page + 1 >= maxPages) {
      throw new GerritError(
        `Gerrit still had more after ${maxPages} pages of up to ${pageSize} changes, the most DriverLog reads for one query; narrow the scan window with a later --since`,
        { code: 'PAGE_LIMIT', method: 'GET', url },
      );
    }
  }
}

function repeating(url: string, page: number, stale: number): GerritError {
  const what =
    stale >= STALE_PAGES
      ? `${stale} pages in a row held only changes it had already sent`
      : `page ${page + 1} repeated page ${page} exactly`;
  return new GerritError(
    `the server keeps saying more changes follow, but ${what}: it ignores the S= offset (a proxy or cache that drops query parameters?), so DriverLog stopped rather than loop; check the Gerrit URL and any proxy in front of it`,
    { code: 'REPEATED_PAGE', method: 'GET', url },
  );
}

function sameNumbers(a: number[], b: number[]): boolean {
  return a.length > 0 && a.length === b.length && a.every((n, i) => n === b[i]);
}

function changesUrl(root: string, query: string, n: number, start: number, options: string[]): string {
  const params = new URLSearchParams({ q: query, n: String(n) });
  if (start > 0) params.set('S', String(start));
  for (const option of options) params.append('o', option);
  return `${root}/changes/?${params}`;
}

function lacksPatchSet(change: ChangeInfo): boolean {
  return change.current_revision_number === undefined && change.revisions === undefined;
}

function asChange(value: unknown, url: string, index: number): ChangeInfo {
  if (typeof value === 'object' && value !== null && typeof (value as ChangeInfo)._number === 'number') {
    return value as ChangeInfo;
  }
  throw new GerritError(`result ${index + 1} of the answer is not a change with a numeric _number`, {
    code: 'BAD_JSON',
    method: 'GET',
    url,
    bodyStart: JSON.stringify(value)?.slice(0, 200) ?? String(value),
  });
}
