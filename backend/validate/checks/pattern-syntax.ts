import type { Check } from './check.ts';
import { everyPattern, fieldLabel } from './shape.ts';
import { quote } from '../../common/quote.ts';

// The batch job runs patterns in RE2, which has no backtracking features; the original DriverLog never
// compiled its patterns before running them, so broken ones only showed up as "CI not found".
export const patternSyntax: Check = {
  id: 'pattern-syntax',
  description: 'Every CI pattern and ci.jobs entry compiles as an RE2 regular expression.',
  run: ({ data, compile }) =>
    everyPattern(data, compile).flatMap(({ field, pointer, source, compiled }) =>
      compiled.ok
        ? []
        : [
            {
              check: 'pattern-syntax',
              severity: 'error' as const,
              pointer,
              message: `${fieldLabel(field)} ${quote(source)} is not a valid RE2 pattern: ${compiled.reason}`,
              hint: rewriteHint(source, compiled.reason),
            },
          ],
    ),
};

export function rewriteHint(source: string, reason = ''): string {
  // RE2 names the part it refused, e.g. "invalid character class range: `\\p{Nope}`".
  const unicodeClass = /`(\\[pP]\{?[^`]*)`/.exec(reason)?.[1];
  if (unicodeClass && /invalid character class range/.test(reason)) {
    return `RE2 knows no Unicode class ${unicodeClass}: use a category or script it knows, e.g. \\p{L} (letters), \\p{N} (digits) or \\p{Greek}, or list the characters, e.g. [A-Za-z]`;
  }
  if (/\(\?<?[=!]/.test(source)) {
    return 'RE2 has no lookahead or lookbehind: match the text itself (e.g. "job-a \\S+ : SUCCESS"), since a line either matches or not';
  }
  if (/\\[1-9]/.test(source)) return 'RE2 has no backreferences: write the repeated text out literally';
  if (source.includes('(?>')) return 'RE2 has no atomic groups, and needs none: use a plain group "(...)"';
  if (/(?:[*+?]|\{\d+(?:,\d*)?\})\+/.test(source))
    return 'RE2 has no possessive quantifiers, and needs none: drop the extra "+"';
  if (/\\Z/.test(source)) return 'RE2 writes end of text as "$" (or "\\z"), not "\\Z"';
  return 'fix the syntax (RE2 syntax: https://github.com/google/re2/wiki/Syntax); escape literal ( ) [ ] { } . * + ? with a backslash';
}
