import { describe, expect, it } from 'vitest';
import type { LocatedProblem } from '../../backend/validate/problem.ts';
import {
  escapeProperty,
  formatGithub,
  formatJson,
  formatText,
  summary,
} from '../../backend/validate/problem-output.ts';

const problems: LocatedProblem[] = [
  {
    file: 'data.json',
    line: 12,
    column: 7,
    check: 'schema',
    severity: 'error',
    pointer: '/drivers/3/ci',
    message: 'missing required property "failure_pattern"',
    hint: 'add "failure_pattern"',
  },
  {
    file: 'dir,a:b/data.json',
    line: 40,
    column: 9,
    check: 'broad-pattern',
    severity: 'warning',
    pointer: '',
    message: '100% broad\nline two\r',
    hint: 'anchor it',
  },
];

describe('reports', () => {
  it('text: FILE:LINE:COLUMN, severity, check, message, an indented hint and a summary', () => {
    expect(formatText(problems, 2)).toBe(
      'data.json:12:7  error  schema  /drivers/3/ci: missing required property "failure_pattern"\n' +
        '    hint: add "failure_pattern"\n' +
        // Data's control characters are shown, not obeyed: no forged lines.
        'dir,a:b/data.json:40:9  warning  broad-pattern  100% broad\\nline two\\r\n' +
        '    hint: anchor it\n' +
        '1 error, 1 warning in 2 files\n',
    );
    expect(summary([], 1)).toBe('0 errors, 0 warnings in 1 file');
  });

  it('github: workflow commands with their escaping', () => {
    expect(formatGithub(problems)).toBe(
      '::error file=data.json,line=12,col=7,title=schema::/drivers/3/ci: missing required property "failure_pattern" — add "failure_pattern"\n' +
        '::warning file=dir%2Ca%3Ab/data.json,line=40,col=9,title=broad-pattern::100%25 broad\\nline two\\r — anchor it\n',
    );
    expect(escapeProperty('a%b\nc:d,e')).toBe('a%25b%0Ac%3Ad%2Ce');
  });

  it('json: the located problems as an array', () => {
    expect(JSON.parse(formatJson(problems))).toEqual(problems);
    expect(JSON.parse(formatJson([]))).toEqual([]);
  });
});
