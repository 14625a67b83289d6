import { QueryError } from './query-error.ts';
import { tokenizeQuery } from './tokens.ts';
import type { SimAccount } from './types.ts';

/**
 * Gerrit's `name:` ignores case and matches a full name that starts with the value, or one of its words: several
 * accounts can answer `name:"Acme CI"` (`Acme CI`, `Acme CI Legacy`), and the caller picks the exact one.
 */
function nameMatches(name: string, value: string): boolean {
  const [full, wanted] = [name.toLowerCase(), value.toLowerCase().trim()];
  return wanted !== '' && (full.startsWith(wanted) || full.split(/\s+/).includes(wanted));
}

/**
 * GET /accounts/?q= as Gerrit answers it: username:, email:, name:, is:active, is:inactive; Gerrit
 * adds is:active when the query names neither state.
 */
export function queryAccounts(query: string, accounts: readonly SimAccount[]): SimAccount[] {
  const terms = tokenizeQuery(query);
  let state: 'active' | 'inactive' = 'active';
  const filters: Array<(account: SimAccount) => boolean> = [];
  for (const { operator, value } of terms) {
    if (operator === 'is' && (value === 'active' || value === 'inactive')) state = value;
    else if (operator === 'username') filters.push((a) => a.username === value);
    else if (operator === 'email') filters.push((a) => a.email?.startsWith(value) === true);
    else if (operator === 'name') filters.push((a) => nameMatches(a.name, value));
    else throw new QueryError(`Unsupported operator ${operator}:${value}`);
  }
  return accounts.filter(
    (account) => (state === 'inactive') === (account.inactive === true) && filters.every((f) => f(account)),
  );
}
