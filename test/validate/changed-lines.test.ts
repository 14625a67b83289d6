import { describe, expect, it } from 'vitest';
import { changedLines, onChangedLines } from '../../backend/validate/changed-lines.ts';
import type { LocatedProblem } from '../../backend/validate/problem.ts';

describe('changedLines', () => {
  it('reads the new-side lines of every hunk, with the default count of 1 and pure deletions', () => {
    const diff = [
      'diff --git a/default_data.json b/default_data.json',
      '@@ -10,0 +11,3 @@',
      '+a',
      '@@ -40 +43 @@',
      '-b',
      '+c',
      '@@ -60,2 +62,0 @@',
    ].join('\n');
    expect([...changedLines(diff)].sort((a, b) => a - b)).toEqual([11, 12, 13, 43]);
  });
});

describe('onChangedLines', () => {
  const problem = (line: number, severity: 'error' | 'warning'): LocatedProblem => ({
    file: 'f.json',
    line,
    column: 1,
    check: 'x',
    severity,
    pointer: '',
    message: '',
    hint: '',
  });

  it('keeps every error and only the warnings on changed lines', () => {
    const problems = [problem(5, 'warning'), problem(7, 'warning'), problem(9, 'error')];
    const { kept, hidden } = onChangedLines(problems, new Map([['f.json', new Set([7])]]));
    expect(kept.map((p) => p.line)).toEqual([7, 9]);
    expect(hidden).toBe(1);
  });

  it('makes a warning marked errorWhenChanged an error on a changed line, and leaves it a warning elsewhere', () => {
    const marked = (line: number): LocatedProblem => ({
      ...problem(line, 'warning'),
      errorWhenChanged: true,
    });
    const { kept, hidden } = onChangedLines(
      [marked(3), marked(7), problem(7, 'warning')],
      new Map([['f.json', new Set([7])]]),
    );
    expect(kept.map((p) => [p.line, p.severity])).toEqual([
      [7, 'error'],
      [7, 'warning'],
    ]);
    expect(hidden).toBe(1);
  });
});
