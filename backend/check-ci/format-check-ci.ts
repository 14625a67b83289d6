import { printable } from '../common/escape.ts';
import { toIsoSeconds } from '../common/time.ts';
import { runWords } from '../ci/run-words.ts';
import type { CheckCiResult } from './run-check-ci.ts';

export function formatCheckCi(result: CheckCiResult, ciId: string, project: string): string {
  if (result.kind === 'author-not-found') {
    return [
      `author not found: Gerrit knows no account with username '${ciId}'.`,
      `Hint: ci.id must be the CI account's username (Gerrit: the account's Settings → Profile → Username),`,
      `not its display name or e-mail address; usernames are case-sensitive.`,
      '',
    ].join('\n');
  }
  if (result.comments.length === 0) {
    return `No comments by '${ciId}' on ${project}. Is the CI commenting on this project (or on the driver's own repo)?\n`;
  }
  const lines: string[] = [];
  result.comments.forEach((c, i) => {
    const patchSet =
      c.patchSet === c.finalPatchSet
        ? `PS ${c.patchSet} (final)`
        : `PS ${c.patchSet ?? '?'} of ${c.finalPatchSet ?? '?'}`;
    const release = c.release ?? 'no listed release';
    lines.push(`${i + 1}. ${c.timestamp}  ${c.url}  ${c.status}  ${c.branch} → ${release}  ${patchSet}`);
    if (c.verdict) lines.push(`   ${c.verdict.result ? 'SUCCESS' : 'FAILURE'} line: ${c.verdict.line}`);
    // A counting comment is a run, worded as the update report and the dashboard word it.
    const run =
      c.verdict && c.patchSet !== undefined
        ? `: ${runWords({ timestamp: c.timestamp, change_number: c.changeNumber, patch_set: c.patchSet, ci_result: c.verdict.result })}`
        : '';
    lines.push(c.counts ? `   counts${run}` : `   does not count: ${c.reasons.join('; ')}`);
    for (const close of c.closest) {
      lines.push(`     closest to ${close.pattern} (${close.shared.join(', ')}): ${close.line}`);
    }
  });
  const counting = result.comments.filter((c) => c.counts).length;
  lines.push(
    '',
    `${counting} of ${result.comments.length} comments count (${result.requests} request${result.requests === 1 ? '' : 's'}).`,
    '',
  );
  // Comment lines come from Gerrit as their authors wrote them: escaped, so none can colour or forge output.
  return lines.map(printable).join('\n');
}

/** One JSON object per comment, for tools and vendors' scripts: `counts` and `reasons` are update's verdict. */
export function formatCheckCiJson(
  result: CheckCiResult,
  ciId: string,
  project: string,
  since: number,
): string {
  const comments =
    result.kind === 'comments'
      ? result.comments.map((c) => ({
          timestamp: c.timestamp,
          change_number: c.changeNumber,
          patch_set: c.patchSet ?? null,
          branch: c.branch,
          release: c.release ?? null,
          counts: c.counts,
          ci_result: c.verdict === undefined ? null : c.verdict.result ? 'SUCCESS' : 'FAILURE',
          line: c.verdict?.line ?? null,
          reasons: c.reasons,
        }))
      : [];
  const document = {
    project,
    ci_id: ciId,
    since: toIsoSeconds(since),
    author_found: result.kind === 'comments',
    requests: result.requests,
    comments,
  };
  return JSON.stringify(document, null, 2) + '\n';
}
