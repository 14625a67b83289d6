import { printable } from '../common/escape.ts';
import { pathWords, reasonWords, VERDICT_WORDS, verdictCounts } from './reason-words.ts';
import { VERDICTS, type UpgradeReport } from './verdict-types.ts';

/** The report for a terminal: a heading line, then one block per driver, verdict first, blocked ones first. */
export function upgradeText(report: UpgradeReport): string {
  const lines = [`Upgrade ${pathWords(report)}: ${verdictCounts(report)}`];
  for (const verdict of VERDICTS) {
    for (const driver of report.drivers.filter((d) => d.verdict === verdict)) {
      const who = [driver.project_id, driver.vendor, driver.name].map(printable).join(' · ');
      lines.push('', `${VERDICT_WORDS[verdict]}: ${who}`);
      for (const reason of driver.reasons) {
        lines.push(`  - ${printable(reasonWords(reason, report))}`);
        lines.push(
          `      source: ${printable(reason.source)}${reason.url ? `  ${printable(reason.url)}` : ''}`,
        );
      }
      if (driver.gained.length > 0) lines.push(`  gains: ${driver.gained.map(printable).join(', ')}`);
    }
  }
  if (report.drivers.length === 0) lines.push('', 'No driver in scope.');
  return lines.join('\n') + '\n';
}
