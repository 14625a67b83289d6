import { openRegistry, requireValidRegistry } from '../store/open-registry.ts';
import type { AuditFormat } from './audit-options.ts';
import { auditRegistry } from './audit-registry.ts';
import type { AuditKind, AuditReport } from './finding.ts';
import { auditJson } from './format-json.ts';
import { auditMarkdown } from './format-markdown.ts';
import { auditText } from './format-text.ts';

export interface AuditRun {
  cwd: string;
  dataFile: string;
  asOf: number;
  silentDays: number;
  format: AuditFormat;
  failOn: ReadonlySet<AuditKind>;
}

export interface AuditOutcome {
  output: string;
  report: AuditReport;
  /** The kinds named by --fail-on that were found: exit 1 when any. */
  failed: AuditKind[];
}

const RENDER: Record<AuditFormat, (report: AuditReport) => string> = {
  text: auditText,
  markdown: auditMarkdown,
  json: auditJson,
};

/**
 * Reads the registry (the only I/O), audits it as of `asOf`, and renders the report. Findings rest on the shape
 * the schema guarantees (runs, timestamps): a registry with errors is refused (exit 1), never guessed at.
 */
export function runAudit(run: AuditRun): AuditOutcome {
  const registry = requireValidRegistry(openRegistry(run.dataFile, { cwd: run.cwd }));
  const report = auditRegistry(registry, { asOf: run.asOf, silentDays: run.silentDays });
  const failed = [...run.failOn].filter((kind) => report.counts[kind] > 0);
  return { output: RENDER[run.format](report), report, failed };
}
