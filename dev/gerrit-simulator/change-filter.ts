import { QueryError } from './query-error.ts';
import { parseQueryDate } from './query-date.ts';
import { tokenizeQuery, type Term } from './tokens.ts';
import type { SimAccount, SimChange } from './types.ts';

export type ChangeFilter = (change: SimChange, updatedMs: number) => boolean;

const STATUS: Record<string, Array<SimChange['status']>> = {
  open: ['NEW'],
  new: ['NEW'],
  pending: ['NEW'],
  merged: ['MERGED'],
  abandoned: ['ABANDONED'],
  closed: ['MERGED', 'ABANDONED'],
};

/** A change query → a predicate; QueryError (→ 400) for anything Gerrit would refuse. */
export function compileChangeQuery(query: string, accounts: readonly SimAccount[]): ChangeFilter {
  const filters = tokenizeQuery(query).map((term) => compileTerm(term, accounts));
  return (change, updatedMs) => filters.every((filter) => filter(change, updatedMs));
}

function compileTerm(term: Term, accounts: readonly SimAccount[]): ChangeFilter {
  const { operator, value } = term;
  switch (operator) {
    case 'status':
    case 'is': {
      const statuses = STATUS[value.toLowerCase()];
      if (!statuses) throw new QueryError(`Unrecognized value: ${value}`);
      return (change) => statuses.includes(change.status);
    }
    case 'project':
    case 'p':
      return (change) => change.project === value;
    case 'branch':
      return (change) => change.branch === value.replace(/^refs\/heads\//, '');
    case 'after':
    case 'since': {
      const cut = queryDate(value);
      return (_change, updated) => updated >= cut;
    }
    case 'before':
    case 'until': {
      const cut = queryDate(value);
      return (_change, updated) => updated <= cut;
    }
    case 'commentby': {
      const id = resolveAccount(value, accounts);
      return (change) => change.messages.some((message) => message.author === id);
    }
    default:
      throw new QueryError(`Unsupported operator ${operator}:${value}`);
  }
}

function queryDate(value: string): number {
  const ms = parseQueryDate(value);
  if (ms === undefined) throw new QueryError(`Invalid date: ${value}`);
  return ms;
}

/** Like Gerrit: a username must name an active account; a numeric id may name any. */
function resolveAccount(value: string, accounts: readonly SimAccount[]): number {
  if (/^\d+$/.test(value)) {
    const byId = accounts.find((account) => account._account_id === Number(value));
    if (byId) return byId._account_id;
  }
  const named = accounts.filter((account) => account.username === value);
  const active = named.find((account) => !account.inactive);
  if (active) return active._account_id;
  if (named.length > 0) {
    const ids = named.map((account) => `${account._account_id}: ${account.name}`).join('\n');
    throw new QueryError(
      `Account '${value}' only matches inactive accounts. To use an inactive account, retry with one of the following exact account IDs:\n${ids}`,
    );
  }
  throw new QueryError(`Account '${value}' not found`);
}
