import type { GerritClient } from '../gerrit/client.ts';
import { GerritError } from '../gerrit/errors.ts';
import { parseGerritTimestamp } from '../gerrit/time.ts';
import type { ChangeInfo, ChangeMessageInfo } from '../gerrit/types.ts';

export interface AccountComment {
  change: ChangeInfo;
  message: ChangeMessageInfo;
}

const LATEST_PAGES = 4;

/**
 * An account's latest `limit` comments on a project, newest first; undefined when Gerrit knows no such account.
 * `commentby:` finds them fast but Gerrit answers 400 for a username it does not know or that is only inactive;
 * then the account is looked up (inactive included) and asked for by its numeric id.
 */
export async function accountComments(
  client: GerritClient,
  project: string,
  username: string,
  limit: number,
): Promise<AccountComment[] | undefined> {
  try {
    return await latestComments(client, `project:${project} commentby:${username}`, username, limit);
  } catch (error) {
    if (!(error instanceof GerritError && error.status === 400)) throw error;
    const account = await client.findAccount(username);
    if (account === undefined) return undefined;
    return latestComments(client, `project:${project} commentby:${account._account_id}`, username, limit);
  }
}

async function latestComments(
  client: GerritClient,
  query: string,
  username: string,
  limit: number,
): Promise<AccountComment[]> {
  const found: Array<AccountComment & { at: number }> = [];
  // Changes come newest-updated first, so a few pages hold the latest `limit` comments. Reading no further than
  // that is the plan, not a failure: what the pages held is the answer.
  try {
    for await (const page of client.queryChanges(query, {
      pageSize: Math.max(limit, 25),
      maxPages: LATEST_PAGES,
    })) {
      for (const change of page) {
        for (const message of change.messages ?? []) {
          if (message.author?.username !== username) continue;
          found.push({ change, message, at: parseGerritTimestamp(message.date) });
        }
      }
      if (found.length >= limit) break;
    }
  } catch (error) {
    if (!(error instanceof GerritError && error.code === 'PAGE_LIMIT')) throw error;
  }
  return found
    .sort((a, b) => b.at - a.at || b.change._number - a.change._number)
    .slice(0, limit)
    .map(({ change, message }) => ({ change, message }));
}
