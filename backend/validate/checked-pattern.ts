import { compilePattern, searchLine } from '../ci/pattern.ts';
import type { LineSet } from './line-set.ts';
import { parsePlainPattern } from './plain-pattern.ts';

/**
 * What the checks need of a CI pattern: whether RE2 accepts it, whether it matches a line, and the first line of
 * a set it matches.
 */
export type CheckedPattern =
  | {
      ok: true;
      test(line: string): boolean;
      find<T extends { text: string }>(set: LineSet<T>): T | undefined;
    }
  | { ok: false; reason: string };

/** Plain patterns are judged without RE2 (see plain-pattern.ts); every other one is compiled in RE2. */
export function checkPattern(source: string): CheckedPattern {
  const plain = parsePlainPattern(source);
  if (plain) return plain;
  const compiled = compilePattern(source);
  if (!compiled.ok) return compiled;
  const test = (line: string): boolean => searchLine(compiled.regex, line);
  return { ok: true, test, find: (set) => set.lines.find((line) => test(line.text)) };
}
