import { compilePattern, searchLine } from '../ci/pattern.ts';
import type { AcceptedPattern } from './accepted-pattern.ts';
import { parsePlainPattern } from './plain-pattern.ts';

/** What the checks need of a CI pattern: whether RE2 accepts it, and then how it matches lines. */
export type CheckedPattern = AcceptedPattern | { ok: false; reason: string };

/** Plain patterns are judged without RE2 (see plain-pattern.ts); every other one is compiled in RE2. */
export function checkPattern(source: string): CheckedPattern {
  const plain = parsePlainPattern(source);
  if (plain) return plain;
  const compiled = compilePattern(source);
  if (!compiled.ok) return compiled;
  const test = (line: string): boolean => searchLine(compiled.regex, line);
  return { ok: true, test, find: (set) => set.lines.find((line) => test(line.text)) };
}
