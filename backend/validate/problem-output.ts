import { printable } from '../common/escape.ts';
import type { LocatedProblem } from './problem.ts';

// How `driverlog validate` prints problems: for people (text), for GitHub Actions annotations
// (github), for tools (json). Pure: they return the text to print.

export type ReportFormat = 'text' | 'github' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'github', 'json'];

const where = (problem: LocatedProblem): string => (problem.pointer === '' ? '' : `${problem.pointer}: `);
// Messages quote the data: its control characters are shown escaped, never sent to the terminal or the log.
const shown = (problem: LocatedProblem): string => printable(`${where(problem)}${problem.message}`);

export function formatText(problems: readonly LocatedProblem[], fileCount: number): string {
  const lines = problems.map(
    (p) =>
      `${printable(p.file)}:${p.line}:${p.column}  ${p.severity}  ${p.check}  ${shown(p)}\n    hint: ${printable(p.hint)}\n`,
  );
  return lines.join('') + summary(problems, fileCount) + '\n';
}

export function summary(problems: readonly LocatedProblem[], fileCount: number): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(fileCount, 'file')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** GitHub workflow commands: https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions */
export function formatGithub(problems: readonly LocatedProblem[]): string {
  return problems
    .map((p) => {
      const properties = `file=${escapeProperty(p.file)},line=${p.line},col=${p.column},title=${escapeProperty(p.check)}`;
      return `::${p.severity} ${properties}::${escapeData(`${shown(p)} — ${printable(p.hint)}`)}\n`;
    })
    .join('');
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatJson(problems: readonly LocatedProblem[]): string {
  return JSON.stringify(problems, null, 2) + '\n';
}

export function formatReport(
  format: ReportFormat,
  problems: readonly LocatedProblem[],
  fileCount: number,
): string {
  if (format === 'github') return formatGithub(problems);
  if (format === 'json') return formatJson(problems);
  return formatText(problems, fileCount);
}
