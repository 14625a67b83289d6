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
    lines.push(c.counts ? '   counts' : `   does not count: ${c.reasons.join('; ')}`);
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
  return lines.join('\n');
}
