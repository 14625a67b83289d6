import type { VendorFactsLog } from './apply-vendor-facts.ts';

/** The log of applyVendorFacts as lines for a person. */
export function describeVendorFacts(log: VendorFactsLog, file: string, written: boolean): string {
  const lines: string[] = [];
  for (const vendor of log.addedVendors)
    lines.push(`vendor added: ${vendor.id} (${JSON.stringify(vendor.name)}): not in the facts, review it`);
  const renames = new Map<string, number>();
  for (const { from, to } of log.renamed)
    renames.set(`${from} → ${to}`, (renames.get(`${from} → ${to}`) ?? 0) + 1);
  for (const [rename, count] of renames)
    lines.push(`vendor renamed: ${rename} (${count} driver${count === 1 ? '' : 's'})`);
  for (const merge of log.merged) {
    lines.push(
      `merged in ${merge.project}: ${merge.from.map((n) => JSON.stringify(n)).join(', ')} into ${JSON.stringify(merge.into)}: ${merge.why}`,
    );
    for (const drop of merge.dropped)
      lines.push(
        `  not kept: ${JSON.stringify(drop.name)}'s ${drop.field} ${JSON.stringify(drop.value)} (the merged entry has its own)`,
      );
  }
  for (const { project, retired_on } of log.retired) lines.push(`retired: ${project} on ${retired_on}`);
  lines.push(`${file} ${written ? 'written' : 'unchanged'}`);
  return `${lines.join('\n')}\n`;
}
