import { describe, expect, it } from 'vitest';
import { firstDifference } from '../../backend/format/first-difference.ts';

describe('firstDifference', () => {
  it('is undefined for equal texts', () => {
    expect(firstDifference('a\nb\n', 'a\nb\n')).toBeUndefined();
  });

  it('names the line and column of the first differing character', () => {
    expect(firstDifference('a\nbxc\n', 'a\nbyc\n')).toEqual({
      line: 2,
      column: 2,
      expected: 'byc',
      actual: 'bxc',
    });
    expect(firstDifference('a\n', 'a\nb\n')).toMatchObject({ line: 2, actual: '', expected: 'b' });
    expect(firstDifference('a', 'a\n')).toMatchObject({ line: 2, actual: '(end of file)', expected: '' });
  });

  it('shows a window around the difference on a long line', () => {
    const expected = `${'x'.repeat(500)}EXPECTED${'y'.repeat(500)}`;
    const actual = `${'x'.repeat(500)}ACTUAL${'y'.repeat(500)}`;
    const difference = firstDifference(actual, expected)!;
    expect(difference.column).toBe(501);
    expect(difference.expected).toBe(`…${'x'.repeat(20)}EXPECTED${'y'.repeat(52)}…`);
    expect(difference.actual).toBe(`…${'x'.repeat(20)}ACTUAL${'y'.repeat(54)}…`);
  });
});
