import { pool } from '../common/pool.ts';
import { findWikiAccount, type WikiAccount } from '../gerrit/ci-account.ts';
import type { GerritClient } from '../gerrit/client.ts';
import { GerritError } from '../gerrit/errors.ts';

/**
 * Asks Gerrit once for each wiki name's account. A name Gerrit could not be asked about is answered with the
 * error (its drivers wait for the next run); an abort ends the run.
 */
export async function lookUpAccounts(
  client: GerritClient,
  wikiNames: string[],
): Promise<Map<string, WikiAccount | GerritError>> {
  const answers = new Map<string, WikiAccount | GerritError>();
  await pool(wikiNames, 2, async (name) => {
    try {
      answers.set(name, await findWikiAccount(client, name));
    } catch (error) {
      if (!(error instanceof GerritError) || error.code === 'ABORTED') throw error;
      answers.set(name, error);
    }
  });
  return answers;
}
