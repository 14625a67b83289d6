import { printable } from '../common/escape.ts';
import { wikiFullName } from '../gerrit/ci-account.ts';
import { commentLines } from './format-check-ci.ts';
import type { SuggestResult } from './run-suggest.ts';
import type { JobTally } from './suggest-ci.ts';

/** `check-ci --suggest` as text: the account, what its comments are, the jobs seen, the block, and its verdicts. */
export function formatSuggestion(result: SuggestResult, project: string): string {
  if (result.kind === 'account-not-found') {
    const fullName = wikiFullName(result.account);
    const lines =
      result.candidates.length > 0
        ? [
            `${result.candidates.length} Gerrit accounts are named "${fullName}": ${result.candidates.join(', ')}.`,
            `Hint: give one of their usernames with --account.`,
          ]
        : [
            `Gerrit knows no account with the username '${result.account}' or the full name "${fullName}".`,
            `Hint: --account takes the CI account's username or its full name (a wiki name's _ reads as a space).`,
          ];
    return [...lines, ''].map(printable).join('\n');
  }
  const { account, suggestion: s } = result;
  const lines = [
    `Account ${account.username}${account.name !== undefined ? ` (${account.name})` : ''}, found by ${account.by === 'name' ? 'its full name' : 'its username'}: ${s.comments} recent comment${s.comments === 1 ? '' : 's'} on ${project} read.`,
  ];
  if (s.comments === 0) {
    lines.push(`No comments to read: is the CI commenting on ${project}?`, '');
    return lines.map(printable).join('\n');
  }
  lines.push(
    `${s.zuulReports} of ${s.comments} are Zuul reports${s.shortForms > 0 ? ` (${s.shortForms} in the short form)` : ''}${s.pipelines.length > 0 ? `, pipelines ${s.pipelines.join(', ')}` : ''}; ${s.votesOnly} only a Verified vote.`,
  );
  if (s.jobs.length > 0) {
    lines.push('', 'Jobs seen:');
    const width = Math.min(60, Math.max(...s.jobs.map((job) => label(job).length)));
    for (const job of s.jobs) {
      const notRun = job.notRun > 0 ? `, ${job.notRun} skipped` : '';
      lines.push(`  ${label(job).padEnd(width)}  passed ${job.passed}, failed ${job.failed}${notRun}`);
    }
  }
  if (s.ci === undefined) {
    lines.push(
      '',
      'No ci block proposed: these comments are neither Zuul reports nor Verified votes. Write success_pattern and',
      "failure_pattern on the line that names the driver's own result (CONTRIBUTING.md), and check them with",
      `driverlog check-ci --project ${project} --ci-id ${account.username} --success-pattern … --failure-pattern …`,
      '',
    );
    return lines.map(printable).join('\n');
  }
  const own = s.jobs.find((job) => !job.nonVoting);
  lines.push(
    '',
    'Proposed ci block (paste it into the driver):',
    ...`"ci": ${JSON.stringify(s.ci, null, 2)}`.split('\n'),
    '',
    `It reads ${s.readable} of the ${s.comments} comments. Every voting job line of a report counts for the driver.`,
    `If this CI reports for several drivers, add "jobs" with this driver's own job names${own ? `, e.g. "jobs": [${JSON.stringify(literal(own.name))}]` : ''}.`,
    '',
    `How the last ${result.judged.length} comment${result.judged.length === 1 ? '' : 's'} would be judged by it:`,
    ...commentLines(result.judged),
    '',
  );
  return lines.map(printable).join('\n');
}

/** A job name as an RE2 pattern matching exactly it. */
function literal(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function label(job: JobTally): string {
  return job.nonVoting ? `${job.name} (non-voting)` : job.name;
}
