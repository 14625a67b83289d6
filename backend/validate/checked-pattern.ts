import { compilePattern, searchLine } from '../ci/pattern.ts';
import { parsePlainPattern } from './plain-pattern.ts';

/** What the checks need of a CI pattern: whether RE2 accepts it, and whether it matches a line. */
export type CheckedPattern = { ok: true; test(line: string): boolean } | { ok: false; reason: string };

/** Plain patterns are judged without RE2 (see plain-pattern.ts); every other one is compiled in RE2. */
export function checkPattern(source: string): CheckedPattern {
  const plain = parsePlainPattern(source);
  if (plain) return plain;
  const compiled = compilePattern(source);
  if (!compiled.ok) return compiled;
  return { ok: true, test: (line) => searchLine(compiled.regex, line) };
}
