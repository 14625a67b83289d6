import { printable } from '../common/escape.ts';
import { codeReportLines } from './format-code-report.ts';
import type { SyncReport } from './report.ts';
import type { DeliverablesReport } from './run-deliverables.ts';

const MAX_LISTED = 20;

/** The report as text for a terminal or a CI log. */
export function formatSyncReport(report: SyncReport): string {
  const lines: string[] = [];
  for (const project of report.projects) {
    lines.push(`${project.project} (${project.git} at ${project.head.slice(0, 12)})`);
    const width = Math.max(...project.releases.map(({ release }) => release.length));
    for (const release of project.releases) {
      const name = release.release.padEnd(width);
      if ('none' in release) {
        const at = release.ref ? `${release.ref} (${release.rule}) ` : '';
        lines.push(`  ${name}  ${at}no data: ${release.none}`);
      } else {
        lines.push(
          `  ${name}  ${release.ref} (${release.rule}) ${release.commit.slice(0, 12)}: ${release.drivers} drivers, ${release.features} features`,
        );
      }
    }
    const { drivers } = project;
    lines.push(
      `  ${project.features} features; ${drivers.in_tree} drivers in the newest matrix; ${drivers.linked} registry drivers linked`,
    );
    list(
      lines,
      'added, vendor to review',
      drivers.added_need_review.map((d) => `${d.upstream_id}: ${d.vendor} / ${d.name}`),
    );
    list(
      lines,
      'in tree, not in the registry',
      drivers.in_tree_not_in_registry.map(
        (d) =>
          `${d.upstream_id}: ${d.title} (${d.in_tree[0]}–${d.in_tree.at(-1)})${d.reason ? ` — ${d.reason}` : ''}`,
      ),
    );
    list(
      lines,
      'linked, but no matrix lists them',
      drivers.linked_not_in_matrix.map((d) => `${d.driver} (upstream_id ${d.upstream_id})`),
    );
    list(lines, 'warnings', project.warnings);
    if (project.code) lines.push(...codeReportLines(project.code));
    lines.push(project.summary.length > 0 ? `  changes: ${project.summary.join('; ')}` : '  no changes');
  }
  if (report.deliverables) lines.push(...deliverableLines(report.deliverables));
  else if (report.projects.length === 0)
    lines.push('no project has "upstream" in the registry: nothing to sync');
  if (report.check) {
    lines.push(
      report.would_change
        ? `${report.file} is behind the projects' matrices: run \`driverlog sync\` to update it`
        : `${report.file} is up to date with the projects' matrices`,
    );
  } else {
    lines.push(report.written ? `${report.file} written` : `${report.file} unchanged`);
  }
  if (report.commit) lines.push(`committed ${report.commit.sha.slice(0, 12)} ${report.commit.subject}`);
  // Titles, notes and names come from the projects' files: each line is shown as it is, never as terminal codes.
  return lines.map(printable).join('\n') + '\n';
}

function deliverableLines(report: DeliverablesReport): string[] {
  const lines = [`openstack/releases (${report.git} at ${report.ref} ${report.head.slice(0, 12)})`];
  list(
    lines,
    'linked drivers, shipped by OpenStack outside the project tree',
    report.linked.map(
      (d) => `${d.driver}: ${d.deliverable}, ${d.releases} release(s), newest ${d.newest ?? 'none'}`,
    ),
  );
  list(
    lines,
    'linked, but no release ships the deliverable',
    report.not_shipped.map((d) => `${d.driver}: ${d.deliverable}`),
  );
  list(
    lines,
    'deliverables read at their newest release',
    report.read.map(
      (d) =>
        `${d.name} ${d.hash.slice(0, 12)} (${d.release}): ${d.plugs.join('; ') || 'plugs into no project sync knows'}`,
    ),
  );
  list(
    lines,
    'added, vendor to review',
    report.added_need_review.map((d) => `${d.project}: ${d.name} (${d.entry_points.join(', ')})`),
  );
  list(
    lines,
    'not added',
    report.skipped.map((d) => `${d.project}: ${d.deliverable} — ${d.reason}`),
  );
  lines.push(report.summary.length > 0 ? `  changes: ${report.summary.join('; ')}` : '  no changes');
  return lines;
}

function list(lines: string[], title: string, items: string[]): void {
  if (items.length === 0) return;
  lines.push(`  ${title} (${items.length}):`);
  for (const item of items.slice(0, MAX_LISTED)) lines.push(`    ${item}`);
  if (items.length > MAX_LISTED)
    lines.push(`    … and ${items.length - MAX_LISTED} more (--report FILE lists all)`);
}
