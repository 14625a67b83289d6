import pkg from '../../package.json' with { type: 'json' };
import { GerritError } from './errors.ts';
import type { GerritEvent, GerritStats } from './events.ts';
import { defaultSleep, getJson, type RequestContext, type Sleep } from './request.ts';
import { Semaphore } from './semaphore.ts';
import type { AccountInfo, ChangeInfo } from './types.ts';

export type { GerritEvent, GerritStats } from './events.ts';

export interface GerritClientOptions {
  /** e.g. "https://review.opendev.org" (trailing slash tolerated). */
  baseUrl: string;
  /** → `/a/` prefix + HTTP Basic; never logged. */
  credentials?: { username: string; password: string };
  /** Per request, default 30 000. */
  timeoutMs?: number;
  /** Default 4 (network errors, timeouts, 408, 429, 5xx; honours Retry-After). */
  retries?: number;
  /** Requests in flight across all calls of this client, default 4. */
  maxInFlight?: number;
  userAgent?: string;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  sleep?: Sleep;
  random?: () => number;
  now?: () => number;
  onEvent?: (event: GerritEvent) => void;
}

export interface QueryOptions {
  /** `o=` options; default MESSAGES and DETAILED_ACCOUNTS (without it authors are bare account ids). */
  options?: string[];
  /** `n=`, default 500 (the server may cap it lower; paging follows what it sends). */
  pageSize?: number;
  /** Default 1000; more pages → GerritError PAGE_LIMIT. */
  maxPages?: number;
}

export interface GerritClient {
  /** Pages of results (each page an array), following _more_changes with S=; changes already yielded (same _number) are dropped. */
  queryChanges(query: string, options?: QueryOptions): AsyncGenerator<ChangeInfo[]>;
  /** The account with exactly this username, active OR inactive; undefined if Gerrit knows none. */
  findAccount(username: string): Promise<AccountInfo | undefined>;
  readonly stats: GerritStats;
}

export const DEFAULT_USER_AGENT = `driverlog/${pkg.version} (OpenStack DriverLog CI scanner)`;
export const DEFAULT_CHANGE_OPTIONS = ['MESSAGES', 'DETAILED_ACCOUNTS'];

export function createGerritClient(options: GerritClientOptions): GerritClient {
  const root = restRoot(options.baseUrl, options.credentials !== undefined);
  const stats: GerritStats = { requests: 0, bytes: 0, retries: 0 };
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'User-Agent': options.userAgent ?? DEFAULT_USER_AGENT,
  };
  if (options.credentials) {
    const { username, password } = options.credentials;
    headers.Authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }
  const ctx: RequestContext = {
    fetch: options.fetch ?? globalThis.fetch,
    headers,
    timeoutMs: options.timeoutMs ?? 30_000,
    retries: options.retries ?? 4,
    semaphore: new Semaphore(options.maxInFlight ?? 4),
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    stats,
    onEvent: options.onEvent ?? (() => {}),
  };
  if (options.signal) ctx.signal = options.signal;

  return {
    stats,
    queryChanges: (query, queryOptions = {}) => queryChanges(ctx, root, query, queryOptions),
    findAccount: (username) => findAccount(ctx, root, username),
  };
}

/** `https://host/base` + `/a` when authenticated; credentials in the URL itself are refused. */
function restRoot(baseUrl: string, authenticated: boolean): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (cause) {
    throw new TypeError(
      `Gerrit base URL is not a URL: ${JSON.stringify(baseUrl.replace(/\/\/[^@/]*@/, '//'))}`,
      {
        cause,
      },
    );
  }
  if (url.username || url.password) {
    throw new TypeError('Gerrit base URL must not contain credentials; pass them as options.credentials');
  }
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return authenticated ? `${base}/a` : base;
}

async function* queryChanges(
  ctx: RequestContext,
  root: string,
  query: string,
  { options = DEFAULT_CHANGE_OPTIONS, pageSize = 500, maxPages = 1000 }: QueryOptions,
): AsyncGenerator<ChangeInfo[]> {
  const seen = new Set<number>();
  let o = [...options];
  let offset = 0;
  for (let page = 0; ; page++) {
    let url = changesUrl(root, query, pageSize, offset, o);
    let changes = asChanges(await getJson(ctx, url), url);
    // Servers before 3.10 send no current_revision_number; ask once for the revisions instead.
    if (page === 0 && !o.includes('CURRENT_REVISION') && changes.some(lacksPatchSet)) {
      o = [...o, 'CURRENT_REVISION'];
      url = changesUrl(root, query, pageSize, offset, o);
      changes = asChanges(await getJson(ctx, url), url);
    }
    // Gerrit counts S= in results sent, duplicates included.
    offset += changes.length;
    const more = changes.at(-1)?._more_changes === true;
    const fresh = changes.filter((change) => !seen.has(change._number));
    for (const change of fresh) seen.add(change._number);
    ctx.onEvent({ type: 'page', url, page, received: changes.length, fresh: fresh.length, more });
    if (fresh.length > 0) yield fresh;
    if (!more || changes.length === 0) return;
    if (page + 1 >= maxPages) {
      throw new GerritError(
        `more than ${maxPages} pages of ${pageSize} results; raise the page cap or narrow the query (e.g. after:)`,
        { code: 'PAGE_LIMIT', method: 'GET', url },
      );
    }
  }
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

function asChanges(body: unknown, url: string): ChangeInfo[] {
  const ok =
    Array.isArray(body) &&
    body.every((item) => typeof item === 'object' && item !== null && typeof item._number === 'number');
  if (!ok) {
    throw new GerritError('expected a JSON array of changes with numeric _number', {
      code: 'BAD_JSON',
      method: 'GET',
      url,
      bodyStart: JSON.stringify(body).slice(0, 200),
    });
  }
  return body as ChangeInfo[];
}

async function findAccount(
  ctx: RequestContext,
  root: string,
  username: string,
): Promise<AccountInfo | undefined> {
  // Gerrit adds is:active to account queries that name neither state, so ask twice.
  for (const query of [`username:${username}`, `username:${username} is:inactive`]) {
    const params = new URLSearchParams({ q: query, o: 'DETAILS' });
    const url = `${root}/accounts/?${params}`;
    const body = await getJson(ctx, url);
    if (!Array.isArray(body)) {
      throw new GerritError('expected a JSON array of accounts', { code: 'BAD_JSON', method: 'GET', url });
    }
    const accounts = body as AccountInfo[];
    // CI ids are compared to comment authors' usernames exactly; an account that only matches in another
    // letter case would never match a comment, so it does not count as found.
    const exact = accounts.find((account) => account.username === username);
    if (exact) return exact;
  }
  return undefined;
}
