import { describe, expect, it } from 'vitest';
import { meetsTarget } from '../../bench/meets-target.ts';

describe('meetsTarget', () => {
  it('reads upper and lower bounds', () => {
    expect(meetsTarget(0.8, '< 1 s', 's')).toBe(true);
    expect(meetsTarget(1, '< 1 s')).toBe(false);
    expect(meetsTarget(60, '<= 60 KB')).toBe(true);
    expect(meetsTarget(61, '≤ 60')).toBe(false);
    expect(meetsTarget(2, '>= 3')).toBe(false);
  });

  it('has no verdict without a target', () => {
    expect(meetsTarget(5, '')).toBeUndefined();
  });
});

describe('meetsTarget units', () => {
  it('refuses a target in another unit than the figure', () => {
    expect(() => meetsTarget(804, '< 1 s', 'ms')).toThrow(/not in the figure's unit "ms"/);
    expect(meetsTarget(804, '< 1000 ms', 'ms')).toBe(true);
  });
});
