import { markdownLink, markdownText } from '../common/markdown.ts';
import { pathWords, reasonWords, VERDICT_WORDS, verdictCounts } from './reason-words.ts';
import { VERDICTS, type UpgradeReport, type Verdict } from './verdict-types.ts';

const TITLES: Record<Verdict, string> = { blocked: 'Blocked', attention: 'Needs attention', ok: 'OK' };

/** The report for a change ticket or an issue: a section per verdict, a list item per driver, registry text escaped. */
export function upgradeMarkdown(report: UpgradeReport): string {
  const lines = [
    `# Upgrade readiness: ${markdownText(`${report.from} → ${report.to}`)}`,
    '',
    `${markdownText(pathWords(report))}: ${verdictCounts(report)}. A CI is silent after ${report.silent_days} days without a counting comment (as of ${report.as_of.slice(0, 10)}).`,
  ];
  for (const verdict of VERDICTS) {
    const drivers = report.drivers.filter((d) => d.verdict === verdict);
    lines.push('', `## ${TITLES[verdict]}: ${drivers.length}`, '');
    if (drivers.length === 0) lines.push('None.');
    for (const driver of drivers) {
      lines.push(
        `- **${markdownText(driver.vendor)}** ${markdownText(driver.name)} (${markdownText(driver.project_id)}): ${VERDICT_WORDS[verdict]}`,
      );
      for (const reason of driver.reasons) {
        const source = markdownLink(reason.source, reason.url);
        lines.push(`  - ${markdownText(reasonWords(reason, report))}; source: ${source}`);
      }
      if (driver.gained.length > 0) {
        lines.push(`  - gains: ${driver.gained.map((feature) => markdownText(feature)).join(', ')}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}
