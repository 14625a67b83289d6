import type { LocatedProblem } from './problem.ts';

/**
 * The new-side line numbers a unified diff (`git diff --unified=0`) adds or changes. Hunk headers are
 * `@@ -a[,b] +c[,d] @@`: d lines from line c (d defaults to 1; 0 means a pure deletion).
 */
export function changedLines(diff: string): Set<number> {
  const lines = new Set<number>();
  for (const [, start, count] of diff.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const first = Number(start);
    for (let line = first; line < first + Number(count ?? 1); line++) lines.add(line);
  }
  return lines;
}

/**
 * Keeps every error (a change can break lines it did not touch, e.g. by removing a project others
 * use) and only the warnings on changed lines: a vendor's pull request should show its own warnings,
 * not the ones older entries already carry. A warning marked `errorWhenChanged` is an error on a changed
 * line: old entries may keep what a change must not write (a vendor's former name).
 */
export function onChangedLines(
  problems: readonly LocatedProblem[],
  changed: ReadonlyMap<string, ReadonlySet<number>>,
): { kept: LocatedProblem[]; hidden: number } {
  const kept: LocatedProblem[] = [];
  for (const problem of problems) {
    const onChange = changed.get(problem.file)?.has(problem.line) === true;
    if (problem.severity === 'error') kept.push(problem);
    else if (onChange) kept.push(problem.errorWhenChanged ? { ...problem, severity: 'error' } : problem);
  }
  return { kept, hidden: problems.length - kept.length };
}
