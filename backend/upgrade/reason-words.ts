import type { Reason, UpgradeReport, Verdict } from './verdict-types.ts';

// The words of a verdict, the same in the terminal, in Markdown and on the dashboard.

export const VERDICT_WORDS: Record<Verdict, string> = {
  blocked: 'blocked',
  attention: 'needs attention',
  ok: 'ok',
};

const RULE_WORDS = {
  'newest-3-failed': 'its newest 3 runs failed',
  'fewer-than-half-passed': 'fewer than half of its recent runs passed',
} as const;

/** What a reason says, as a sentence without its source. Data in it is raw: renderers escape it. */
export function reasonWords(
  reason: Reason,
  report: Pick<UpgradeReport, 'from' | 'to' | 'silent_days'>,
): string {
  const release = reason.release ?? report.to;
  switch (reason.kind) {
    case 'removed':
      return release === report.to
        ? `removed from the tree in ${release}`
        : `removed from the tree in ${release}, so not in it at ${report.to}`;
    case 'unsupported':
      return `unsupported by the project at ${release}`;
    case 'retired':
      return `the project was retired on ${reason.retired_on}, before ${release}`;
    case 'unsupported-on-the-way':
      return `unsupported by the project at ${release}, on the way to ${report.to}`;
    case 'feature-lost':
      return `${reason.title ?? reason.feature}: ${reason.was} at ${report.from}, ${reason.now ?? 'not stated'} at ${release}`;
    case 'no-tree-data':
      return `whether it is in the project's tree at ${release} is unknown: the registry has not read that tree yet`;
    case 'no-ci-evidence':
      return reason.no_ci
        ? `no CI declared, so no CI evidence for ${release}`
        : `no CI evidence for ${release}`;
    case 'failing':
      return `CI failing on ${release}: ${reason.rule ? RULE_WORDS[reason.rule] : 'failing'} (${reason.passed} of the last ${reason.runs} passed)`;
    case 'silent':
      return reason.last_report
        ? `CI silent: no counting comment for over ${report.silent_days} days, the last on ${reason.last_report.slice(0, 10)}`
        : 'CI silent: no counting comment on record';
    case 'claim-dropped':
      return `claimed by the vendor for ${report.from}, not for ${release}`;
    case 'unknown-at-from':
      return `neither claimed for ${release} nor in the project's tree there: nothing to compare with`;
  }
}

/** "2 blocked, 5 need attention, 10 ok". */
export function verdictCounts(report: UpgradeReport): string {
  const count = (verdict: Verdict) => report.drivers.filter((d) => d.verdict === verdict).length;
  const attention = count('attention');
  return `${count('blocked')} blocked, ${attention} ${attention === 1 ? 'needs' : 'need'} attention, ${count('ok')} ok`;
}

/** "Epoxy → Hibiscus, through Flamingo and Gazpacho". */
export function pathWords(report: Pick<UpgradeReport, 'from' | 'to' | 'walked'>): string {
  const through = report.walked.slice(0, -1);
  const via =
    through.length === 0
      ? ''
      : `, through ${through.length === 1 ? through[0] : `${through.slice(0, -1).join(', ')} and ${through.at(-1)}`}`;
  return `${report.from} → ${report.to}${via}`;
}
