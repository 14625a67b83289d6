import { queryAccounts } from './accounts.ts';
import { QueryError } from './query-error.ts';
import { accountInfo, changeInfo } from './serialize.ts';
import type { ChangeStore } from './store.ts';
import type { SimAccount } from './types.ts';

export interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
  /** JSON bodies carry Gerrit's `)]}'` line; errors are plain text. */
  json?: boolean;
}

export const PREFIX_LINE = ")]}'\n";
export const SERVER_VERSION = '3.10.0';

// Gerrit refuses unknown o= values; these are the ListChangesOption names it knows.
const CHANGE_OPTIONS = new Set(
  'LABELS DETAILED_LABELS SUBMIT_REQUIREMENTS CURRENT_REVISION ALL_REVISIONS CURRENT_COMMIT ALL_COMMITS CURRENT_FILES ALL_FILES DETAILED_ACCOUNTS REVIEWER_UPDATES MESSAGES CURRENT_ACTIONS CHANGE_ACTIONS REVIEWED SKIP_MERGEABLE SKIP_DIFFSTAT SUBMITTABLE WEB_LINKS CHECK COMMIT_FOOTERS PUSH_CERTIFICATES TRACKING_IDS CUSTOM_KEYED_VALUES STAR PARENTS'.split(
    ' ',
  ),
);

export function text(status: number, body: string, headers?: Record<string, string>): Reply {
  return headers ? { status, body: `${body}\n`, headers } : { status, body: `${body}\n` };
}

function json(value: unknown): Reply {
  return { status: 200, body: `${PREFIX_LINE}${JSON.stringify(value)}\n`, json: true };
}

/** GET /changes/ */
export function listChanges(
  params: URLSearchParams,
  store: ChangeStore,
  { maxLimit, legacyRevisions }: { maxLimit: number; legacyRevisions: boolean },
): Reply {
  const options = params.getAll('o');
  const unknown = options.find((o) => !CHANGE_OPTIONS.has(o));
  if (unknown !== undefined) return text(400, `"${unknown}" is not a valid value for "-o"`);
  const limit = count(params.get('n'), 'n');
  const start = count(params.get('S') ?? params.get('start'), 'S');
  if (typeof limit === 'string') return text(400, limit);
  if (typeof start === 'string') return text(400, start);
  let matches;
  try {
    matches = store.query(params.get('q') ?? '');
  } catch (error) {
    if (error instanceof QueryError) return text(400, error.message);
    throw error;
  }
  const pageSize = limit > 0 ? Math.min(limit, maxLimit) : maxLimit;
  const page = matches.slice(start, start + pageSize);
  const accounts = accountIndex(store.accounts);
  const serializeOptions = {
    messages: options.includes('MESSAGES'),
    detailedAccounts: options.includes('DETAILED_ACCOUNTS'),
    currentRevision: options.includes('CURRENT_REVISION') || options.includes('ALL_REVISIONS'),
    legacyRevisions,
  };
  const infos = page.map((change) => changeInfo(change, accounts, serializeOptions));
  const last = infos.at(-1);
  if (last && start + page.length < matches.length) last._more_changes = true;
  return json(infos);
}

/** GET /accounts/ */
export function listAccounts(params: URLSearchParams, store: ChangeStore): Reply {
  const query = params.get('q');
  if (query === null) return text(400, 'missing query field');
  let found: SimAccount[];
  try {
    found = queryAccounts(query, store.accounts);
  } catch (error) {
    if (error instanceof QueryError) return text(400, error.message);
    throw error;
  }
  const detailed = params.getAll('o').includes('DETAILS');
  return json(
    found.map((account) => {
      const info = accountInfo(account, account._account_id, detailed);
      // Gerrit reports the state even without DETAILS.
      return account.inactive ? { ...info, inactive: true } : info;
    }),
  );
}

export function serverVersion(): Reply {
  return json(SERVER_VERSION);
}

function count(value: string | null, name: string): number | string {
  if (value === null) return 0;
  return /^\d+$/.test(value) ? Number(value) : `"${value}" is not a valid value for "-${name}"`;
}

const indexCache = new WeakMap<SimAccount[], Map<number, SimAccount>>();

function accountIndex(accounts: SimAccount[]): Map<number, SimAccount> {
  let index = indexCache.get(accounts);
  if (!index || index.size !== accounts.length) {
    index = new Map(accounts.map((account) => [account._account_id, account]));
    indexCache.set(accounts, index);
  }
  return index;
}
