import { pool } from '../common/pool.ts';
import { findWikiAccount, type WikiAccount } from '../gerrit/ci-account.ts';
import type { GerritClient } from '../gerrit/client.ts';
import { GerritError } from '../gerrit/errors.ts';
import type { Registry } from '../model/types.ts';
import { accountLookups, resolveAccounts } from './ci-accounts.ts';

// Nothing answers at the address: every other name would fail the same way, each after its own wait.
const UNREACHABLE = new Set(['CONNECTION_REFUSED', 'DNS', 'TLS', 'PORT_BLOCKED']);

/**
 * Asks Gerrit once for each wiki name's account. A name Gerrit could not be asked about is answered with the
 * error (its drivers wait for the next run); once Gerrit is found unreachable, the names left get that error
 * without asking; an abort ends the run.
 */
export async function lookUpAccounts(
  client: GerritClient,
  wikiNames: string[],
): Promise<Map<string, WikiAccount | GerritError>> {
  const answers = new Map<string, WikiAccount | GerritError>();
  let unreachable: GerritError | undefined;
  await pool(wikiNames, 2, async (name) => {
    if (unreachable !== undefined) return void answers.set(name, unreachable);
    try {
      answers.set(name, await findWikiAccount(client, name));
    } catch (error) {
      if (!(error instanceof GerritError) || error.code === 'ABORTED') throw error;
      if (UNREACHABLE.has(error.code)) unreachable = error;
      answers.set(name, error);
    }
  });
  return answers;
}

/**
 * The wiki-named drivers' accounts for this run (ci-accounts.ts), asking Gerrit about those the last run's
 * findings do not cover; 'aborted' when the run was stopped meanwhile.
 */
export async function findCiAccounts(
  client: GerritClient,
  registry: Registry,
  gerritUrl: string,
  now: number,
): Promise<ReturnType<typeof resolveAccounts> | 'aborted'> {
  const lookups = accountLookups(registry, gerritUrl, now);
  try {
    const answers = lookups.length === 0 ? new Map() : await lookUpAccounts(client, lookups);
    return resolveAccounts(registry, gerritUrl, now, answers);
  } catch (error) {
    if (error instanceof GerritError && error.code === 'ABORTED') return 'aborted';
    throw error;
  }
}
