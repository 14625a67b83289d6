import { printable } from '../common/escape.ts';
import { toIsoSeconds } from '../common/time.ts';
import { runWords } from '../ci/run-words.ts';
import { wikiFullName } from '../gerrit/ci-account.ts';
import type { Ci } from '../model/types.ts';
import type { CommentReport } from './explain-comment.ts';
import type { CheckCiResult } from './run-check-ci.ts';

export function formatCheckCi(result: CheckCiResult, ci: Ci, project: string): string {
  if (result.kind === 'author-not-found') {
    return [
      `author not found: Gerrit knows no account with username '${result.ciId}'.`,
      `Hint: ci.id must be the CI account's username (Gerrit: the account's Settings → Profile → Username),`,
      `not its display name or e-mail address; usernames are case-sensitive.`,
      '',
    ]
      .map(printable)
      .join('\n');
  }
  if (result.kind === 'wiki-account-not-found') return wikiNotFound(result).map(printable).join('\n');
  if (result.comments.length === 0) {
    return printable(
      `No comments by '${result.ciId}' on ${project}. Is the CI commenting on this project (or on the driver's own repo)?\n`,
    );
  }
  const lines = commentLines(result.comments);
  const counting = result.comments.filter((c) => c.counts).length;
  // A wiki-named CI's account is what update found: say which.
  const by = ci.id === undefined ? ` by ${result.ciId} (the account named by ${ci.wiki_name ?? '?'})` : '';
  lines.push(
    '',
    `${counting} of ${result.comments.length} comments${by} count (${result.requests} request${result.requests === 1 ? '' : 's'}).`,
    '',
  );
  // Comment lines come from Gerrit as their authors wrote them: escaped, so none can colour or forge output.
  return lines.map(printable).join('\n');
}

/** Pasted comments (`--message`): the same lines per comment, judged on their text alone. */
export function formatPasted(comments: CommentReport[], source: string): string {
  const counting = comments.filter((c) => c.counts).length;
  const lines = [
    ...commentLines(comments, source),
    '',
    `${counting} of ${comments.length} comment${comments.length === 1 ? '' : 's'} would count, judged on the text alone: on Gerrit a comment`,
    `also has to be on the final patch set of a merged change, inside the scan window, on a release's branch.`,
    '',
  ];
  return lines.map(printable).join('\n');
}

function wikiNotFound(result: Extract<CheckCiResult, { kind: 'wiki-account-not-found' }>): string[] {
  const fullName = wikiFullName(result.wikiName);
  const found =
    result.candidates.length > 0
      ? `${result.candidates.length} Gerrit accounts are named "${fullName}": ${result.candidates.join(', ')}.`
      : `no Gerrit account is named "${fullName}" or has the username '${result.wikiName}'.`;
  return [
    `account not found from wiki_name '${result.wikiName}': ${found}`,
    `Hint: set ci.id to the CI account's username; update does not scan this driver until one account is found.`,
    '',
  ];
}

/** The lines each comment gets, in the text report, for pasted comments and for --suggest alike. */
export function commentLines(comments: CommentReport[], source?: string): string[] {
  const lines: string[] = [];
  comments.forEach((c, i) => {
    lines.push(`${i + 1}. ${where(c, source)}`);
    if (c.verdict) {
      lines.push(`   ${c.verdict.result ? 'SUCCESS' : 'FAILURE'} line: ${c.verdict.line}`);
      if (c.verdict.judgedBy === 'zuul') {
        const jobs = (c.verdict.jobs ?? []).map((job) => `${job.name} ${job.result}`);
        lines.push(
          `   judged by the Zuul report's jobs: ${jobs.length > 0 ? jobs.join(', ') : "none shown (the report's successful jobs were omitted)"}`,
        );
      }
      if (c.verdict.judgedBy === 'vote') lines.push(`   judged by the Verified vote (no job lines)`);
    }
    // A counting comment is a run, worded as the update report and the dashboard word it.
    const run =
      c.verdict && c.patchSet !== undefined && c.timestamp !== undefined && 'changeNumber' in c.at
        ? `: ${runWords({ timestamp: c.timestamp, change_number: c.at.changeNumber, patch_set: c.patchSet, ci_result: c.verdict.result })}`
        : '';
    lines.push(c.counts ? `   counts${run}` : `   does not count: ${c.reasons.join('; ')}`);
    for (const close of c.closest) {
      lines.push(`     closest to ${close.pattern} (${close.shared.join(', ')}): ${close.line}`);
    }
  });
  return lines;
}

function where(c: CommentReport, source = ''): string {
  if ('line' in c.at)
    return `${source} line ${c.at.line}${c.patchSet !== undefined ? `  PS ${c.patchSet}` : ''}`;
  const patchSet =
    c.patchSet === c.finalPatchSet
      ? `PS ${c.patchSet} (final)`
      : `PS ${c.patchSet ?? '?'} of ${c.finalPatchSet ?? '?'}`;
  const release = c.release ?? 'no listed release';
  return `${c.timestamp ?? '?'}  ${c.at.url}  ${c.at.status}  ${c.at.branch} → ${release}  ${patchSet}`;
}

/** One JSON object per comment, for tools and vendors' scripts: `counts` and `reasons` are update's verdict. */
export function formatCheckCiJson(result: CheckCiResult, ci: Ci, project: string, since: number): string {
  const document = {
    project,
    ci_id: result.kind === 'wiki-account-not-found' ? null : result.ciId,
    ...(ci.wiki_name !== undefined ? { wiki_name: ci.wiki_name } : {}),
    since: toIsoSeconds(since),
    author_found: result.kind === 'comments',
    ...(result.kind === 'wiki-account-not-found' ? { candidates: result.candidates } : {}),
    requests: result.requests,
    comments: result.kind === 'comments' ? result.comments.map(commentJson) : [],
  };
  return JSON.stringify(document, null, 2) + '\n';
}

/** Pasted comments as JSON: the same objects, change fields null. */
export function formatPastedJson(comments: CommentReport[]): string {
  return JSON.stringify({ comments: comments.map(commentJson) }, null, 2) + '\n';
}

function commentJson(c: CommentReport) {
  const onGerrit = 'changeNumber' in c.at ? c.at : undefined;
  return {
    timestamp: c.timestamp ?? null,
    change_number: onGerrit?.changeNumber ?? null,
    patch_set: c.patchSet ?? null,
    branch: onGerrit?.branch ?? null,
    release: c.release ?? null,
    ...('line' in c.at ? { line_number: c.at.line } : {}),
    counts: c.counts,
    ci_result: c.verdict === undefined ? null : c.verdict.result ? 'SUCCESS' : 'FAILURE',
    line: c.verdict?.line ?? null,
    judged_by: c.verdict?.judgedBy ?? null,
    jobs: c.verdict?.jobs ?? [],
    reasons: c.reasons,
  };
}
