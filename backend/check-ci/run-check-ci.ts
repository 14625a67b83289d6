import { createGerritClient, type GerritClient, type GerritClientOptions } from '../gerrit/client.ts';
import { GerritError } from '../gerrit/errors.ts';
import { parseGerritTimestamp } from '../gerrit/time.ts';
import type { ChangeInfo, ChangeMessageInfo } from '../gerrit/types.ts';
import type { PatternCi, Release } from '../model/types.ts';
import { compileCi } from '../ci/match-comment.ts';
import { createReleaseMapper } from '../ci/release-map.ts';
import { explainComment, type CommentReport } from './explain-comment.ts';

export interface CheckCiOptions {
  gerritUrl: string;
  project: string;
  ci: PatternCi;
  releases: Release[];
  /** The scan window's start (ms), as update's --since: older comments do not count. */
  since: number;
  limit: number;
  credentials?: { username: string; password: string };
  signal?: AbortSignal;
  client?: Partial<GerritClientOptions>;
}

export type CheckCiResult =
  | { kind: 'author-not-found'; ciId: string; requests: number }
  | { kind: 'comments'; comments: CommentReport[]; requests: number };

/**
 * The CI account's latest comments on the project, each judged by update's rules. `commentby:`
 * finds them fast but Gerrit answers 400 for a username it does not know or that is only inactive;
 * then the account is looked up (inactive included) and asked for by its numeric id.
 */
export async function checkCi(options: CheckCiOptions): Promise<CheckCiResult> {
  const compiled = compileCi(options.ci);
  const client = createGerritClient({
    baseUrl: options.gerritUrl,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...options.client,
  });
  let found: Array<{ change: ChangeInfo; message: ChangeMessageInfo }>;
  try {
    found = await latestComments(client, `project:${options.project} commentby:${options.ci.id}`, options);
  } catch (error) {
    if (!(error instanceof GerritError && error.status === 400)) throw error;
    const account = await client.findAccount(options.ci.id);
    if (account === undefined)
      return { kind: 'author-not-found', ciId: options.ci.id, requests: client.stats.requests };
    found = await latestComments(
      client,
      `project:${options.project} commentby:${account._account_id}`,
      options,
    );
  }
  const ctx = {
    gerritUrl: options.gerritUrl,
    ci: options.ci,
    compiled,
    since: options.since,
    // Without a registry there are no releases to map to; the mapping is then not held against a comment.
    mapRelease: options.releases.length > 0 ? createReleaseMapper(options.releases) : undefined,
  };
  return {
    kind: 'comments',
    comments: found.map(({ change, message }) => explainComment(change, message, ctx)),
    requests: client.stats.requests,
  };
}

const LATEST_PAGES = 4;

async function latestComments(
  client: GerritClient,
  query: string,
  options: CheckCiOptions,
): Promise<Array<{ change: ChangeInfo; message: ChangeMessageInfo }>> {
  const found: Array<{ change: ChangeInfo; message: ChangeMessageInfo; at: number }> = [];
  // Changes come newest-updated first, so a few pages hold the latest `limit` comments. Reading no further than
  // that is the plan, not a failure: what the pages held is the answer.
  try {
    for await (const page of client.queryChanges(query, {
      pageSize: Math.max(options.limit, 25),
      maxPages: LATEST_PAGES,
    })) {
      for (const change of page) {
        for (const message of change.messages ?? []) {
          if (message.author?.username !== options.ci.id) continue;
          found.push({ change, message, at: parseGerritTimestamp(message.date) });
        }
      }
      if (found.length >= options.limit) break;
    }
  } catch (error) {
    if (!(error instanceof GerritError && error.code === 'PAGE_LIMIT')) throw error;
  }
  return found
    .sort((a, b) => b.at - a.at || b.change._number - a.change._number)
    .slice(0, options.limit)
    .map(({ change, message }) => ({ change, message }));
}
