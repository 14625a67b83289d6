import type { AuditKind, AuditReport, Finding } from './finding.ts';
import { AUDIT_KINDS } from './finding.ts';
import { markdownLink, markdownText } from '../common/markdown.ts';

const SECTIONS: Record<AuditKind, { title: string; about: (report: AuditReport) => string }> = {
  silent: {
    title: 'Silent CI',
    about: (r) =>
      `Drivers whose CI left no counting comment in the last ${r.silent_days} days, on any release, or never did.`,
  },
  failing: {
    title: 'Failing CI',
    about: () =>
      'Releases whose newest 3 runs all failed, or where fewer than half of 5 or more recent runs passed.',
  },
  'claim-without-evidence': {
    title: 'Claims without evidence',
    about: () => 'Releases a driver claims with no CI record at all.',
  },
  'unsupported-candidate': {
    title: 'Candidates to mark unsupported',
    about: () => "The project's support matrix marks the driver supported, but its CI is silent or failing.",
  },
  'restore-candidate': {
    title: 'Candidates to restore',
    about: () =>
      "The project's support matrix marks the driver unsupported, but its CI passed its newest 3 runs.",
  },
  'account-not-found': {
    title: 'CI accounts Gerrit does not know',
    about: () =>
      "The last scan found no Gerrit account with the driver's ci.id: it must be the account's username.",
  },
};

/** The audit as GitHub-flavoured Markdown: a section per kind, one line per finding, each with its evidence. */
export function auditMarkdown(report: AuditReport): string {
  const day = report.as_of.slice(0, 10);
  const releases = report.releases
    .map((id) => (id === report.development_release ? `${id} (in development)` : id))
    .join(', ');
  const total = report.findings.length;
  const lines = [
    `# DriverLog audit, ${day}`,
    '',
    `Releases audited: ${releases === '' ? 'none' : markdownText(releases)}. ${total} ${total === 1 ? 'finding' : 'findings'}.`,
    '',
    '| kind | findings |',
    '| --- | ---: |',
    ...AUDIT_KINDS.map((kind) => `| ${SECTIONS[kind].title} | ${report.counts[kind]} |`),
  ];
  for (const kind of AUDIT_KINDS) {
    const findings = report.findings.filter((finding) => finding.kind === kind);
    lines.push(
      '',
      `## ${SECTIONS[kind].title} (\`${kind}\`): ${findings.length}`,
      '',
      SECTIONS[kind].about(report),
      '',
    );
    if (findings.length === 0) lines.push('None.');
    for (const finding of findings) lines.push(`- ${findingLine(finding)}`);
  }
  return lines.join('\n') + '\n';
}

function findingLine(f: Finding): string {
  const who = `${markdownText(f.project_id)}: **${markdownText(f.vendor)}** ${markdownText(f.name)}`;
  const release = f.release === undefined ? '' : ` on ${markdownText(f.release)}`;
  return `${who}${release} — ${details(f)}`;
}

function details(f: Finding): string {
  switch (f.kind) {
    case 'silent':
      return `${lastReport(f)}; ${link(f)}`;
    case 'failing':
      return `${tally(f)}; ${link(f)}`;
    case 'claim-without-evidence':
      return `no CI record${f.ci_id ? ` from ${markdownText(f.ci_id)}` : ' and no ci block'}; ${link(f)}`;
    case 'unsupported-candidate':
      return `supported in the matrix, CI ${(f.because ?? []).join(' and ')}: ${f.because?.includes('silent') ? `${lastReport(f)}, ` : ''}${tally(f)}; ${link(f)}`;
    case 'restore-candidate':
      return `unsupported in the matrix, CI ${tally(f)}; ${link(f)}`;
    case 'account-not-found':
      return `no Gerrit account ${markdownText(f.ci_id ?? '')}; fix ci.id`;
  }
}

function lastReport(f: Finding): string {
  if (f.last_report === null || f.last_report === undefined) return 'never reported';
  return `last report ${f.last_report.slice(0, 10)}, ${f.days_since_report} days before the audit`;
}

function tally(f: Finding): string {
  return `${f.passed} of the last ${f.runs} runs passed`;
}

function link(f: Finding): string {
  if (f.review_url !== undefined) return markdownLink('newest evidence', f.review_url);
  if (f.search_url !== undefined) return markdownLink("the CI's comments", f.search_url);
  return 'no evidence to link';
}
