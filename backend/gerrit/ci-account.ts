import type { GerritClient } from './client.ts';
import type { AccountInfo } from './types.ts';

// Cinder's driver classes name their CI by its ThirdPartySystems wiki page (CI_WIKI_NAME). The CI tools cinder
// used read that page name as the account's full name, `_` standing for a space; some CIs took the page name
// as their username instead.

/** What looking an account up by a wiki name found. */
export type WikiAccount =
  | { kind: 'found'; username: string; name?: string; by: 'name' | 'username' }
  /** Several accounts have that full name: their usernames, sorted. */
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'none' };

/** `Acme_Storage_CI` → `Acme Storage CI`. */
export function wikiFullName(wikiName: string): string {
  return wikiName.replaceAll('_', ' ').trim().replace(/\s+/g, ' ');
}

const folded = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Of the accounts a `name:` query returned, those whose full name is `fullName` (Gerrit's `name:` also matches
 * names that only start with it, and ignores case), as CI usernames: accounts without one cannot be matched to
 * comment authors.
 */
export function accountsNamed(
  accounts: readonly AccountInfo[],
  fullName: string,
): Array<AccountInfo & { username: string }> {
  const wanted = folded(fullName);
  return accounts.filter(
    (account): account is AccountInfo & { username: string } =>
      account.username !== undefined && account.name !== undefined && folded(account.name) === wanted,
  );
}

/** The query term for a full name: quoted, or braced when it holds a quote; undefined when it holds both. */
export function nameTerm(fullName: string): string | undefined {
  if (!fullName.includes('"')) return `name:"${fullName}"`;
  return fullName.includes('}') ? undefined : `name:{${fullName}}`;
}

/**
 * The one account a wiki name stands for: the account whose full name is the wiki name with `_` read as a space
 * (one query), else the account whose username is the wiki name (findAccount). Two accounts with that full name
 * are ambiguous, and no guess is made.
 */
export async function findWikiAccount(client: GerritClient, wikiName: string): Promise<WikiAccount> {
  const fullName = wikiFullName(wikiName);
  const term = nameTerm(fullName);
  const named = term === undefined ? [] : accountsNamed(await client.queryAccounts(term), fullName);
  if (named.length === 1)
    return { kind: 'found', username: named[0]!.username, name: named[0]!.name!, by: 'name' };
  if (named.length > 1)
    return { kind: 'ambiguous', candidates: [...new Set(named.map((account) => account.username))].sort() };
  // Usernames have no spaces: a name given with spaces (check-ci --account "Acme Storage CI") is no username.
  if (/\s/.test(wikiName)) return { kind: 'none' };
  const account = await client.findAccount(wikiName);
  if (account?.username === undefined) return { kind: 'none' };
  return {
    kind: 'found',
    username: account.username,
    ...(account.name !== undefined ? { name: account.name } : {}),
    by: 'username',
  };
}
