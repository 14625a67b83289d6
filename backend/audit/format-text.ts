import { AUDIT_KINDS, wikiWords, type AuditReport, type Finding } from './finding.ts';
import { printable } from '../common/escape.ts';

/** The audit for a terminal or a log: one line per finding, then the count per kind. */
export function auditText(report: AuditReport): string {
  const lines = [
    `audit as of ${report.as_of}: releases ${report.releases.join(', ') || 'none'}${report.development_release ? ` (${report.development_release} in development)` : ''}`,
  ];
  const width = Math.max(...AUDIT_KINDS.map((kind) => kind.length));
  for (const finding of report.findings) {
    const who = [finding.project_id, finding.vendor, finding.name].map(printable).join(':');
    const release = finding.release === undefined ? '' : ` on ${printable(finding.release)}`;
    const url = finding.review_url ?? finding.search_url;
    lines.push(
      `${finding.kind.padEnd(width)}  ${who}${release}: ${evidence(finding)}${url ? `  ${url}` : ''}`,
    );
  }
  const counts = AUDIT_KINDS.filter((kind) => report.counts[kind] > 0).map(
    (kind) => `${report.counts[kind]} ${kind}`,
  );
  lines.push(
    report.findings.length === 0
      ? 'no findings'
      : `${report.findings.length} ${report.findings.length === 1 ? 'finding' : 'findings'}: ${counts.join(', ')}`,
  );
  return lines.join('\n') + '\n';
}

function evidence(f: Finding): string {
  const last =
    f.last_report === null
      ? 'never reported'
      : `last report ${f.last_report} (${f.days_since_report} days ago)`;
  const runs = `${f.passed} of the last ${f.runs} runs passed`;
  switch (f.kind) {
    case 'silent':
      return last;
    case 'failing':
      return `${runs} (${f.rule})`;
    case 'claim-without-evidence':
      return f.ci_id ? `claimed, no record from ${printable(f.ci_id)}` : 'claimed, no ci block';
    case 'unsupported-candidate':
      return `supported in the matrix, CI ${(f.because ?? []).join(' and ')}: ${f.because?.includes('silent') ? `${last}, ` : ''}${runs}`;
    case 'restore-candidate':
      return `unsupported in the matrix, ${runs}`;
    case 'account-not-found':
      return f.wiki_name === undefined
        ? `no Gerrit account '${printable(f.ci_id ?? '')}'`
        : wikiWords(f.wiki_name, f.candidates, printable);
  }
}
