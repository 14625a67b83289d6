import type { AuditReport } from './finding.ts';

/** The audit for tools: the report as it is, findings in their order. */
export function auditJson(report: AuditReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
