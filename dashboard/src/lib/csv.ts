import { headlineStatus } from './headline.ts';
import type { SiteModel } from './model.ts';
import { releaseSpan } from './release-views.ts';
import { routes } from './routes.ts';
import { statusView } from './status.ts';

// RFC 4180 CSV, safe to open in a spreadsheet.

/** A cell a spreadsheet would read as a formula gets a leading apostrophe, so it stays text. */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const CSV_HEADER = [
  'project_id',
  'project',
  'vendor',
  'driver',
  'description',
  'releases',
  'ci_status',
  'ci_evidence_release',
  'ci_evidence_time',
  'ci_account',
  'maintainers',
  'wiki',
  'page',
] as const;

/** One line per driver with its headline status, as of `now` (the build). */
export function driversCsv(model: SiteModel, now: number, staleDays: number, siteUrl: string): string {
  const order = model.releases.map((r) => r.id);
  const rows = model.drivers.map((d) => {
    const status = headlineStatus(d.status, model.roles, now, staleDays);
    const evidence = 'evidence' in status ? status : undefined;
    return [
      d.projectId,
      d.projectName,
      d.vendorName,
      d.name,
      d.description,
      releaseSpan(d.claims, order),
      statusView(status, false).label,
      evidence?.release ?? '',
      evidence ? new Date(evidence.evidence.at).toISOString().replace('.000Z', 'Z') : '',
      d.ci?.id ?? '',
      d.maintainers.map((m) => m.name).join('; '),
      d.wiki,
      `${siteUrl}${routes.driver(d.slug)}`,
    ];
  });
  return toCsv([CSV_HEADER, ...rows]);
}
