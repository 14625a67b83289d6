import { describe, expect, it } from 'vitest';
import { compilePattern, searchLine } from '../../backend/ci/pattern.ts';
import { redosShapes } from '../../backend/ci/redos-shape.ts';

describe('redosShapes', () => {
  it.each([
    ['(a+)+$', 'nested-quantifier', '(a+)+', 'a+$'],
    ['(a*)*b', 'nested-quantifier', '(a*)*', 'a*b'],
    ['x((ab)+)+', 'nested-quantifier', '((ab)+)+', 'x(ab)+'],
    ['(\\S+\\s?)*:', 'nested-quantifier', '(\\S+\\s?)*', undefined],
    ['(a|a)*', 'overlapping-alternatives', '(a|a)*', 'a*'],
    ['(a|ab)+c', 'overlapping-alternatives', '(a|ab)+', undefined],
    ['(?:[a-c]|b)*', 'overlapping-alternatives', '(?:[a-c]|b)*', undefined],
  ])('finds %s', (pattern, kind, part, simpler) => {
    expect(redosShapes(pattern)).toEqual([{ kind, part, simpler }]);
  });

  it.each([
    'job-a \\S+ : SUCCESS',
    'gate-sahara.*-hdp.* \\S+ : SUCCESS',
    '(?:foo|bar)+',
    '(a|b)*',
    '\\(a+\\)+',
    '[(]a+[)]+',
    '(a+){2}',
  ])('leaves %s alone', (pattern) => {
    expect(redosShapes(pattern)).toEqual([]);
  });

  it('is harmless in RE2: (a+)+$ answers correctly on a 100,000-character pathological line', () => {
    const compiled = compilePattern('(a+)+$');
    if (!compiled.ok) throw new Error(compiled.reason);
    // A backtracking engine explores 2^n ways to split these a's before failing on the final "!".
    expect(searchLine(compiled.regex, 'a'.repeat(100_000) + '!')).toBe(false);
    expect(searchLine(compiled.regex, '!' + 'a'.repeat(100_000))).toBe(true);
    const overlapping = compilePattern('^(a|a)*$');
    if (!overlapping.ok) throw new Error(overlapping.reason);
    expect(searchLine(overlapping.regex, 'a'.repeat(100_000) + 'b')).toBe(false);
  });
});
