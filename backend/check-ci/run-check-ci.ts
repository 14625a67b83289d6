import { findWikiAccount } from '../gerrit/ci-account.ts';
import { createGerritClient, type GerritClientOptions } from '../gerrit/client.ts';
import type { Ci, Release } from '../model/types.ts';
import { compileCi } from '../ci/match-comment.ts';
import { createReleaseMapper } from '../ci/release-map.ts';
import { explainComment, type CommentReport } from './explain-comment.ts';
import { accountComments } from './account-comments.ts';

export interface CheckCiOptions {
  gerritUrl: string;
  project: string;
  ci: Ci;
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
  /** A ci block without id whose wiki name no one account has as its full name (or as its username). */
  | { kind: 'wiki-account-not-found'; wikiName: string; candidates: string[]; requests: number }
  | { kind: 'comments'; ciId: string; comments: CommentReport[]; requests: number };

/**
 * The CI account's latest comments on the project, each judged by update's rules. A ci block without id is
 * looked up by its wiki name as update looks it up.
 */
export async function checkCi(options: CheckCiOptions): Promise<CheckCiResult> {
  const compiled = compileCi(options.ci);
  const client = createGerritClient({
    baseUrl: options.gerritUrl,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...options.client,
  });
  let ciId = options.ci.id;
  if (ciId === undefined) {
    const wikiName = options.ci.wiki_name ?? '';
    const found = await findWikiAccount(client, wikiName);
    if (found.kind !== 'found') {
      const candidates = found.kind === 'ambiguous' ? found.candidates : [];
      return { kind: 'wiki-account-not-found', wikiName, candidates, requests: client.stats.requests };
    }
    ciId = found.username;
  }
  const found = await accountComments(client, options.project, ciId, options.limit);
  if (found === undefined) return { kind: 'author-not-found', ciId, requests: client.stats.requests };
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
    ciId,
    comments: found.map(({ change, message }) => explainComment(change, message, ctx)),
    requests: client.stats.requests,
  };
}
