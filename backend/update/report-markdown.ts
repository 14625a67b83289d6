import type { UpdateSummary } from './format-summary.ts';

const MAX_ROWS = 50;

/** An update run's summary as GitHub-flavoured Markdown, for a CI job summary. */
export function summaryMarkdown(summary: UpdateSummary): string {
  const d = summary.drivers;
  const failed = summary.failed_projects.length > 0;
  const lines = [
    `### DriverLog update ${failed ? '— some projects failed' : ''}`.trimEnd(),
    '',
    `Gerrit ${cell(summary.gerrit_url)}, window since ${summary.since}; ${summary.changes_read} changes read with ${summary.requests} requests (${summary.retries} retries) in ${(summary.duration_ms / 1000).toFixed(1)} s.`,
    '',
    '| drivers scanned | with a release newly verified | with a release newly failing | unchanged | unmapped comments | unknown CI accounts |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${d.scanned} | ${d.newly_verified} | ${d.newly_failing} | ${d.unchanged} | ${summary.unmapped_comments} | ${summary.unknown_accounts.length} |`,
  ];
  if (failed) {
    lines.push('', '**Projects that could not be scanned** (their previous evidence is kept):', '');
    for (const { project, error } of summary.failed_projects) lines.push(`- \`${project}\`: ${cell(error)}`);
  }
  if (summary.unknown_accounts.length > 0) {
    lines.push('', '**CI accounts Gerrit does not know:**', '');
    for (const { driver, message } of summary.unknown_accounts)
      lines.push(`- ${cell(driver)}: ${cell(message)}`);
  }
  if (summary.records.length > 0) {
    lines.push('', '| change | driver | release | review |', '| --- | --- | --- | --- |');
    for (const record of summary.records.slice(0, MAX_ROWS)) {
      const review = record.review_url ? `[link](${record.review_url})` : '';
      lines.push(`| ${record.kind} | ${cell(record.driver)} | ${record.release} | ${review} |`);
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

// Registry text goes into a table cell: keep it on one line and unable to break the table or inject HTML.
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[|<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}
