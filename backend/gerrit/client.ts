import pkg from '../../package.json' with { type: 'json' };
import { changePages, type PageDone, type PagingOptions } from './change-pages.ts';
import { GerritError } from './errors.ts';
import type { GerritEvent, GerritStats } from './events.ts';
import { defaultSleep, getJson, type RequestContext, type Sleep } from './request.ts';
import { Semaphore } from './semaphore.ts';
import { GERRIT_LIMITS, MB } from './settings.ts';
import type { AccountInfo, ChangeInfo } from './types.ts';

export type { GerritEvent, GerritStats } from './events.ts';
export type { PageDone } from './change-pages.ts';

export interface GerritClientOptions {
  /** e.g. "https://review.opendev.org" (trailing slash tolerated). */
  baseUrl: string;
  /** → `/a/` prefix + HTTP Basic; never logged. */
  credentials?: { username: string; password: string };
  /** Per request, default 30 000. */
  timeoutMs?: number;
  /** Default 4 (network errors, timeouts, 408, 429, 5xx; honours Retry-After). */
  retries?: number;
  /** An answer larger than this fails as TOO_LARGE, unretried; default 64 MiB. */
  maxResponseBytes?: number;
  /** The longest wait before a retry; a Retry-After asking for more is not retried. Default 60 000. */
  maxRetryWaitMs?: number;
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

export interface StreamOptions extends QueryOptions {
  /** After each page, once its changes have been consumed. */
  onPage?: (page: PageDone) => void;
}

export interface GerritClient {
  /**
   * Every change of the query, one at a time as each page streams in: memory stays flat whatever the
   * page size. Follows _more_changes with S=; changes already yielded (same _number) are dropped.
   */
  streamChanges(query: string, options?: StreamOptions): AsyncGenerator<ChangeInfo>;
  /** The same changes a page (an array) at a time, empty pages skipped: for small queries. */
  queryChanges(query: string, options?: QueryOptions): AsyncGenerator<ChangeInfo[]>;
  /** The account with exactly this username, active OR inactive; undefined if Gerrit knows none. */
  findAccount(username: string): Promise<AccountInfo | undefined>;
  /** One account query (`/accounts/?q=…&o=DETAILS`) as Gerrit answers it: active accounts unless it says otherwise. */
  queryAccounts(query: string): Promise<AccountInfo[]>;
  readonly stats: GerritStats;
  /**
   * The server's clock: ms since the epoch from the `Date` header of the newest response, undefined until a
   * response carries one. Lets callers refuse positions and evidence dated after the server's "now".
   */
  readonly lastServerDate: number | undefined;
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
    origin: new URL(root).origin,
    timeoutMs: options.timeoutMs ?? 30_000,
    retries: options.retries ?? 4,
    maxResponseBytes: options.maxResponseBytes ?? GERRIT_LIMITS.maxResponseMb.default * MB,
    maxRetryWaitMs: options.maxRetryWaitMs ?? GERRIT_LIMITS.maxRetryWait.default * 1000,
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
    get lastServerDate() {
      return ctx.serverDate;
    },
    streamChanges: (query, streamOptions = {}) => streamChanges(ctx, root, query, streamOptions),
    queryChanges: (query, queryOptions = {}) => queryChanges(ctx, root, query, queryOptions),
    findAccount: (username) => findAccount(ctx, root, username),
    queryAccounts: (query) => queryAccounts(ctx, root, query),
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

function paging({
  options = DEFAULT_CHANGE_OPTIONS,
  pageSize = 500,
  maxPages = 1000,
}: QueryOptions): PagingOptions {
  return { options, pageSize, maxPages };
}

async function* streamChanges(
  ctx: RequestContext,
  root: string,
  query: string,
  options: StreamOptions,
): AsyncGenerator<ChangeInfo> {
  for await (const step of changePages(ctx, root, query, paging(options))) {
    if (step.kind === 'change') yield step.change;
    else options.onPage?.(step);
  }
}

async function* queryChanges(
  ctx: RequestContext,
  root: string,
  query: string,
  options: QueryOptions,
): AsyncGenerator<ChangeInfo[]> {
  let page: ChangeInfo[] = [];
  for await (const step of changePages(ctx, root, query, paging(options))) {
    if (step.kind === 'change') page.push(step.change);
    else if (page.length > 0) {
      yield page;
      page = [];
    }
  }
}

async function findAccount(
  ctx: RequestContext,
  root: string,
  username: string,
): Promise<AccountInfo | undefined> {
  // Gerrit adds is:active to account queries that name neither state, so ask twice.
  for (const query of [`username:${username}`, `username:${username} is:inactive`]) {
    const accounts = await queryAccounts(ctx, root, query);
    // CI ids are compared to comment authors' usernames exactly; an account that only matches in another
    // letter case would never match a comment, so it does not count as found.
    const exact = accounts.find((account) => account.username === username);
    if (exact) return exact;
  }
  return undefined;
}

async function queryAccounts(ctx: RequestContext, root: string, query: string): Promise<AccountInfo[]> {
  const params = new URLSearchParams({ q: query, o: 'DETAILS' });
  const url = `${root}/accounts/?${params}`;
  const body = await getJson(ctx, url);
  if (!Array.isArray(body)) {
    throw new GerritError('expected a JSON array of accounts', { code: 'BAD_JSON', method: 'GET', url });
  }
  return body as AccountInfo[];
}
