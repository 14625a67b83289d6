import { markdownCell as cell, markdownCode, markdownLink } from '../common/markdown.ts';
import { runWords } from '../ci/run-words.ts';
import { futureWords, type UpdateSummary } from './format-summary.ts';

const MAX_ROWS = 50;

/** An update run's summary as GitHub-flavoured Markdown, for a CI job summary. */
export function summaryMarkdown(summary: UpdateSummary): string {
  const d = summary.drivers;
  const failed = summary.failed_projects.length > 0;
  const lines = [
    `### DriverLog update ${failed ? '— some projects failed' : ''}`.trimEnd(),
    '',
    `Gerrit ${cell(summary.gerrit_url)}, window since ${cell(summary.since)}; ${summary.changes_read} changes read with ${summary.requests} requests (${summary.retries} retries) in ${(summary.duration_ms / 1000).toFixed(1)} s.`,
    '',
    '| drivers scanned | with a release newly verified | with a release newly failing | unchanged | unmapped comments | unknown CI accounts |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${d.scanned} | ${d.newly_verified} | ${d.newly_failing} | ${d.unchanged} | ${summary.unmapped_comments} | ${summary.unknown_accounts.length} |`,
  ];
  if (failed) {
    lines.push('', '**Projects that could not be scanned** (their previous evidence is kept):', '');
    for (const { project, error } of summary.failed_projects)
      lines.push(`- ${markdownCode(project)}: ${cell(error)}`);
  }
  if (summary.unknown_accounts.length > 0) {
    lines.push('', '**CI accounts Gerrit does not know:**', '');
    for (const { driver, message } of summary.unknown_accounts)
      lines.push(`- ${cell(driver)}: ${cell(message)}`);
  }
  const skipped = summary.skipped_changes ?? [];
  if (skipped.length > 0) {
    lines.push('', '**Changes Gerrit sent malformed** (skipped; the rest of their project counted):', '');
    for (const { project, change, problem } of skipped)
      lines.push(`- ${cell(change)} of ${markdownCode(project)}: ${cell(problem)}`);
  }
  const future = summary.future_dated ?? [];
  if (future.length > 0) {
    lines.push('', "**Dates after Gerrit's clock** (not evidence, never a scan position):", '');
    for (const dated of future) lines.push(`- ${cell(futureWords(dated))}`);
    const unlisted = (summary.future_dated_total ?? future.length) - future.length;
    if (unlisted > 0) lines.push(`- … and ${unlisted} more`);
  }
  if (summary.records.length > 0) {
    lines.push('', '| change | driver | release | run | review |', '| --- | --- | --- | --- | --- |');
    for (const record of summary.records.slice(0, MAX_ROWS)) {
      // Only a web address becomes a link: a report file is input like any other.
      const review = record.review_url === undefined ? '' : markdownLink('link', record.review_url);
      const run = record.run ? cell(runWords(record.run)) : '';
      lines.push(
        `| ${cell(record.kind)} | ${cell(record.driver)} | ${cell(record.release)} | ${run} | ${review} |`,
      );
    }
    if (summary.records.length > MAX_ROWS)
      lines.push('', `… and ${summary.records.length - MAX_ROWS} more in the JSON report.`);
  }
  lines.push(
    '',
    summary.commit
      ? `Committed ${summary.commit.sha.slice(0, 12)}: ${cell(summary.commit.subject)}${summary.commit.pushed ? ' (pushed)' : ''}`
      : summary.written
        ? 'The data file was updated.'
        : 'Nothing new: the data file is unchanged.',
  );
  return lines.join('\n') + '\n';
}
