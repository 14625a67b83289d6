import { compileCi } from '../ci/match-comment.ts';
import { createReleaseMapper } from '../ci/release-map.ts';
import { findWikiAccount, type WikiAccount } from '../gerrit/ci-account.ts';
import { createGerritClient, type GerritClient } from '../gerrit/client.ts';
import { accountComments } from './account-comments.ts';
import { explainComment, type CommentReport } from './explain-comment.ts';
import type { CheckCiOptions } from './run-check-ci.ts';
import { suggestCi, type Suggestion } from './suggest-ci.ts';

export interface SuggestOptions extends Omit<CheckCiOptions, 'ci'> {
  /** The CI account: its username, or its full name (spaces or `_`, as a wiki page name writes it). */
  account: string;
}

export type SuggestResult =
  | { kind: 'account-not-found'; account: string; candidates: string[]; requests: number }
  | {
      kind: 'suggestion';
      account: Extract<WikiAccount, { kind: 'found' }>;
      suggestion: Suggestion;
      /** The newest `limit` comments, judged by the proposed block (empty without one). */
      judged: CommentReport[];
      requests: number;
    };

// A block is proposed from more comments than are shown: one unusual comment should not decide it.
const READ_AT_LEAST = 100;

/** `check-ci --suggest`: reads the account's recent comments on the project and proposes a ci block for them. */
export async function suggestForAccount(options: SuggestOptions): Promise<SuggestResult> {
  const client = createGerritClient({
    baseUrl: options.gerritUrl,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...options.client,
  });
  const account = await resolveAccount(client, options.account);
  if (account.kind !== 'found') {
    const candidates = account.kind === 'ambiguous' ? account.candidates : [];
    return {
      kind: 'account-not-found',
      account: options.account,
      candidates,
      requests: client.stats.requests,
    };
  }
  const read = Math.max(options.limit, READ_AT_LEAST);
  const comments = (await accountComments(client, options.project, account.username, read)) ?? [];
  const suggestion = suggestCi(
    comments.map(({ message }) => message.message),
    account.username,
  );
  const ci = suggestion.ci;
  const judged =
    ci === undefined
      ? []
      : comments.slice(0, options.limit).map(({ change, message }) =>
          explainComment(change, message, {
            gerritUrl: options.gerritUrl,
            ci,
            compiled: compileCi(ci),
            since: options.since,
            mapRelease: options.releases.length > 0 ? createReleaseMapper(options.releases) : undefined,
          }),
        );
  return { kind: 'suggestion', account, suggestion, judged, requests: client.stats.requests };
}

/** A username first (one exact account), else a full name as update reads a wiki name. */
async function resolveAccount(client: GerritClient, given: string): Promise<WikiAccount> {
  if (!/\s/.test(given)) {
    const account = await client.findAccount(given);
    if (account?.username !== undefined)
      return {
        kind: 'found',
        username: account.username,
        ...(account.name !== undefined ? { name: account.name } : {}),
        by: 'username',
      };
  }
  return findWikiAccount(client, given);
}
