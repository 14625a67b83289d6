import type { Check } from './check.ts';
import { ciPatterns } from './shape.ts';

// The batch job runs patterns in RE2, which has no backtracking features; the original DriverLog never
// compiled its patterns before running them, so broken ones only showed up as "CI not found".
export const patternSyntax: Check = {
  id: 'pattern-syntax',
  description: 'Every CI pattern compiles as an RE2 regular expression.',
  run: ({ data, compile }) =>
    ciPatterns(data, compile).flatMap(({ field, pointer, source, compiled }) =>
      compiled.ok
        ? []
        : [
            {
              check: 'pattern-syntax',
              severity: 'error' as const,
              pointer,
              message: `${field} ${JSON.stringify(source)} is not a valid RE2 pattern: ${compiled.reason}`,
              hint: rewriteHint(source),
            },
          ],
    ),
};

export function rewriteHint(source: string): string {
  if (/\(\?<?[=!]/.test(source)) {
    return 'RE2 has no lookahead or lookbehind: match the text itself (e.g. "job-a \\S+ : SUCCESS"), since a line either matches or not';
  }
  if (/\\[1-9]/.test(source)) return 'RE2 has no backreferences: write the repeated text out literally';
  if (source.includes('(?>')) return 'RE2 has no atomic groups, and needs none: use a plain group "(...)"';
  if (/[*+?}][+]/.test(source))
    return 'RE2 has no possessive quantifiers, and needs none: drop the extra "+"';
  if (/\\Z/.test(source)) return 'RE2 writes end of text as "$" (or "\\z"), not "\\Z"';
  return 'fix the syntax (RE2 syntax: https://github.com/google/re2/wiki/Syntax); escape literal ( ) [ ] { } . * + ? with a backslash';
}
